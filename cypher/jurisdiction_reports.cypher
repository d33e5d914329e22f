// Reports about each of a batch of jurisdictions, newest first (one call per
// request level, whatever the number of jurisdictions: the DataLoader batches).
// @param keys ["510604"]
// @returns key string
// @returns report ReportShape
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(r:Report)
RETURN key, r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt} AS report
ORDER BY key, r.year DESC, r.id
