// Follow-through: for each of a batch of jurisdictions, the plan items of its
// year-N report whose initiatives its year-N+1 report mentions, with the
// mention as evidence.
// @param keys ["510604"]
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(planned:Report)-[pl:PLANS]->(p:Plan)-[:CONCERNS]->(i:Initiative)
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(done:Report)-[m:MENTIONS]->(i)
WHERE done.year = planned.year + 1
RETURN key, planned.id AS plannedReportId, planned.year AS plannedYear, p.text AS plan, pl {.*} AS planLink,
       i {.*} AS initiative, done.id AS doneReportId, done.year AS doneYear, m {.*} AS link
ORDER BY key, plannedYear, plan, i.name
