// The ranking of search_initiatives and search_initiatives_among, from `i`
// (an initiative whose name or alias holds the text, or named $canonical): 4
// the name itself, 3 an alias (a surface form seen in reports, or the
// lexicon's alias whose canonical name the API passes as $canonical), 2 a
// name prefix, 1 a substring of the name or an alias; the first $limit and
// how many in all.
// @param text "三项制度"
// @param canonical "行政执法三项制度" :: string | null
// @param limit 20
WITH i, CASE
    WHEN i.name = $text THEN 4
    WHEN $text IN i.aliases OR i.name = $canonical THEN 3
    WHEN i.name STARTS WITH $text THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(i.name), i.name
WITH collect([i, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS i, hit[1] AS rank, size(ranked) AS total
RETURN i {.*} AS initiative, rank, total
ORDER BY rank DESC, size(i.name), i.name
