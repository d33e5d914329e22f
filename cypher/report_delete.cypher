// Removes the report node and its relationships; returns how many were removed.
// @param id "r-example"
// @returns deleted number
MATCH (r:Report {id: $id})
DETACH DELETE r
RETURN count(*) AS deleted
