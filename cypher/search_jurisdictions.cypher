// Jurisdictions whose code, name or full name matches the text, ranked: 4 the
// code, name or full name itself, 2 a name or full-name prefix, 1 a substring
// of the full name (jurisdictions have no aliases). Ordered within a rank by
// the full name, the label search shows; returns the first $limit and how
// many match in all.
// @param text "罗江"
// @param limit 20
// @returns jurisdiction JurisdictionShape
// @returns rank number
// @returns total number
MATCH (j:Jurisdiction)
WHERE j.fullName CONTAINS $text OR j.code = $text
WITH j, CASE
    WHEN j.name = $text OR j.fullName = $text OR j.code = $text THEN 4
    WHEN j.name STARTS WITH $text OR j.fullName STARTS WITH $text THEN 2
    ELSE 1 END AS rank
ORDER BY rank DESC, size(j.fullName), j.fullName
WITH collect([j, rank]) AS ranked
UNWIND ranked[..$limit] AS hit
WITH hit[0] AS j, hit[1] AS rank, size(ranked) AS total
RETURN j {.*} AS jurisdiction, rank, total
ORDER BY rank DESC, size(j.fullName), j.fullName
