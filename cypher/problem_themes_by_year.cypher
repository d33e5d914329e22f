// The most widespread problem themes of a year: how many jurisdictions report each.
// @param year 2024
// @param limit 20
MATCH (j:Jurisdiction)<-[:ABOUT]-(r:Report {year: $year})-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
WITH t, count(DISTINCT j) AS jurisdictions, count(DISTINCT r) AS reports
RETURN t.name AS theme, jurisdictions, reports
ORDER BY jurisdictions DESC, theme
LIMIT $limit
