// Start nodes of a subgraph asked for by a filter alone: the jurisdictions of
// the place filter (province, level; null: any) that have a report in the
// year range (null bounds: any year), most reports first, at most $limit.
// @param province "江西省"
// @param level null :: string | null
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param limit 200
// @returns label string
// @returns key string
MATCH (j:Jurisdiction)
WHERE ($province IS NULL OR j.province = $province) AND ($level IS NULL OR j.level = $level)
MATCH (j)<-[:ABOUT]-(r:Report)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
WITH j, count(r) AS reports
RETURN 'Jurisdiction' AS label, j.key AS key
ORDER BY reports DESC, key
LIMIT $limit
