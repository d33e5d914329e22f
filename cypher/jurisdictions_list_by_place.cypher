// jurisdictions_list when the filter has only place conditions (level,
// province, prefecture, a part of the full name): the same answer without
// the filter's EXISTS tests on the reports, which Grafeo (0.6) evaluates for
// every jurisdiction even when their parameters are null (see
// jurisdictions_list_by_initiative_rollup). The API picks it
// (jurisdictionListStatement in src/api/schema/jurisdiction.ts).
// @param skip 0
// @param limit 20
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (j:Jurisdiction)
WHERE {{jurisdiction_place}}
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
