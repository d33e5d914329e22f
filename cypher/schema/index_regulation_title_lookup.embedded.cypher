// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Regulation.title scans every Regulation node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX regulation_title_lookup IF NOT EXISTS FOR (n:Regulation) ON (n.title)
