// Batch load of problems by id, with their theme (a pattern comprehension:
// see report_problems) and report.
// @param ids ["p-example"]
// @returns id string
// @returns problem ProblemShape
UNWIND $ids AS id
MATCH (r:Report)-[:IDENTIFIES]->(p:Problem {id: id})
RETURN id, p {.id, .text, theme: head([(p)-[:HAS_THEME]->(t:ProblemTheme) | t.name]), reportId: r.id} AS problem
