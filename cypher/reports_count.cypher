// How many reports match the filter of reports_list (totalCount).
// @param yearFrom null
// @param yearTo null
// @param issuerType null
// @param level null
MATCH (r:Report)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom)
  AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
  AND ($level IS NULL OR EXISTS { MATCH (r)-[:ABOUT]->(j:Jurisdiction) WHERE j.level = $level })
RETURN count(r) AS total
