// The jurisdiction-level rollup of regulations: REPORTS_CITE from a
// jurisdiction to each regulation its reports cite, kept as
// rollup_add_mentions keeps REPORTS_MENTION (same properties, same
// featureCount).
// @param key "510604"
// @param year 2024 :: number | null
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @returns created number
MATCH (j:Jurisdiction {key: $key})
UNWIND $titles AS title
MATCH (g:Regulation {title: title})
MERGE (j)-[x:REPORTS_CITE]->(g)
ON CREATE SET x.reports = 0, x.years = []
SET x.reports = x.reports + 1,
    x.years = CASE WHEN $year IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y <= $year] + [$year] + [y IN x.years WHERE y > $year] END
WITH j, sum(CASE WHEN x.reports = 1 THEN 1 ELSE 0 END) AS created
SET j.featureCount = coalesce(j.featureCount, 0) + created
RETURN created
