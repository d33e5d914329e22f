// One page of regulations, most widely cited first, or by title ($byName).
// @param kind null
// @param scope null
// @param text null
// @param byName false
// @param skip 0
// @param limit 20
MATCH (g:Regulation)
WHERE ($kind IS NULL OR g.kind = $kind)
  AND ($scope IS NULL OR g.scope = $scope)
  AND ($text IS NULL OR g.title CONTAINS $text)
OPTIONAL MATCH (g)<-[:CITES]-(r:Report)
WITH g, count(r) AS reports
RETURN g {.*} AS regulation, reports
ORDER BY CASE WHEN NOT $byName THEN reports END DESC, g.title
SKIP $skip LIMIT $limit
