// Batch load of problems by id, with their theme (a pattern comprehension:
// see report_problems) and report. The pattern starts at the problem, found
// by its key: Grafeo starts a pattern at its first node, and from the report's
// side it walked every report's IDENTIFIES (143 ms for ten problems of a
// 5,000-report graph, 0.3 ms from the problem).
// @param ids ["p-example"]
// @returns id string
// @returns problem ProblemShape
UNWIND $ids AS id
MATCH (p:Problem {id: id})<-[:IDENTIFIES]-(r:Report)
RETURN id, p {.id, .text, theme: head([(p)-[:HAS_THEME]->(t:ProblemTheme) | t.name]), reportId: r.id} AS problem
