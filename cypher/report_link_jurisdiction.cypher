// What the report is about. The report is new when this runs, so the edge is
// created: MERGE would look through every report of a busy jurisdiction.
// @param id "r-example"
// @param key "510604"
MATCH (r:Report {id: $id})
MATCH (j:Jurisdiction {key: $key})
CREATE (r)-[:ABOUT]->(j)
RETURN count(*) AS linked
