// What the report is about.
// @param id "r-example"
// @param key "510604"
MATCH (r:Report {id: $id})
MATCH (j:Jurisdiction {key: $key})
MERGE (r)-[:ABOUT]->(j)
RETURN count(*) AS linked
