// How many jurisdictions matching the filter of jurisdictions_count when it names
// initiatives ($initiatives not null): the same answer, but starting from the
// initiative nodes (a few) and walking their reports to the jurisdictions,
// instead of testing every jurisdiction's reports ("which counties cite
// 三项制度"). A matching report satisfies the year and issuer conditions, so
// those EXISTS tests are implied here; the others are as in jurisdictions_count.
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
MATCH (i:Initiative)
WHERE (i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives))
  AND ($initiativeCategory IS NULL OR i.category = $initiativeCategory)
MATCH (i)<-[:MENTIONS]-(r:Report)-[:ABOUT]->(j:Jurisdiction)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
WITH DISTINCT j
WHERE ($level IS NULL OR j.level = $level)
  AND ($province IS NULL OR j.province = $province)
  AND ($prefecture IS NULL OR j.prefecture = $prefecture OR (j.level = 'prefecture' AND j.name = $prefecture))
  AND ($text IS NULL OR j.fullName CONTAINS $text)
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
