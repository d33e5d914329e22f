// One page of jurisdictions matching the filter, in the requested order, and
// how many match in all (totalCount): one row.
// The filter and its parameters: fragments/jurisdiction_filter.cypher.
// @param skip 0
// @param limit 20
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (j:Jurisdiction)
WHERE {{jurisdiction_filter}}
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
