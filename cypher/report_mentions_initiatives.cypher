// One MENTIONS relationship per canonical initiative, with its provenance
// (see report_cites_regulations for the form of the rows and of provenance).
// Aliases accumulate: the lexicon's and every surface form seen in any report
// (a node created here takes the row's; initiatives_add_aliases adds those an
// existing node lacks, as regulations_add_aliases does for citations).
// The rows of several reports come in one call: report n's rows are
// $starts[n] to $starts[n + 1] - 1 of each column (see write-plan.ts,
// planReportsWrite: a statement's fixed cost is paid once a batch).
// @param reportIds ["r-example"]
// @param starts [0, 1]
// @param names ["行政执法三项制度"]
// @param categories ["law_enforcement"]
// @param discovered [false]
// @param aliases [["三项制度"]]
// @param counts [1]
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @returns mentioned number
UNWIND range(0, size($reportIds) - 1) AS n
MATCH (r:Report {id: $reportIds[n]})
UNWIND range($starts[n], $starts[n + 1] - 1) AS k
MERGE (i:Initiative {name: $names[k]})
ON CREATE SET i.category = $categories[k], i.discovered = $discovered[k], i.aliases = $aliases[k]
CREATE (r)-[m:MENTIONS {count: $counts[k], provenance: $provenance[k], sentences: $sentences[k]}]->(i)
RETURN count(m) AS mentioned
