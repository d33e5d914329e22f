// jurisdictions_list_by_initiative when the filter names no issuer type,
// regulation or problem theme (the usual "which counties cite 三项制度", with
// or without a year range): the same answer from the rollup alone. The
// general statement's EXISTS tests on the reports are left out rather than
// switched off by null parameters, because Grafeo (0.6) evaluates an EXISTS
// subquery even when the other side of its OR is true: at 5,000 reports
// those tests were 90 % of the answer's time. The API picks this statement
// (jurisdictionListStatement in src/api/schema/jurisdiction.ts); test/integration/store/rollup.test.ts holds
// it to the definition from the reports.
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param initiativeCategory null :: string | null
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param skip 0
// @param limit 20
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (i:Initiative)
WHERE (i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives))
  AND ($initiativeCategory IS NULL OR i.category = $initiativeCategory)
MATCH (i)<-[x:REPORTS_MENTION]-(j:Jurisdiction)
WHERE $yearFrom IS NULL AND $yearTo IS NULL
   OR any(y IN x.years WHERE ($yearFrom IS NULL OR y >= $yearFrom) AND ($yearTo IS NULL OR y <= $yearTo))
WITH DISTINCT j
WHERE {{jurisdiction_place}}
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
