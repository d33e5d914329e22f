// Reports that cite each of a batch of regulations, with action and provenance.
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @cache-by titles regulation
// @returns title string
// @returns report ReportShape
// @returns link LinkShape
UNWIND $titles AS title
MATCH (:Regulation {title: title})<-[c:CITES]-(r:Report)
RETURN title, r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt} AS report, c {.*} AS link
ORDER BY title, r.year DESC, r.id
