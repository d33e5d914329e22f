// Grafeo's uniqueness constraint does not serve lookups: without this index a
// MATCH or MERGE on ProblemTheme.name scans every ProblemTheme node, and each write grows
// slower with the graph. Neo4j uses the shared file instead.
CREATE INDEX problem_theme_name_lookup IF NOT EXISTS FOR (n:ProblemTheme) ON (n.name)
