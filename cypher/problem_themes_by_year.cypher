// The most widespread problem themes of a year: how many jurisdictions report
// each. Returns the first $limit and how many themes there are in all.
// @param year 2024
// @param limit 20
// @returns theme string
// @returns jurisdictions number
// @returns reports number
// @returns total number
MATCH (j:Jurisdiction)<-[:ABOUT]-(r:Report {year: $year})-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
WITH t, count(DISTINCT j) AS jurisdictions, count(DISTINCT r) AS reports
ORDER BY jurisdictions DESC, t.name
WITH collect([t.name, jurisdictions, reports]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS theme, hit[1] AS jurisdictions, hit[2] AS reports, size(ranked) AS total
RETURN theme, jurisdictions, reports, total
ORDER BY jurisdictions DESC, theme
