// The ranking of search_regulations and search_regulations_among, from `g`
// (a regulation whose title or alias holds the text): 4 the canonical title
// itself, 3 a title variant, 2 a title prefix, 1 a substring; the first
// $limit and how many in all.
// @param text "行政复议法"
// @param canonical "行政复议法"
// @param limit 20
WITH g, CASE
    WHEN g.title = $text THEN 4
    WHEN g.title = $canonical OR $text IN g.aliases THEN 3
    WHEN g.title STARTS WITH $text OR g.title STARTS WITH $canonical THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(g.title), g.title
WITH collect([g, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS g, hit[1] AS rank, size(ranked) AS total
RETURN g {.*} AS regulation, rank, total
ORDER BY rank DESC, size(g.title), g.title
