// The jurisdiction-level rollup of regulations: REPORTS_CITE from a
// jurisdiction to each regulation its reports cite, kept as
// rollup_add_mentions keeps REPORTS_MENTION (same properties, same
// featureCount): the relationships rollup_count_citations did not count.
// @param key "510604"
// @param year 2024 :: number | null
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @returns created number
MATCH (j:Jurisdiction {key: $key})
UNWIND $titles AS title
MATCH (g:Regulation {title: title})
CREATE (j)-[x:REPORTS_CITE {reports: 1, years: CASE WHEN $year IS NULL THEN [] ELSE [$year] END}]->(g)
WITH j, count(x) AS created
SET j.featureCount = coalesce(j.featureCount, 0) + created
RETURN created
