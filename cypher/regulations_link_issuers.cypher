// Local documents (《德阳市罗江区…》) point at the jurisdiction that issued them.
// @param rows [{"title": "德阳市罗江区重大经济事项决策规定实施细则", "key": "510604"}]
UNWIND $rows AS row
MATCH (g:Regulation {title: row.title})
MATCH (j:Jurisdiction {key: row.key})
MERGE (g)-[:ISSUED_BY]->(j)
RETURN count(*) AS linked
