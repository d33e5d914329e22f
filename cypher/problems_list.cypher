// One page of problems, optionally of one theme, newest reports first. One
// row: the page ($skip, $limit) and how many match in all (totalCount).
// @param theme null :: string | null
// @param skip 0
// @param limit 20
// @returns problems ProblemShape[]
// @returns total number
MATCH (r:Report)-[:IDENTIFIES]->(p:Problem)
OPTIONAL MATCH (p)-[:HAS_THEME]->(t:ProblemTheme)
WITH r, p, t
WHERE $theme IS NULL OR t.name = $theme
WITH r, p, t ORDER BY r.year DESC, p.id
WITH collect(p {.id, .text, theme: t.name, reportId: r.id}) AS matched
RETURN matched[$skip..$skip + $limit] AS problems, size(matched) AS total
