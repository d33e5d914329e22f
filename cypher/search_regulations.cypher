// Regulations whose title or a surface form matches the text, ranked like
// search_initiatives. $canonical is the text in canonical title form.
// @param text "行政复议法"
// @param canonical "行政复议法"
// @param limit 20
MATCH (g:Regulation)
WHERE g.title CONTAINS $text OR g.title CONTAINS $canonical OR any(alias IN g.aliases WHERE alias CONTAINS $text)
WITH g, CASE
    WHEN g.title = $text OR g.title = $canonical OR $text IN g.aliases THEN 3
    WHEN g.title STARTS WITH $text OR g.title STARTS WITH $canonical THEN 2
    ELSE 1 END AS rank
RETURN g {.*} AS regulation, rank
ORDER BY rank DESC, size(g.title), g.title
LIMIT $limit
