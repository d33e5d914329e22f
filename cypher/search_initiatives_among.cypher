// search_initiatives among the initiatives the embedded store's text index
// names ($names: a superset of those whose name or alias may hold the text,
// and the canonical name, see src/store/text-index.ts): the same WHERE,
// ranking, rows and total, without reading every initiative.
// @param names ["行政执法三项制度"]
// @param text "三项制度"
// @param canonical "行政执法三项制度" :: string | null
// @param limit 20
// @returns initiative InitiativeShape
// @returns rank number
// @returns total number
UNWIND $names AS candidate
MATCH (i:Initiative {name: candidate})
WHERE i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text) OR i.name = $canonical
{{search_initiatives_ranked}}
