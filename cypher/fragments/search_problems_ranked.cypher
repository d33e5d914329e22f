// The ranking of search_problems and search_problems_among, from `r` and `p`
// (a problem that holds the text and the report that identifies it): 4 the
// statement itself, 2 a prefix, 1 a substring; the first $limit and how
// many in all. The head of the ranking is matched again by key for its theme
// (a pattern comprehension, as problems_by_ids): Grafeo cannot expand from a
// list element, and an OPTIONAL MATCH there joined every HAS_THEME of the
// graph, whatever the number of hits.
// @param text "执法"
// @param limit 20
WITH r, p, CASE
    WHEN p.text = $text THEN 4
    WHEN p.text STARTS WITH $text THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(p.text), p.text, p.id
WITH collect([r.id, p.id, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS reportId, hit[1] AS problemId, hit[2] AS rank, size(ranked) AS total
MATCH (p:Problem {id: problemId})
RETURN p {.id, .text, theme: head([(p)-[:HAS_THEME]->(t:ProblemTheme) | t.name]), reportId: reportId} AS problem, rank, total
ORDER BY rank DESC, size(p.text), p.text, p.id
