// Batch load of reports by id (the Report node loader). The text is left out:
// it is large and only the `text` field asks for it (report_texts_by_ids).
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns report ReportShape
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN id, r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt} AS report
