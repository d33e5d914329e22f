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
{{search_problems_ranked}}
