// The provenance of each of a batch of problems (where its report states it).
// @param ids ["p-example"]
// @returns id string
// @returns link LinkShape
UNWIND $ids AS id
MATCH (:Report)-[x:IDENTIFIES]->(:Problem {id: id})
RETURN id, x {.*} AS link
