// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Report.id scans every Report node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX report_id_lookup IF NOT EXISTS FOR (n:Report) ON (n.id)
