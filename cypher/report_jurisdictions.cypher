// The jurisdiction each of a batch of reports is about: its own properties,
// not its featureCount, which a write of another of its reports changes (the
// rows are cached by report).
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns jurisdiction JurisdictionShape
UNWIND $ids AS id
MATCH (:Report {id: id})-[:ABOUT]->(j:Jurisdiction)
RETURN id, j {.key, .code, .name, .fullName, .level, .province, .prefecture} AS jurisdiction
