// The definition of initiative_diffusion from the reports themselves, without the
// jurisdiction rollup: what test/integration/store/rollup.test.ts compares the
// rollup's answer with, on the seeds and on a random corpus. Not used by the API.
// Diffusion: for each of a batch of initiatives, every jurisdiction whose
// reports mention it, with the first year it does.
// @param names ["行政执法三项制度"]
// @returns name string
// @returns jurisdiction JurisdictionShape
// @returns firstYear number
UNWIND $names AS name
MATCH (:Initiative {name: name})<-[:MENTIONS]-(r:Report)-[:ABOUT]->(j:Jurisdiction)
WHERE r.year IS NOT NULL
WITH name, j, min(r.year) AS firstYear
RETURN name, j {.key, .code, .name, .fullName, .level, .province, .prefecture} AS jurisdiction, firstYear
ORDER BY name, firstYear, j.fullName
