// The definition of jurisdictions_similar from the reports themselves, without the
// jurisdiction rollup: what test/integration/store/rollup.test.ts compares the
// rollup's answer with, on the seeds and on a random corpus. Not used by the API.
// Jurisdictions most like each of a batch of jurisdictions: Jaccard similarity
// of the sets of initiatives and regulations their reports mention or cite
// (|shared| / |union|), most similar first.
// Only the size of the own feature set travels past the first aggregation:
// grouping by the list itself (key, mine, o) made every group key a list of
// nodes to hash and compare (3× slower at 2,000 reports, same answer). Only
// the first $limit of each (as far as the page asked for) are projected,
// with how many there are in all (a page's totalCount).
// @param limit 100
// @param keys ["510604"]
// @returns key string
// @returns jurisdiction JurisdictionShape
// @returns shared number
// @returns jaccard number
// @returns total number
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(:Report)-[:MENTIONS|CITES]->(f)
WITH key, collect(DISTINCT f) AS mine
UNWIND mine AS f
MATCH (f)<-[:MENTIONS|CITES]-(:Report)-[:ABOUT]->(o:Jurisdiction)
WHERE o.key <> key
WITH key, size(mine) AS mineCount, o, count(DISTINCT f) AS shared
MATCH (o)<-[:ABOUT]-(:Report)-[:MENTIONS|CITES]->(g)
WITH key, mineCount, o, shared, count(DISTINCT g) AS theirs
WITH key, o, shared, toFloat(shared) / (mineCount + theirs - shared) AS jaccard
ORDER BY key, jaccard DESC, shared DESC, o.fullName
WITH key, collect([o, shared, jaccard]) AS ranked
WITH key, ranked[..$limit] AS top, size(ranked) AS total
UNWIND top AS t
WITH key, t[0] AS o, t[1] AS shared, t[2] AS jaccard, total
RETURN key, o {.*} AS jurisdiction, shared, jaccard, total
ORDER BY key, jaccard DESC, shared DESC, o.fullName
