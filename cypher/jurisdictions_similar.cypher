// Jurisdictions most like each of a batch of jurisdictions: Jaccard similarity
// of the sets of initiatives and regulations their reports mention or cite
// (|shared| / |union|), most similar first.
// Read from the rollup kept at write time (rollup_add_*): one REPORTS_MENTION
// or REPORTS_CITE per jurisdiction and feature, so a pair of jurisdictions
// sharing a feature meets once through it, count(*) is |shared|, and each
// side's featureCount is the size of its set. The cost is the rollup degree
// of the jurisdiction's features, not their reports' (about ten reports a
// place): reference/jurisdictions_similar is the same definition walking
// every report, which test/integration/store/rollup.test.ts holds this to.
// Only the first $limit of each (as far as the page asked for) are
// projected, with how many there are in all (a page's totalCount).
// The two hops are two MATCH clauses: as one pattern, Grafeo (0.6) panics
// (selection index over its capacity) once a jurisdiction's features reach
// more rows than a chunk holds — most jurisdictions of a 5,000-report graph.
// test/integration/store/similar-at-scale.test.ts asks it of such a graph.
// @param limit 100
// @param keys ["510604"]
// @returns key string
// @returns jurisdiction JurisdictionShape
// @returns shared number
// @returns jaccard number
// @returns total number
UNWIND $keys AS key
MATCH (j:Jurisdiction {key: key})-[:REPORTS_MENTION|REPORTS_CITE]->(f)
WITH key, j.featureCount AS mineCount, f
MATCH (f)<-[:REPORTS_MENTION|REPORTS_CITE]-(o:Jurisdiction)
WHERE o.key <> key
WITH key, mineCount, o, count(*) AS shared
WITH key, o, shared, toFloat(shared) / (mineCount + o.featureCount - shared) AS jaccard
ORDER BY key, jaccard DESC, shared DESC, o.fullName
WITH key, collect([o, shared, jaccard]) AS ranked
WITH key, ranked[..$limit] AS top, size(ranked) AS total
UNWIND top AS t
WITH key, t[0] AS o, t[1] AS shared, t[2] AS jaccard, total
RETURN key, o {.*} AS jurisdiction, shared, jaccard, total
ORDER BY key, jaccard DESC, shared DESC, o.fullName
