// Follow-through: for each of a batch of jurisdictions, the plan items of its
// year-N report whose initiatives its year-N+1 report mentions as done, with
// those mentions as evidence. The next report's own plan items restate
// intentions, not results: a mention inside one of them is no evidence, and a
// plan whose initiative the next report names only in its plans is left out.
// Which mentions lie inside them is read from the provenance strings
// (src/store/provenance.ts, mentionsOutside): `donePlans` are the next
// report's plan links.
// @param keys ["510604"]
// @returns key string
// @returns plannedReportId string
// @returns plannedYear number | null
// @returns plan string
// @returns planLink LinkShape | null
// @returns initiative InitiativeShape
// @returns doneReportId string | null
// @returns doneYear number | null
// @returns link LinkShape | null
// @returns donePlans LinkShape[]
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(planned:Report)-[pl:PLANS]->(p:Plan)-[:CONCERNS]->(i:Initiative)
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(done:Report)-[m:MENTIONS]->(i)
WHERE done.year = planned.year + 1
OPTIONAL MATCH (done)-[dp:PLANS]->(:Plan)
WITH key, planned, pl, p, i, done, m, collect(dp {.*}) AS donePlans
RETURN key, planned.id AS plannedReportId, planned.year AS plannedYear, p.text AS plan, pl {.*} AS planLink,
       i {.*} AS initiative, done.id AS doneReportId, done.year AS doneYear, m {.*} AS link, donePlans
ORDER BY key, plannedYear, plan, i.name
