// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on Indicator.name scans every Indicator node, so each write got slower
// as the graph grew (benchmark, issue 7). Neo4j uses the shared file instead.
CREATE INDEX indicator_name_lookup IF NOT EXISTS FOR (n:Indicator) ON (n.name)
