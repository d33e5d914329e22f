// One page of initiatives, ordered by $orderBy: 'reports' (how many reports mention it),
// 'mentions' (how many times they do, summed over reports) or 'name' (the name), ties by name.
// @param orderBy "reports"
// @param descending true
// @param category null
// @param text null
// @param skip 0
// @param limit 20
MATCH (i:Initiative)
WHERE ($category IS NULL OR i.category = $category)
  AND ($text IS NULL OR i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text))
OPTIONAL MATCH (i)<-[m:MENTIONS]-(:Report)
WITH i, count(m) AS reports, sum(CASE WHEN m IS NULL THEN 0 ELSE coalesce(m.count, 1) END) AS mentions
RETURN i {.*} AS initiative, reports, mentions
ORDER BY
  CASE WHEN $orderBy = 'reports' AND $descending THEN reports END DESC,
  CASE WHEN $orderBy = 'reports' AND NOT $descending THEN reports END ASC,
  CASE WHEN $orderBy = 'mentions' AND $descending THEN mentions END DESC,
  CASE WHEN $orderBy = 'mentions' AND NOT $descending THEN mentions END ASC,
  CASE WHEN $orderBy = 'name' AND $descending THEN i.name END DESC,
  i.name
SKIP $skip LIMIT $limit
