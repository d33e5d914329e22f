// Next-year plan items, owned by their report, linked to the initiatives
// they concern (which the same report's MENTIONS has already created).
// @param id "r-example"
// @param rows [{"id": "plan-example", "text": "深入实施提升行政执法质量三年行动", "initiatives": ["行政执法三项制度"], "rel": {"starts": [5], "ends": [9], "sentences": ["…"], "sections": ["四、"]}}]
MATCH (r:Report {id: $id})
UNWIND $rows AS row
MERGE (p:Plan {id: row.id})
ON CREATE SET p.text = row.text
CREATE (r)-[x:PLANS]->(p)
SET x = row.rel
WITH p, row
UNWIND row.initiatives AS name
MATCH (i:Initiative {name: name})
MERGE (p)-[:CONCERNS]->(i)
RETURN count(*) AS concerns
