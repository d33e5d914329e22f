// reports_list when the filter tests only the reports' own properties (year
// range, issuer type, jurisdiction keys): the same answer without the EXISTS
// tests on the jurisdiction, initiatives and regulations, which Grafeo (0.6)
// evaluates for every report even when their parameters are null (without
// a filter, 5,000 reports took 330 ms). The API picks it (the reports field
// in src/api/schema/report.ts); test/integration/store/rollup.test.ts holds
// it to reports_list.
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param issuerType null :: string | null
// @param jurisdictionKeys null :: ReadonlyArray<string> | null
// @param oldestFirst false
// @param skip 0
// @param limit 20
// @returns reports ReportShape[]
// @returns total number
MATCH (r:Report)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom)
  AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
  AND ($jurisdictionKeys IS NULL OR r.jurisdictionKey IN $jurisdictionKeys)
WITH r ORDER BY CASE WHEN $oldestFirst THEN r.year END ASC, CASE WHEN NOT $oldestFirst THEN r.year END DESC, r.id
WITH collect(r) AS matched
RETURN [r IN matched[$skip..$skip + $limit] | r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt}] AS reports,
       size(matched) AS total
