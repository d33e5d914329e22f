// Problems are owned by their report (their id hashes the report id), and the
// report is new when this runs, so they are created, not merged: MERGE cost a
// scan per row on the embedded engine. The theme is a shared taxonomy node.
// Rows and provenance as in report_cites_regulations.
// The rows of several reports come in one call: report n's rows are
// $starts[n] to $starts[n + 1] - 1 of each column (see write-plan.ts,
// planReportsWrite: a statement's fixed cost is paid once a batch).
// @param reportIds ["r-example"]
// @param starts [0, 1]
// @param ids ["p-example"]
// @param texts ["行政执法人员执法能力和水平还有差距"]
// @param themes ["law_enforcement_capacity"]
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @returns themed number
UNWIND range(0, size($reportIds) - 1) AS n
MATCH (r:Report {id: $reportIds[n]})
UNWIND range($starts[n], $starts[n + 1] - 1) AS k
CREATE (p:Problem {id: $ids[k], text: $texts[k]})
CREATE (r)-[:IDENTIFIES {provenance: $provenance[k], sentences: $sentences[k]}]->(p)
WITH p, $themes[k] AS theme
WHERE theme IS NOT NULL
MERGE (t:ProblemTheme {name: theme})
CREATE (p)-[:HAS_THEME]->(t)
RETURN count(*) AS themed
