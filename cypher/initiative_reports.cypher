// Reports that mention each of a batch of initiatives, with the provenance
// lists: the answer to "why does the graph say so".
// @param names ["行政执法三项制度"]
// @cache-by names initiative
// @returns name string
// @returns report ReportShape
// @returns link LinkShape
UNWIND $names AS name
MATCH (:Initiative {name: name})<-[m:MENTIONS]-(r:Report)
RETURN name, r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt} AS report, m {.*} AS link
ORDER BY name, r.year DESC, r.id
