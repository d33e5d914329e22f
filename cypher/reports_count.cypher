// How many reports match the filter of reports_list (totalCount).
// @param yearFrom null
// @param yearTo null
// @param issuerType null
// @param level null
// @param province null
// @param jurisdictionKeys null
// @param initiatives null
// @param regulations null
MATCH (r:Report)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom)
  AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
  AND ($jurisdictionKeys IS NULL OR r.jurisdictionKey IN $jurisdictionKeys)
  AND ($level IS NULL AND $province IS NULL OR EXISTS {
    MATCH (r)-[:ABOUT]->(j:Jurisdiction)
    WHERE ($level IS NULL OR j.level = $level) AND ($province IS NULL OR j.province = $province)
  })
  AND ($initiatives IS NULL OR EXISTS {
    MATCH (r)-[:MENTIONS]->(i:Initiative)
    WHERE i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives)
  })
  AND ($regulations IS NULL OR EXISTS {
    MATCH (r)-[:CITES]->(g:Regulation)
    WHERE g.title IN $regulations OR any(alias IN g.aliases WHERE alias IN $regulations)
  })
RETURN count(r) AS total
