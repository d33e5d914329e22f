// One MENTIONS relationship per canonical initiative, with its provenance
// (see report_cites_regulations for the form of the rows and of provenance).
// Aliases accumulate: the lexicon's and every surface form seen in any report.
// @param id "r-example"
// @param names ["行政执法三项制度"]
// @param categories ["law_enforcement"]
// @param discovered [false]
// @param aliases [["三项制度"]]
// @param counts [1]
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @returns mentioned number
MATCH (r:Report {id: $id})
UNWIND range(0, size($names) - 1) AS k
MERGE (i:Initiative {name: $names[k]})
ON CREATE SET i.category = $categories[k], i.discovered = $discovered[k], i.aliases = $aliases[k]
ON MATCH SET i.aliases = i.aliases + [a IN $aliases[k] WHERE NOT a IN i.aliases]
CREATE (r)-[m:MENTIONS {count: $counts[k], provenance: $provenance[k], sentences: $sentences[k]}]->(i)
RETURN count(m) AS mentioned
