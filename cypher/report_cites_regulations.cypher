// One CITES relationship per canonical title, carrying the mentions as
// parallel provenance lists. Every surface form becomes an alias of the node.
// @param id "r-example"
// @param rows [{"title": "法治政府建设实施纲要（2021—2025年）", "kind": "plan", "scope": "national", "surfaces": ["法治政府建设实施纲要(2021—2025年)"], "rel": {"action": "implemented", "count": 1, "starts": [10], "ends": [30], "sentences": ["…"], "sections": ["一、"], "surfaces": ["法治政府建设实施纲要(2021—2025年)"]}}]
MATCH (r:Report {id: $id})
UNWIND $rows AS row
MERGE (g:Regulation {title: row.title})
ON CREATE SET g.kind = row.kind, g.scope = row.scope, g.aliases = row.surfaces
ON MATCH SET g.aliases = g.aliases + [s IN row.surfaces WHERE NOT s IN g.aliases]
CREATE (r)-[c:CITES]->(g)
SET c = row.rel
RETURN count(c) AS cited
