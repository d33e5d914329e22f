// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Plan.id scans every Plan node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX plan_id_lookup IF NOT EXISTS FOR (n:Plan) ON (n.id)
