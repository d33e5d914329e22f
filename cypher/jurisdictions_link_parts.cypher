// The administrative chain county → prefecture → province.
// @param rows [{"child": "510604", "parent": "510600"}]
UNWIND $rows AS row
MATCH (c:Jurisdiction {key: row.child})
MATCH (p:Jurisdiction {key: row.parent})
MERGE (c)-[:PART_OF]->(p)
RETURN count(*) AS linked
