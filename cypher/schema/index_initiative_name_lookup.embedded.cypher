// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Initiative.name scans every Initiative node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX initiative_name_lookup IF NOT EXISTS FOR (n:Initiative) ON (n.name)
