// Next-year plan items, owned by their report and created with it (their id
// hashes the report id; MERGE cost a scan per row on the embedded engine),
// linked to the initiatives they concern. Those are initiatives the report
// itself mentions, so they are found through its MENTIONS (a few dozen
// relationships) rather than by name: after WITH … UNWIND, Grafeo's planner
// does not use the Initiative name index and scanned every initiative for
// each name, which grew with the graph (1.3 → 4.3 ms a report over 10,000
// reports). The plan is new, so CONCERNS is created; $initiatives[k] holds
// each initiative once. Rows and provenance as in report_cites_regulations.
// The rows of several reports come in one call: report n's rows are
// $starts[n] to $starts[n + 1] - 1 of each column (see write-plan.ts,
// planReportsWrite: a statement's fixed cost is paid once a batch).
// @param reportIds ["r-example"]
// @param starts [0, 1]
// @param ids ["plan-example"]
// @param texts ["深入实施提升行政执法质量三年行动"]
// @param initiatives [["行政执法三项制度"]]
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @returns concerns number
UNWIND range(0, size($reportIds) - 1) AS n
MATCH (r:Report {id: $reportIds[n]})
UNWIND range($starts[n], $starts[n + 1] - 1) AS k
CREATE (p:Plan {id: $ids[k], text: $texts[k]})
CREATE (r)-[:PLANS {provenance: $provenance[k], sentences: $sentences[k]}]->(p)
WITH r, p, k
UNWIND $initiatives[k] AS name
MATCH (r)-[:MENTIONS]->(i:Initiative {name: name})
CREATE (p)-[:CONCERNS]->(i)
RETURN count(*) AS concerns
