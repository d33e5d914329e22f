// One MENTIONS relationship per canonical initiative, with provenance lists.
// Aliases accumulate: the lexicon's and every surface form seen in any report.
// @param id "r-example"
// @param rows [{"name": "行政执法三项制度", "category": "law_enforcement", "discovered": false, "aliases": ["三项制度"], "rel": {"count": 1, "starts": [5], "ends": [9], "sentences": ["…"], "sections": ["一、"], "surfaces": ["三项制度"]}}]
MATCH (r:Report {id: $id})
UNWIND $rows AS row
MERGE (i:Initiative {name: row.name})
ON CREATE SET i.category = row.category, i.discovered = row.discovered, i.aliases = row.aliases
ON MATCH SET i.aliases = i.aliases + [a IN row.aliases WHERE NOT a IN i.aliases]
CREATE (r)-[m:MENTIONS]->(i)
SET m = row.rel
RETURN count(m) AS mentioned
