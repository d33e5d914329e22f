// How many problems match the filter of problems_list (totalCount).
// @param theme null
MATCH (:Report)-[:IDENTIFIES]->(p:Problem)
OPTIONAL MATCH (p)-[:HAS_THEME]->(t:ProblemTheme)
WITH p, t
WHERE $theme IS NULL OR t.name = $theme
RETURN count(p) AS total
