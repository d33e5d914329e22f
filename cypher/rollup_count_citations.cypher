// The jurisdiction-level rollup of regulations, first half of a report's write:
// the REPORTS_CITE relationships the jurisdiction already has to the
// report's regulations count one report more (and its year). Walked from the
// jurisdiction (its few rollup relationships), not MERGEd: Grafeo (0.6)
// checks a MERGE against the hub's side (the 纲要: 30 new relationships
// to hubs, 4.1 ms by MERGE against 0.4 by CREATE). Returns the ones it
// counted; rollup_add_citations creates the others (the write plan's
// follow-up step).
// Several jurisdictions in one call, each counting one report: $titles[n]
// and $years[n] belong to $keys[n], and no key comes twice (a batch whose
// reports share a jurisdiction runs once per report of it: write-plan.ts).
// @param keys ["510604"]
// @param years [2024] :: ReadonlyArray<number | null>
// @param titles [["法治政府建设实施纲要（2021—2025年）"]]
// @returns key string
// @returns title string
UNWIND range(0, size($keys) - 1) AS n
MATCH (j:Jurisdiction {key: $keys[n]})-[x:REPORTS_CITE]->(g:Regulation)
WHERE g.title IN $titles[n]
SET x.reports = x.reports + 1,
    x.years = CASE WHEN $years[n] IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y <= $years[n]] + [$years[n]] + [y IN x.years WHERE y > $years[n]] END
RETURN $keys[n] AS key, g.title AS title
