// The chain above each of a batch of jurisdictions: for a township its county, then the prefecture and the province (three steps at most).
// @param keys ["510604"]
// @returns key string
// @returns parent JurisdictionShape
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})-[:PART_OF*1..3]->(p:Jurisdiction)
RETURN key, p {.*} AS parent
