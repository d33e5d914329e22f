// Who wrote the report: the government or a department of the jurisdiction.
// ISSUED_BY is created (the report is new); the organization and its
// BELONGS_TO are shared and merged.
// @param id "r-example"
// @param org {"key": "510604/罗江区人民政府", "name": "罗江区人民政府", "type": "government"}
// @param jurisdictionKey "510604"
MATCH (r:Report {id: $id})
MERGE (o:Organization {key: $org.key})
ON CREATE SET o.name = $org.name, o.type = $org.type
CREATE (r)-[:ISSUED_BY]->(o)
WITH o
MATCH (j:Jurisdiction {key: $jurisdictionKey})
MERGE (o)-[:BELONGS_TO]->(j)
RETURN count(*) AS linked
