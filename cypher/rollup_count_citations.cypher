// The jurisdiction-level rollup of regulations, first half of a report's write:
// the REPORTS_CITE relationships the jurisdiction already has to the
// report's regulations count one report more (and its year). Walked from the
// jurisdiction (its few rollup relationships), not MERGEd: Grafeo (0.6)
// checks a MERGE against the hub's side (the 纲要: 30 new relationships
// to hubs, 4.1 ms by MERGE against 0.4 by CREATE). Returns the ones it
// counted; rollup_add_citations creates the others (the write plan's
// follow-up step).
// @param key "510604"
// @param year 2024 :: number | null
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @returns title string
MATCH (j:Jurisdiction {key: $key})-[x:REPORTS_CITE]->(g:Regulation)
WHERE g.title IN $titles
SET x.reports = x.reports + 1,
    x.years = CASE WHEN $year IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y <= $year] + [$year] + [y IN x.years WHERE y > $year] END
RETURN g.title AS title
