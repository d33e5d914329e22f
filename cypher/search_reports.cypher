// Reports whose title matches the text (or whose id is the text), ranked: 4
// the title or id itself, 2 a title prefix, 1 a substring of the title. The
// text of a report is not searched here (that is the `text` filter of
// `reports` and `jurisdictions`). Returns the first $limit and how many match.
// @param text "罗江区"
// @param limit 20
// @returns report ReportShape
// @returns rank number
// @returns total number
MATCH (r:Report)
WHERE r.title CONTAINS $text OR r.id = $text
{{search_reports_ranked}}
