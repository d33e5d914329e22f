// The ranking of search_reports and search_reports_among, from `r` (a report
// whose title holds the text, or whose id is the text): 4 the title or id
// itself, 2 a title prefix, 1 a substring; the first $limit and how many in
// all.
// @param text "罗江区"
// @param limit 20
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
