// Regulations whose title or a surface form matches the text, ranked like
// search_initiatives: 4 the canonical title itself, 3 a title variant (a
// surface form seen in reports, or the text in canonical form, passed as
// $canonical: dashes, brackets and digits normalized), 2 a title prefix, 1 a
// substring. Returns the first $limit and how many match in all.
// @param text "行政复议法"
// @param canonical "行政复议法"
// @param limit 20
// @returns regulation RegulationShape
// @returns rank number
// @returns total number
MATCH (g:Regulation)
WHERE g.title CONTAINS $text OR g.title CONTAINS $canonical OR any(alias IN g.aliases WHERE alias CONTAINS $text)
{{search_regulations_ranked}}
