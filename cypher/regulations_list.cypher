// One page of regulations, ordered by $orderBy: 'reports' (how many reports cite it),
// 'mentions' (how many times they do, summed over reports) or 'name' (the title), ties by title. One row: the
// page ($skip, $limit) and how many match in all (totalCount).
// @param orderBy "reports"
// @param descending true
// @param kind null :: string | null
// @param scope null :: string | null
// @param text null :: string | null
// @param skip 0
// @param limit 20
// @returns regulations RegulationShape[]
// @returns total number
MATCH (g:Regulation)
WHERE ($kind IS NULL OR g.kind = $kind)
  AND ($scope IS NULL OR g.scope = $scope)
  AND ($text IS NULL OR g.title CONTAINS $text)
OPTIONAL MATCH (g)<-[m:CITES]-(:Report)
WITH g, count(m) AS reports, sum(CASE WHEN m IS NULL THEN 0 ELSE coalesce(m.count, 1) END) AS mentions
WITH g, reports, mentions
ORDER BY
  CASE WHEN $orderBy = 'reports' AND $descending THEN reports END DESC,
  CASE WHEN $orderBy = 'reports' AND NOT $descending THEN reports END ASC,
  CASE WHEN $orderBy = 'mentions' AND $descending THEN mentions END DESC,
  CASE WHEN $orderBy = 'mentions' AND NOT $descending THEN mentions END ASC,
  CASE WHEN $orderBy = 'name' AND $descending THEN g.title END DESC,
  g.title
WITH collect(g) AS matched
RETURN [g IN matched[$skip..$skip + $limit] | g {.*}] AS regulations, size(matched) AS total
