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
WITH r, coalesce(r.title, r.id) AS label, CASE
    WHEN r.title = $text OR r.id = $text THEN 4
    WHEN r.title STARTS WITH $text THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(label), label
WITH collect([r, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS r, hit[1] AS rank, size(ranked) AS total
RETURN r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt} AS report, rank, total
ORDER BY rank DESC, size(coalesce(r.title, r.id)), coalesce(r.title, r.id)
