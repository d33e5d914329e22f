// The chain above each of a batch of jurisdictions (prefecture, province).
// @param keys ["510604"]
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})-[:PART_OF*1..2]->(p:Jurisdiction)
RETURN key, p {.*} AS parent
