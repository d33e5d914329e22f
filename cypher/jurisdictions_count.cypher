// How many jurisdictions match the filter of jurisdictions_list (totalCount).
// @param level "county"
// @param province null
// @param text null
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param regulations null
MATCH (j:Jurisdiction)
WHERE ($level IS NULL OR j.level = $level)
  AND ($province IS NULL OR j.province = $province)
  AND ($text IS NULL OR j.fullName CONTAINS $text)
  AND ($initiatives IS NULL OR EXISTS {
    MATCH (j)<-[:ABOUT]-(:Report)-[:MENTIONS]->(i:Initiative)
    WHERE i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives)
  })
  AND ($regulations IS NULL OR EXISTS {
    MATCH (j)<-[:ABOUT]-(:Report)-[:CITES]->(g:Regulation)
    WHERE g.title IN $regulations OR any(alias IN g.aliases WHERE alias IN $regulations)
  })
RETURN count(j) AS total
