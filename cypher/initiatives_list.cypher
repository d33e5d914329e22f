// One page of initiatives, ordered by $orderBy: 'reports' (how many reports mention it),
// 'mentions' (how many times they do, summed over reports) or 'name' (the name), ties by name. One row: the
// page ($skip, $limit) and how many match in all (totalCount).
// @param orderBy "reports"
// @param descending true
// @param category null :: string | null
// @param text null :: string | null
// @param skip 0
// @param limit 20
// @returns initiatives InitiativeShape[]
// @returns total number
MATCH (i:Initiative)
WHERE ($category IS NULL OR i.category = $category)
  AND ($text IS NULL OR i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text))
OPTIONAL MATCH (i)<-[m:MENTIONS]-(:Report)
WITH i, count(m) AS reports, sum(CASE WHEN m IS NULL THEN 0 ELSE coalesce(m.count, 1) END) AS mentions
WITH i, reports, mentions
ORDER BY
  CASE WHEN $orderBy = 'reports' AND $descending THEN reports END DESC,
  CASE WHEN $orderBy = 'reports' AND NOT $descending THEN reports END ASC,
  CASE WHEN $orderBy = 'mentions' AND $descending THEN mentions END DESC,
  CASE WHEN $orderBy = 'mentions' AND NOT $descending THEN mentions END ASC,
  CASE WHEN $orderBy = 'name' AND $descending THEN i.name END DESC,
  i.name
WITH collect(i) AS matched
RETURN [i IN matched[$skip..$skip + $limit] | i {.*}] AS initiatives, size(matched) AS total
