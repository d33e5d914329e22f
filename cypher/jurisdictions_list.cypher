// One page of jurisdictions matching every given filter (a null filter is no
// filter). $initiatives and $regulations hold every name the user's term may
// stand for (canonical forms and the term itself); aliases on the nodes match too.
// @param level "county"
// @param province null
// @param text null
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param regulations null
// @param skip 0
// @param limit 20
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
RETURN j {.*} AS jurisdiction
ORDER BY j.fullName
SKIP $skip LIMIT $limit
