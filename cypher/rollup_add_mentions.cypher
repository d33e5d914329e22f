// The jurisdiction-level rollup of initiatives, kept at write time: one
// REPORTS_MENTION relationship from a jurisdiction to each initiative its
// reports mention, with how many of its reports do (`reports`) and their
// years (`years`: one entry per report with a year, ascending, so years[0]
// is the first). Creates, for a report written after its MENTIONS, the
// relationships the jurisdiction does not have yet ($names: those
// rollup_count_mentions did not count; each counts this one report). The
// analytics read the rollup instead of walking every report (similarity,
// diffusion, "which counties mention …"), so their cost follows the size of
// the answer, not the corpus. `featureCount` on the jurisdiction counts its
// rollup relationships of both types (the size of its feature set, what
// Jaccard similarity divides by), raised here by those created.
// Several jurisdictions in one call, each counting one report: $names[n]
// and $years[n] belong to $keys[n], and no key comes twice (a batch whose
// reports share a jurisdiction runs once per report of it: write-plan.ts).
// @param keys ["510604"]
// @param years [2024] :: ReadonlyArray<number | null>
// @param names [["行政执法三项制度"]]
// @returns key string
// @returns created number
UNWIND range(0, size($keys) - 1) AS n
MATCH (j:Jurisdiction {key: $keys[n]})
UNWIND $names[n] AS name
MATCH (i:Initiative {name: name})
CREATE (j)-[x:REPORTS_MENTION {reports: 1, years: CASE WHEN $years[n] IS NULL THEN [] ELSE [$years[n]] END}]->(i)
WITH j, count(x) AS created
SET j.featureCount = coalesce(j.featureCount, 0) + created
RETURN j.key AS key, created
