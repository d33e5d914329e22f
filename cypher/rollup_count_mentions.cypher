// The jurisdiction-level rollup of initiatives, first half of a report's write:
// the REPORTS_MENTION relationships the jurisdiction already has to the
// report's initiatives count one report more (and its year). Walked from the
// jurisdiction (its few rollup relationships), not MERGEd: Grafeo (0.6)
// checks a MERGE against the hub's side (行政执法三项制度: 30 new relationships
// to hubs, 4.1 ms by MERGE against 0.4 by CREATE). Returns the ones it
// counted; rollup_add_mentions creates the others (the write plan's
// follow-up step).
// Several jurisdictions in one call, each counting one report: $names[n]
// and $years[n] belong to $keys[n], and no key comes twice (a batch whose
// reports share a jurisdiction runs once per report of it: write-plan.ts).
// @param keys ["510604"]
// @param years [2024] :: ReadonlyArray<number | null>
// @param names [["行政执法三项制度"]]
// @returns key string
// @returns name string
UNWIND range(0, size($keys) - 1) AS n
MATCH (j:Jurisdiction {key: $keys[n]})-[x:REPORTS_MENTION]->(i:Initiative)
WHERE i.name IN $names[n]
SET x.reports = x.reports + 1,
    x.years = CASE WHEN $years[n] IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y <= $years[n]] + [$years[n]] + [y IN x.years WHERE y > $years[n]] END
RETURN $keys[n] AS key, i.name AS name
