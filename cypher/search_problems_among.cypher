// search_problems among the problems the embedded store's text index names
// ($ids: a superset of those whose statement may hold the text, see
// src/store/text-index.ts): the same WHERE, ranking, rows and total, without
// reading every problem. (The problem is matched by its key alone, then its
// report from it: Grafeo starts a pattern at its first node, and from the
// report's side it walked every report's IDENTIFIES for each candidate.)
// @param ids ["p1"]
// @param text "执法"
// @param limit 20
// @returns problem ProblemShape
// @returns rank number
// @returns total number
UNWIND $ids AS candidate
MATCH (p:Problem {id: candidate})
WHERE p.text CONTAINS $text
MATCH (p)<-[:IDENTIFIES]-(r:Report)
{{search_problems_ranked}}
