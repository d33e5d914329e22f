// jurisdictions_list_by_initiative_rollup among the initiatives the embedded store's text index
// names ($candidates: a superset of those whose name or alias may hold one of
// $initiatives, see src/store/text-index.ts): the same answer, the nodes read
// by name rather than every initiative's aliases tested (the aliases' scan
// grows with the initiatives a corpus names).
// @param candidates ["行政执法三项制度"]
// @returns jurisdictions JurisdictionShape[]
// @returns total number
UNWIND $candidates AS candidate
MATCH (i:Initiative {name: candidate})
WHERE {{initiative_named}}
{{jurisdictions_of_initiatives_rollup}}
