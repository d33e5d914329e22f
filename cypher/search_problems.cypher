// Problems (存在的问题) whose statement contains the text, ranked: 4 the
// statement itself, 2 a prefix, 1 a substring. Returns the first $limit and
// how many match in all.
// @param text "执法"
// @param limit 20
// @returns problem ProblemShape
// @returns rank number
// @returns total number
MATCH (r:Report)-[:IDENTIFIES]->(p:Problem)
WHERE p.text CONTAINS $text
WITH r, p, CASE
    WHEN p.text = $text THEN 4
    WHEN p.text STARTS WITH $text THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(p.text), p.text, p.id
WITH collect([r, p, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS r, hit[1] AS p, hit[2] AS rank, size(ranked) AS total
OPTIONAL MATCH (p)-[:HAS_THEME]->(t:ProblemTheme)
RETURN p {.id, .text, theme: t.name, reportId: r.id} AS problem, rank, total
ORDER BY rank DESC, size(p.text), p.text, p.id
