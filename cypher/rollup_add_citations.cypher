// The jurisdiction-level rollup of regulations: REPORTS_CITE from a
// jurisdiction to each regulation its reports cite, kept as
// rollup_add_mentions keeps REPORTS_MENTION (same properties, same
// featureCount): the relationships rollup_count_citations did not count.
// Several jurisdictions in one call, each counting one report: $titles[n]
// and $years[n] belong to $keys[n], and no key comes twice (a batch whose
// reports share a jurisdiction runs once per report of it: write-plan.ts).
// @param keys ["510604"]
// @param years [2024] :: ReadonlyArray<number | null>
// @param titles [["法治政府建设实施纲要（2021—2025年）"]]
// @returns key string
// @returns created number
UNWIND range(0, size($keys) - 1) AS n
MATCH (j:Jurisdiction {key: $keys[n]})
UNWIND $titles[n] AS title
MATCH (g:Regulation {title: title})
CREATE (j)-[x:REPORTS_CITE {reports: 1, years: CASE WHEN $years[n] IS NULL THEN [] ELSE [$years[n]] END}]->(g)
WITH j, count(x) AS created
SET j.featureCount = coalesce(j.featureCount, 0) + created
RETURN j.key AS key, created
