// The jurisdiction each of a batch of reports is about.
// @param ids ["r-example"]
UNWIND $ids AS id
MATCH (:Report {id: id})-[:ABOUT]->(j:Jurisdiction)
RETURN id, j {.*} AS jurisdiction
