// Removes the report node and its relationships; returns how many were removed.
// @param id "r-example"
MATCH (r:Report {id: $id})
DETACH DELETE r
RETURN count(*) AS deleted
