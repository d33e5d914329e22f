// Quantitative facts: the indicator is shared, the value sits on the
// relationship with its provenance. Rows and provenance as in
// report_cites_regulations.
// The rows of several reports come in one call: report n's rows are
// $starts[n] to $starts[n + 1] - 1 of each column (see write-plan.ts,
// planReportsWrite: a statement's fixed cost is paid once a batch).
// @param reportIds ["r-example"]
// @param starts [0, 1]
// @param indicators ["会前学法"]
// @param values [19]
// @param units ["次"]
// @param surfaces ["会前学法19次"]
// @param qualifiers [null] :: ReadonlyArray<string | null>
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @returns reported number
UNWIND range(0, size($reportIds) - 1) AS n
MATCH (r:Report {id: $reportIds[n]})
UNWIND range($starts[n], $starts[n + 1] - 1) AS k
MERGE (indicator:Indicator {name: $indicators[k]})
CREATE (r)-[x:REPORTS {value: $values[k], unit: $units[k], surface: $surfaces[k], qualifier: $qualifiers[k], provenance: $provenance[k], sentences: $sentences[k]}]->(indicator)
RETURN count(x) AS reported
