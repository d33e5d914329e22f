// The definition of regulation_diffusion from the reports themselves, without
// the jurisdiction rollup: what test/integration/store/rollup.test.ts compares
// the rollup's answer with. Not used by the API.
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @returns title string
// @returns jurisdiction JurisdictionShape
// @returns firstYear number
UNWIND $titles AS title
MATCH (:Regulation {title: title})<-[:CITES]-(r:Report)-[:ABOUT]->(j:Jurisdiction)
WHERE r.year IS NOT NULL
WITH title, j, min(r.year) AS firstYear
RETURN title, j {.key, .code, .name, .fullName, .level, .province, .prefecture} AS jurisdiction, firstYear
ORDER BY title, firstYear, j.fullName
