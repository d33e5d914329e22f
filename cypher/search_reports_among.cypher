// search_reports among the reports the embedded store's text index names
// ($ids: a superset of those whose title may hold the text, and the text
// itself, which may be an id; see src/store/text-index.ts): the same WHERE,
// ranking, rows and total, without reading every report.
// @param ids ["r1"]
// @param text "罗江区"
// @param limit 20
// @returns report ReportShape
// @returns rank number
// @returns total number
UNWIND $ids AS candidate
MATCH (r:Report {id: candidate})
WHERE r.title CONTAINS $text OR r.id = $text
{{search_reports_ranked}}
