// Problems each of a batch of reports identifies, in the order written.
// In the order of their first mention: the first number of `provenance`
// (src/store/provenance.ts), or of `starts` in the form written before it.
// The theme by a pattern comprehension: an OPTIONAL MATCH made Grafeo (0.6)
// join every HAS_THEME of the graph (16 ms for ten reports at 5,000 reports,
// against 0.3).
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns problem ProblemShape
// @returns link LinkShape
UNWIND $ids AS id
MATCH (:Report {id: id})-[x:IDENTIFIES]->(p:Problem)
RETURN id, p {.id, .text, theme: head([(p)-[:HAS_THEME]->(t:ProblemTheme) | t.name]), reportId: id} AS problem, x {.*} AS link
ORDER BY id, coalesce(toInteger(split(x.provenance, ',')[0]), x.starts[0])
