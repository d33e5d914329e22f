// The jurisdiction-level rollup of initiatives, first half of a report's write:
// the REPORTS_MENTION relationships the jurisdiction already has to the
// report's initiatives count one report more (and its year). Walked from the
// jurisdiction (its few rollup relationships), not MERGEd: Grafeo (0.6)
// checks a MERGE against the hub's side (行政执法三项制度: 30 new relationships
// to hubs, 4.1 ms by MERGE against 0.4 by CREATE). Returns the ones it
// counted; rollup_add_mentions creates the others (the write plan's
// follow-up step).
// @param key "510604"
// @param year 2024 :: number | null
// @param names ["行政执法三项制度"]
// @returns name string
MATCH (j:Jurisdiction {key: $key})-[x:REPORTS_MENTION]->(i:Initiative)
WHERE i.name IN $names
SET x.reports = x.reports + 1,
    x.years = CASE WHEN $year IS NULL THEN x.years
                   ELSE [y IN x.years WHERE y <= $year] + [$year] + [y IN x.years WHERE y > $year] END
RETURN i.name AS name
