// Initiatives whose name or an alias holds the text, or whose name is the
// canonical one of the lexicon alias the text is ($canonical), ranked
// (fragments/search_initiatives_ranked). Returns the first $limit of the ranking
// (the order search merges the entity types in) and how many match in all.
// @param text "三项制度"
// @param canonical "行政执法三项制度" :: string | null
// @param limit 20
// @returns initiative InitiativeShape
// @returns rank number
// @returns total number
MATCH (i:Initiative)
WHERE i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text) OR i.name = $canonical
{{search_initiatives_ranked}}
