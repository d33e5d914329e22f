// What a stored report mentions and cites, read before it is deleted or
// replaced: the read cache then drops what depended on those initiatives and
// regulations (their reports, their diffusion), which the report's removal
// changes. No row when there is no such report. (A report mentions an
// initiative and cites a title once each: no duplicates. Pattern
// comprehensions, not OPTIONAL MATCH, which Grafeo (0.6) answers by joining
// every relationship of the type: 33 ms at 5,000 reports, against 0.1.)
// @param id "r-example"
// @returns initiatives string[]
// @returns regulations string[]
MATCH (r:Report {id: $id})
RETURN [(r)-[:MENTIONS]->(i:Initiative) | i.name] AS initiatives,
       [(r)-[:CITES]->(g:Regulation) | g.title] AS regulations
