// Problems each of a batch of reports identifies, in the order written.
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns problem ProblemShape
// @returns link LinkShape
UNWIND $ids AS id
MATCH (:Report {id: id})-[x:IDENTIFIES]->(p:Problem)
OPTIONAL MATCH (p)-[:HAS_THEME]->(t:ProblemTheme)
RETURN id, p {.id, .text, theme: t.name, reportId: id} AS problem, x {.*} AS link
ORDER BY id, x.starts[0]
