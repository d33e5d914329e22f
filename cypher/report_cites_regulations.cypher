// One CITES relationship per canonical title, carrying the mentions in its
// `provenance` string (offsets into Report.text and indexes into
// Report.sections, see src/store/provenance.ts). Every surface form becomes an
// alias of the node: a node created here takes the row's; the forms an
// existing node lacks are added by regulations_add_aliases, the write's next
// step (reading the aliases of every merged node here cost a third of the
// statement at 50,000 reports). The rows come as columns, one list per property with
// one element per regulation ($titles[k], $counts[k]…): the embedded store's
// binding converts a list of plain values several times faster than a list
// of maps. $sentences is null unless a row keeps its sentences as strings.
// The properties are given in CREATE (null ones are not stored): on Grafeo a
// SET after CREATE cost ~1.5 µs more per property and row. A local document
// (《德阳市罗江区…》) points at the jurisdiction that issued it: $issuers[k] is
// the key of one of the report's own jurisdictions (merged by report_create
// in the same transaction), or null.
// The rows of several reports come in one call: report n's rows are
// $starts[n] to $starts[n + 1] - 1 of each column (see write-plan.ts,
// planReportsWrite: a statement's fixed cost is paid once a batch).
// @param reportIds ["r-example"]
// @param starts [0, 1]
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @param kinds ["plan"]
// @param scopes ["national"]
// @param surfaces [["法治政府建设实施纲要(2021—2025年)"]]
// @param actions ["implemented"]
// @param counts [1]
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @param issuers [null] :: ReadonlyArray<string | null>
// @returns cited number
UNWIND range(0, size($reportIds) - 1) AS n
MATCH (r:Report {id: $reportIds[n]})
UNWIND range($starts[n], $starts[n + 1] - 1) AS k
MERGE (g:Regulation {title: $titles[k]})
ON CREATE SET g.kind = $kinds[k], g.scope = $scopes[k], g.aliases = $surfaces[k]
CREATE (r)-[c:CITES {action: $actions[k], count: $counts[k], provenance: $provenance[k], sentences: $sentences[k]}]->(g)
FOREACH (key IN CASE WHEN $issuers[k] IS NULL THEN [] ELSE [$issuers[k]] END |
  MERGE (j:Jurisdiction {key: key})
  MERGE (g)-[:ISSUED_BY]->(j))
RETURN count(c) AS cited
