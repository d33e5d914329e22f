// Problem themes in the reports of each of a batch of jurisdictions, with counts.
// @param keys ["510604"]
// @returns key string
// @returns theme string
// @returns reports number
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(r:Report)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
WITH key, t, count(DISTINCT r) AS reports
RETURN key, t.name AS theme, reports
ORDER BY key, reports DESC, theme
