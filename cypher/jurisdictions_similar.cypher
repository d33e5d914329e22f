// Jurisdictions most like each of a batch of jurisdictions: Jaccard similarity
// of the sets of initiatives and regulations their reports mention or cite
// (|shared| / |union|), most similar first.
// @param keys ["510604"]
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(:Report)-[:MENTIONS|CITES]->(f)
WITH key, collect(DISTINCT f) AS mine
UNWIND mine AS f
MATCH (f)<-[:MENTIONS|CITES]-(:Report)-[:ABOUT]->(o:Jurisdiction)
WHERE o.key <> key
WITH key, mine, o, count(DISTINCT f) AS shared
MATCH (o)<-[:ABOUT]-(:Report)-[:MENTIONS|CITES]->(g)
WITH key, mine, o, shared, count(DISTINCT g) AS theirs
RETURN key, o {.*} AS jurisdiction, shared, toFloat(shared) / (size(mine) + theirs - shared) AS jaccard
ORDER BY key, jaccard DESC, shared DESC, o.fullName
