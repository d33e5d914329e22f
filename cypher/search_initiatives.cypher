// Initiatives whose name or an alias matches the text, ranked: 3 exact name or
// alias, 2 name prefix, 1 substring of the name or an alias.
// @param text "三项"
// @param limit 20
MATCH (i:Initiative)
WHERE i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text)
WITH i, CASE
    WHEN i.name = $text OR $text IN i.aliases THEN 3
    WHEN i.name STARTS WITH $text THEN 2
    ELSE 1 END AS rank
RETURN i {.*} AS initiative, rank
ORDER BY rank DESC, size(i.name), i.name
LIMIT $limit
