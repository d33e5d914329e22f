// Jurisdictions whose reports are not rolled up yet (no featureCount while
// reports are about them): a store written before the rollup existed, or a
// graph loaded in bulk (neo4j-admin import of an export). The store rebuilds
// them when it opens for writing (rollup_rebuild).
// @param limit 500
// @returns key string
MATCH (j:Jurisdiction)
WHERE j.featureCount IS NULL AND EXISTS { (j)<-[:ABOUT]-(:Report) }
RETURN j.key AS key
LIMIT $limit
