// Diffusion of problem themes: for each of a batch of themes, every
// jurisdiction whose reports admit a problem of it, with the first year they
// do. Read from the reports (no rollup holds problems): a theme's reports are
// a walk of its own degree.
// @param names ["执法能力不足"]
// @returns name string
// @returns jurisdiction JurisdictionShape
// @returns firstYear number
UNWIND $names AS name
MATCH (:ProblemTheme {name: name})<-[:HAS_THEME]-(:Problem)<-[:IDENTIFIES]-(r:Report)-[:ABOUT]->(j:Jurisdiction)
WHERE r.year IS NOT NULL
WITH name, j, min(r.year) AS firstYear
RETURN name, j {.*} AS jurisdiction, firstYear
ORDER BY name, firstYear, j.fullName
