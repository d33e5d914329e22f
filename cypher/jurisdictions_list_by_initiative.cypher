// One page of jurisdictions matching the filter of jurisdictions_list when it names
// initiatives ($initiatives not null): the same answer, but starting from the
// initiative nodes (a few) and walking their rollup (one REPORTS_MENTION per
// jurisdiction, with the years of its mentioning reports) instead of every
// mentioning report ("which counties cite 三项制度"). A year range is
// answered by the rollup's years; only an issuer type needs the
// jurisdiction's own reports (a handful). reference/jurisdictions_list_by_initiative
// is the definition from the reports. One row: the page and the total. The
// other conditions are as in jurisdictions_list.
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param initiativeCategory null :: string | null
// @param skip 0
// @param limit 20
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (i:Initiative)
WHERE (i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives))
  AND ($initiativeCategory IS NULL OR i.category = $initiativeCategory)
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
