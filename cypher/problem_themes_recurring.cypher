// Recurrence: problem themes a jurisdiction reports in two or more years,
// with those years (of one theme when $theme is given); most recurrent first. Returns the first $limit and how
// many there are in all (a page's totalCount).
// @param minYears 2
// @param theme null :: string | null
// @param limit 50
// @returns jurisdiction JurisdictionShape
// @returns theme string
// @returns years number[]
// @returns yearCount number
// @returns total number
MATCH (j:Jurisdiction)<-[:ABOUT]-(r:Report)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
WHERE r.year IS NOT NULL AND ($theme IS NULL OR t.name = $theme)
WITH j, t, collect(DISTINCT r.year) AS years
WHERE size(years) >= $minYears
WITH j, t.name AS theme, years, size(years) AS yearCount
ORDER BY yearCount DESC, j.fullName, theme
WITH collect([j, theme, years, yearCount]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS j, hit[1] AS theme, hit[2] AS years, hit[3] AS yearCount, size(ranked) AS total
RETURN j {.*} AS jurisdiction, theme, years, yearCount, total
ORDER BY yearCount DESC, j.fullName, theme
