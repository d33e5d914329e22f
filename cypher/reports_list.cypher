// One page of reports matching every given filter (null = no filter): year
// range, issuer type, the level/province of the jurisdiction, the
// jurisdictions themselves, an initiative mentioned or a regulation cited
// (alias- and variant-aware). Newest first unless $oldestFirst. One row: the
// page ($skip, $limit) and how many match in all (totalCount).
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param issuerType null :: string | null
// @param level null :: string | null
// @param province null :: string | null
// @param jurisdictionKeys null :: ReadonlyArray<string> | null
// @param initiatives null :: ReadonlyArray<string> | null
// @param regulations null :: ReadonlyArray<string> | null
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
  AND ($level IS NULL AND $province IS NULL OR EXISTS {
    MATCH (r)-[:ABOUT]->(j:Jurisdiction)
    WHERE ($level IS NULL OR j.level = $level) AND ($province IS NULL OR j.province = $province)
  })
  AND ($initiatives IS NULL OR EXISTS {
    MATCH (r)-[:MENTIONS]->(i:Initiative)
    WHERE i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives)
  })
  AND ($regulations IS NULL OR EXISTS {
    MATCH (r)-[:CITES]->(g:Regulation)
    WHERE g.title IN $regulations OR any(alias IN g.aliases WHERE alias IN $regulations)
  })
WITH r ORDER BY CASE WHEN $oldestFirst THEN r.year END ASC, CASE WHEN NOT $oldestFirst THEN r.year END DESC, r.id
WITH collect(r) AS matched
RETURN [r IN matched[$skip..$skip + $limit] | r {.id, .title, .year, .issuerType, .issuerName, .jurisdictionKey, .jurisdictionConfidence, .jurisdictionBasis, .file, .sourceUrl, .published, .extractorVersion, .ingestedAt}] AS reports,
       size(matched) AS total
