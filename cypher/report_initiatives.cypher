// Initiatives each of a batch of reports mentions, with the provenance lists.
// @param ids ["r-example"]
// @returns id string
// @returns initiative InitiativeShape
// @returns link LinkShape
UNWIND $ids AS id
MATCH (:Report {id: id})-[m:MENTIONS]->(i:Initiative)
RETURN id, i {.*} AS initiative, m {.*} AS link
ORDER BY id, m.count DESC, i.name
