// What a stored report mentions and cites, read before it is deleted or
// replaced: the read cache then drops what depended on those initiatives and
// regulations (their reports, their diffusion), which the report's removal
// changes. No row when there is no such report.
// @param id "r-example"
// @returns initiatives string[]
// @returns regulations string[]
MATCH (r:Report {id: $id})
OPTIONAL MATCH (r)-[:MENTIONS]->(i:Initiative)
WITH r, collect(DISTINCT i.name) AS initiatives
OPTIONAL MATCH (r)-[:CITES]->(g:Regulation)
RETURN initiatives, collect(DISTINCT g.title) AS regulations
