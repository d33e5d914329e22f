// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Indicator.name scans every Indicator node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX indicator_name_lookup IF NOT EXISTS FOR (n:Indicator) ON (n.name)
