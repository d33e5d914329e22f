// search_regulations among the regulations the embedded store's text index
// names ($titles: a superset of those whose title or alias may hold the text
// or its canonical form, see src/store/text-index.ts): the same WHERE,
// ranking, rows and total, without reading every regulation.
// @param titles ["行政复议法"]
// @param text "行政复议法"
// @param canonical "行政复议法"
// @param limit 20
// @returns regulation RegulationShape
// @returns rank number
// @returns total number
UNWIND $titles AS candidate
MATCH (g:Regulation {title: candidate})
WHERE g.title CONTAINS $text OR g.title CONTAINS $canonical OR any(alias IN g.aliases WHERE alias CONTAINS $text)
{{search_regulations_ranked}}
