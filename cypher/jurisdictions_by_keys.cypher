// Batch load of jurisdictions by key (the Jurisdiction node loader).
// @param keys ["510604"]
// @cache-by keys jurisdiction
// @returns key string
// @returns jurisdiction JurisdictionShape
UNWIND $keys AS key
MATCH (j:Jurisdiction {key: key})
RETURN key, j {.*} AS jurisdiction
