// One page of reports, newest first, filtered by year range, issuer type and
// the level of the jurisdiction they are about.
// @param yearFrom null
// @param yearTo null
// @param issuerType null
// @param level null
// @param skip 0
// @param limit 20
MATCH (r:Report)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom)
  AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
  AND ($level IS NULL OR EXISTS { MATCH (r)-[:ABOUT]->(j:Jurisdiction) WHERE j.level = $level })
RETURN r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt} AS report
ORDER BY r.year DESC, r.id
SKIP $skip LIMIT $limit
