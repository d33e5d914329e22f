// Jurisdictions whose code, name or full name matches the text, ranked: 3
// exact code/name/full name, 2 name prefix, 1 substring of the full name.
// @param text "罗江"
// @param limit 20
MATCH (j:Jurisdiction)
WHERE j.fullName CONTAINS $text OR j.code = $text
WITH j, CASE
    WHEN j.name = $text OR j.fullName = $text OR j.code = $text THEN 3
    WHEN j.name STARTS WITH $text THEN 2
    ELSE 1 END AS rank
RETURN j {.*} AS jurisdiction, rank
ORDER BY rank DESC, size(j.name), j.fullName
LIMIT $limit
