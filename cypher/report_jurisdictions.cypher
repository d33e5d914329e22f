// The jurisdiction each of a batch of reports is about.
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns jurisdiction JurisdictionShape
UNWIND $ids AS id
MATCH (:Report {id: id})-[:ABOUT]->(j:Jurisdiction)
RETURN id, j {.*} AS jurisdiction
