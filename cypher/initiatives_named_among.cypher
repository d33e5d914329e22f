// initiatives_named among the text index's candidates
// (jurisdictions_list_by_initiative_rollup_among's `i`).
// @param candidates ["行政执法三项制度"]
// @returns name string
UNWIND $candidates AS candidate
MATCH (i:Initiative {name: candidate})
WHERE {{initiative_named}}
RETURN i.name AS name
