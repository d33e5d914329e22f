// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Jurisdiction.key scans every Jurisdiction node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX jurisdiction_key_lookup IF NOT EXISTS FOR (n:Jurisdiction) ON (n.key)
