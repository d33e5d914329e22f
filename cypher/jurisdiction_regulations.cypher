// Regulations cited in the reports of each of a batch of jurisdictions.
// @param keys ["510604"]
// @returns key string
// @returns regulation RegulationShape
// @returns reports number
// @returns mentions number
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(r:Report)-[c:CITES]->(g:Regulation)
WITH key, g, count(DISTINCT r) AS reports, sum(c.count) AS mentions
RETURN key, g {.*} AS regulation, reports, mentions
ORDER BY key, mentions DESC, g.title
