// Problems are owned by their report (their id hashes the report id), and the
// report is new when this runs, so they are created, not merged: MERGE cost a
// scan per row on the embedded engine. The theme is a shared taxonomy node.
// @param id "r-example"
// @param rows [{"id": "p-example", "text": "行政执法人员执法能力和水平还有差距", "theme": "law_enforcement_capacity", "rel": {"starts": [5], "ends": [9], "sentences": ["…"], "sections": ["三、"]}}]
MATCH (r:Report {id: $id})
UNWIND $rows AS row
CREATE (p:Problem {id: row.id, text: row.text})
CREATE (r)-[x:IDENTIFIES]->(p)
SET x = row.rel
WITH p, row
WHERE row.theme IS NOT NULL
MERGE (t:ProblemTheme {name: row.theme})
MERGE (p)-[:HAS_THEME]->(t)
RETURN count(*) AS themed
