// Initiatives whose name or an alias matches the text, ranked: 4 the name
// itself, 3 an alias (a surface form seen in reports, or the lexicon's alias
// whose canonical name the API passes as $canonical), 2 a name prefix, 1 a
// substring of the name or an alias. Returns the first $limit of the ranking
// (the order search merges the entity types in) and how many match in all.
// @param text "三项制度"
// @param canonical "行政执法三项制度"
// @param limit 20
// @returns initiative InitiativeShape
// @returns rank number
// @returns total number
MATCH (i:Initiative)
WHERE i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text) OR i.name = $canonical
WITH i, CASE
    WHEN i.name = $text THEN 4
    WHEN $text IN i.aliases OR i.name = $canonical THEN 3
    WHEN i.name STARTS WITH $text THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(i.name), i.name
WITH collect([i, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS i, hit[1] AS rank, size(ranked) AS total
RETURN i {.*} AS initiative, rank, total
ORDER BY rank DESC, size(i.name), i.name
