// One page of initiatives, most widely mentioned first, or by name ($byName).
// @param category null
// @param text null
// @param byName false
// @param skip 0
// @param limit 20
MATCH (i:Initiative)
WHERE ($category IS NULL OR i.category = $category)
  AND ($text IS NULL OR i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text))
OPTIONAL MATCH (i)<-[:MENTIONS]-(r:Report)
WITH i, count(r) AS reports
RETURN i {.*} AS initiative, reports
ORDER BY CASE WHEN NOT $byName THEN reports END DESC, i.name
SKIP $skip LIMIT $limit
