// Quantitative facts: the indicator is shared, the value sits on the
// relationship with its provenance. Rows and provenance as in
// report_cites_regulations.
// @param id "r-example"
// @param indicators ["会前学法"]
// @param values [19]
// @param units ["次"]
// @param surfaces ["会前学法19次"]
// @param qualifiers [null] :: ReadonlyArray<string | null>
// @param provenance ["5,9,0,20,0"]
// @param sentences null :: ReadonlyArray<ReadonlyArray<string> | null> | null
// @returns reported number
MATCH (r:Report {id: $id})
UNWIND range(0, size($indicators) - 1) AS k
MERGE (n:Indicator {name: $indicators[k]})
CREATE (r)-[x:REPORTS {value: $values[k], unit: $units[k], surface: $surfaces[k], qualifier: $qualifiers[k], provenance: $provenance[k], sentences: $sentences[k]}]->(n)
RETURN count(x) AS reported
