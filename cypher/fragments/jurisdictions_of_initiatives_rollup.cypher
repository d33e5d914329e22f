// The page of jurisdictions_list_by_initiative_rollup(_among) from its
// initiatives `i`: the jurisdictions whose rollup links them to one of them
// (within the year range) and whose place fits, in the list's order; one
// row, the page and the total.
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param skip 0
// @param limit 20
MATCH (i)<-[x:REPORTS_MENTION]-(j:Jurisdiction)
WHERE $yearFrom IS NULL AND $yearTo IS NULL
   OR any(y IN x.years WHERE ($yearFrom IS NULL OR y >= $yearFrom) AND ($yearTo IS NULL OR y <= $yearTo))
WITH DISTINCT j
WHERE {{jurisdiction_place}}
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
