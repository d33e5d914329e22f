// The jurisdiction-level rollup of initiatives, kept at write time: one
// REPORTS_MENTION relationship from a jurisdiction to each initiative its
// reports mention, with how many of its reports do (`reports`) and their
// years (`years`: one entry per report with a year, ascending, so years[0]
// is the first). Run once per report written, after its MENTIONS; the
// analytics read the rollup instead of walking every report (similarity,
// diffusion, "which counties mention …"), so their cost follows the size of
// the answer, not the corpus. `featureCount` on the jurisdiction counts its
// rollup relationships of both types (the size of its feature set, what
// Jaccard similarity divides by), raised here by those this write created.
// @param key "510604"
// @param year 2024 :: number | null
// @param names ["行政执法三项制度"]
// @returns created number
MATCH (j:Jurisdiction {key: $key})
UNWIND $names AS name
MATCH (i:Initiative {name: name})
MERGE (j)-[x:REPORTS_MENTION]->(i)
ON CREATE SET x.reports = 0, x.years = []
SET x.reports = x.reports + 1,
    x.years = CASE WHEN $year IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y <= $year] + [$year] + [y IN x.years WHERE y > $year] END
WITH j, sum(CASE WHEN x.reports = 1 THEN 1 ELSE 0 END) AS created
SET j.featureCount = coalesce(j.featureCount, 0) + created
RETURN created
