// Batch load of problems by id, with their theme and report.
// @param ids ["p-example"]
// @returns id string
// @returns problem ProblemShape
UNWIND $ids AS id
MATCH (r:Report)-[:IDENTIFIES]->(p:Problem {id: id})
OPTIONAL MATCH (p)-[:HAS_THEME]->(t:ProblemTheme)
RETURN id, p {.id, .text, theme: t.name, reportId: r.id} AS problem
