// The whole jurisdiction filter on `j`, after WHERE: place, then reports in
// the year range by the issuer type, mentioning the initiatives, citing the
// regulations, admitting the problem theme. Every condition is optional
// (null = none) and they combine with AND; the year range and issuer type
// also restrict which reports the other conditions look at ("mentions
// 三项制度 in 2021–2023"). $initiatives / $regulations hold every name the
// user's term may stand for; node aliases match too.
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param initiativeCategory null :: string | null
{{jurisdiction_place}}
  AND ($yearFrom IS NULL AND $yearTo IS NULL AND $issuerType IS NULL OR EXISTS {
    MATCH (j)<-[:ABOUT]-(r:Report)
    WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
      AND ($issuerType IS NULL OR r.issuerType = $issuerType)
  })
  AND ($initiatives IS NULL AND $initiativeCategory IS NULL OR EXISTS {
    MATCH (j)<-[:ABOUT]-(r:Report)-[:MENTIONS]->(i:Initiative)
    WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
      AND ($issuerType IS NULL OR r.issuerType = $issuerType)
      AND ($initiatives IS NULL OR i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives))
      AND ($initiativeCategory IS NULL OR i.category = $initiativeCategory)
  })
  {{jurisdiction_cites_themes}}
