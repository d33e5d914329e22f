// One page of problems, optionally of one theme, newest reports first.
// @param theme null
// @param skip 0
// @param limit 20
MATCH (r:Report)-[:IDENTIFIES]->(p:Problem)
OPTIONAL MATCH (p)-[:HAS_THEME]->(t:ProblemTheme)
WITH r, p, t
WHERE $theme IS NULL OR t.name = $theme
RETURN p {.id, .text, theme: t.name, reportId: r.id} AS problem
ORDER BY r.year DESC, p.id
SKIP $skip LIMIT $limit
