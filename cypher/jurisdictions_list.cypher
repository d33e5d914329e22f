// One page of jurisdictions matching the filter, in the requested order, and
// how many match in all (totalCount): one row.
// Every filter is optional (null = no filter) and they combine with AND; the
// year range and issuer type also restrict which reports the initiative,
// regulation and theme conditions look at ("mentions 三项制度 in 2021–2023").
// $initiatives / $regulations hold every name the user's term may stand for;
// node aliases match too.
// @param skip 0
// @param limit 20
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (j:Jurisdiction)
WHERE {{jurisdiction_filter}}
WITH j, COUNT { (j)<-[:ABOUT]-(:Report) } AS reports
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
