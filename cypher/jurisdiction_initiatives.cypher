// Initiatives mentioned in the reports of each of a batch of jurisdictions,
// with the number of reports and of mentions, most mentioned first.
// @param keys ["510604"]
// @returns key string
// @returns initiative InitiativeShape
// @returns reports number
// @returns mentions number
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(r:Report)-[m:MENTIONS]->(i:Initiative)
WITH key, i, count(DISTINCT r) AS reports, sum(m.count) AS mentions
RETURN key, i {.*} AS initiative, reports, mentions
ORDER BY key, mentions DESC, i.name
