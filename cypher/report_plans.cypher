// Next-year plan items, owned by their report and created with it (their id
// hashes the report id; MERGE cost a scan per row on the embedded engine),
// linked to the initiatives they concern (created by the report's MENTIONS).
// @param id "r-example"
// @param rows [{"id": "plan-example", "text": "深入实施提升行政执法质量三年行动", "initiatives": ["行政执法三项制度"], "rel": {"starts": [5], "ends": [9], "sentences": ["…"], "sections": ["四、"]}}]
MATCH (r:Report {id: $id})
UNWIND $rows AS row
CREATE (p:Plan {id: row.id, text: row.text})
CREATE (r)-[x:PLANS]->(p)
SET x = row.rel
WITH p, row
UNWIND row.initiatives AS name
MATCH (i:Initiative {name: name})
MERGE (p)-[:CONCERNS]->(i)
RETURN count(*) AS concerns
