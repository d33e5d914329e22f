// Takes a report out of its jurisdiction's rollup before the report is
// deleted: each REPORTS_MENTION / REPORTS_CITE it counted loses one report
// and one entry of its year, and goes when no report is left; featureCount
// falls by those that went. Returns the jurisdiction's key (no row when the
// report has no jurisdiction or mentions and cites nothing), so that the
// read cache drops what depended on it.
// @param id "r-example"
// @returns key string
MATCH (r:Report {id: $id})-[:ABOUT]->(j:Jurisdiction)
MATCH (r)-[:MENTIONS|CITES]->(f)
MATCH (j)-[x:REPORTS_MENTION|REPORTS_CITE]->(f)
SET x.reports = x.reports - 1,
    x.years = CASE WHEN r.year IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y < r.year] + [y IN x.years WHERE y = r.year][1..] + [y IN x.years WHERE y > r.year] END
WITH j, x, x.reports = 0 AS gone
CALL (x, gone) {
  WITH x WHERE gone
  DELETE x
}
WITH j, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed
SET j.featureCount = j.featureCount - removed
RETURN j.key AS key
