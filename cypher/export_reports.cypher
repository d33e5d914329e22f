// One page of the ids of the reports a filtered export starts from, in id
// order after the last id of the previous page (keyset paging). The
// conditions are those of jurisdictions_list, on the report's own
// jurisdiction: level, province, prefecture (its counties and itself), a
// substring of the full name, year range and issuer type; null = no condition.
// @param level "county"
// @param province null :: string | null
// @param prefecture null :: string | null
// @param jurisdiction null :: string | null
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param issuerType null :: string | null
// @param after ""
// @param limit 200
// @returns id string
MATCH (r:Report)-[:ABOUT]->(j:Jurisdiction)
WHERE r.id > $after
  AND ($level IS NULL OR j.level = $level)
  AND ($province IS NULL OR j.province = $province)
  AND ($prefecture IS NULL OR j.prefecture = $prefecture OR (j.level = 'prefecture' AND j.name = $prefecture))
  AND ($jurisdiction IS NULL OR j.fullName CONTAINS $jurisdiction)
  AND ($yearFrom IS NULL OR r.year >= $yearFrom)
  AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
RETURN DISTINCT r.id AS id
ORDER BY id
LIMIT $limit
