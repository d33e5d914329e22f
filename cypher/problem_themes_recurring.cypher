// Recurrence: problem themes a jurisdiction reports in two or more years,
// with those years; most recurrent first.
// @param minYears 2
// @param limit 50
MATCH (j:Jurisdiction)<-[:ABOUT]-(r:Report)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
WHERE r.year IS NOT NULL
WITH j, t, collect(DISTINCT r.year) AS years
WHERE size(years) >= $minYears
RETURN j {.*} AS jurisdiction, t.name AS theme, years, size(years) AS yearCount
ORDER BY yearCount DESC, j.fullName, theme
LIMIT $limit
