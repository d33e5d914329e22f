// How many jurisdictions match the filter of jurisdictions_list (totalCount).
// Every filter is optional (null = no filter) and they combine with AND; the
// year range and issuer type also restrict which reports the initiative,
// regulation and theme conditions look at ("mentions 三项制度 in 2021–2023").
// $initiatives / $regulations hold every name the user's term may stand for;
// node aliases match too.
// @param level "county"
// @param province null
// @param prefecture null
// @param text null
// @param yearFrom null
// @param yearTo null
// @param issuerType null
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param initiativeCategory null
// @param regulations null
// @param regulationKind null
// @param regulationScope null
// @param problemTheme null
MATCH (j:Jurisdiction)
WHERE ($level IS NULL OR j.level = $level)
  AND ($province IS NULL OR j.province = $province)
  AND ($prefecture IS NULL OR j.prefecture = $prefecture OR (j.level = 'prefecture' AND j.name = $prefecture))
  AND ($text IS NULL OR j.fullName CONTAINS $text)
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
  AND ($regulations IS NULL AND $regulationKind IS NULL AND $regulationScope IS NULL OR EXISTS {
    MATCH (j)<-[:ABOUT]-(r:Report)-[:CITES]->(g:Regulation)
    WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
      AND ($issuerType IS NULL OR r.issuerType = $issuerType)
      AND ($regulations IS NULL OR g.title IN $regulations OR any(alias IN g.aliases WHERE alias IN $regulations))
      AND ($regulationKind IS NULL OR g.kind = $regulationKind)
      AND ($regulationScope IS NULL OR g.scope = $regulationScope)
  })
  AND ($problemTheme IS NULL OR EXISTS {
    MATCH (j)<-[:ABOUT]-(r:Report)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
    WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
      AND t.name = $problemTheme
  })
RETURN count(j) AS total
