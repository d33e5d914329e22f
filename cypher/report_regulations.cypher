// Regulations each of a batch of reports cites, with action, count and provenance.
// @param ids ["r-example"]
// @returns id string
// @returns regulation RegulationShape
// @returns link LinkShape
UNWIND $ids AS id
MATCH (:Report {id: id})-[c:CITES]->(g:Regulation)
RETURN id, g {.*} AS regulation, c {.*} AS link
ORDER BY id, c.count DESC, g.title
