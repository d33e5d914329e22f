// The page of jurisdictions_list_by_initiative(_among) from its initiatives
// `i`: the jurisdictions whose rollup links them to one of them (within the
// year range; with an issuer type, by a report of that type), under the
// other conditions of the jurisdiction filter, in the list's order; one row,
// the page and the total.
// @param skip 0
// @param limit 20
MATCH (i)<-[x:REPORTS_MENTION]-(j:Jurisdiction)
WHERE ($yearFrom IS NULL AND $yearTo IS NULL
       OR any(y IN x.years WHERE ($yearFrom IS NULL OR y >= $yearFrom) AND ($yearTo IS NULL OR y <= $yearTo)))
  AND ($issuerType IS NULL
       OR EXISTS { MATCH (j)<-[:ABOUT]-(r:Report)-[:MENTIONS]->(i)
                   WHERE r.issuerType = $issuerType
                     AND ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo) })
WITH DISTINCT j
WHERE {{jurisdiction_place}}
  {{jurisdiction_cites_themes}}
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
