// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Organization.key scans every Organization node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX organization_key_lookup IF NOT EXISTS FOR (n:Organization) ON (n.key)
