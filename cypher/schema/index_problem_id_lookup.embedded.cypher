// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Problem.id scans every Problem node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX problem_id_lookup IF NOT EXISTS FOR (n:Problem) ON (n.id)
