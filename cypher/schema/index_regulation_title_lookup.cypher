// Lookups of a Regulation by its key title (MATCH/MERGE on it in every write and
// batched read). In Neo4j the uniqueness constraint's own range index serves
// them, so this shared statement only restates that constraint (a no-op when
// it exists); the embedded store's variant beside it adds the property index
// Grafeo needs (see index_regulation_title_lookup.embedded.cypher).
CREATE CONSTRAINT regulation_title IF NOT EXISTS FOR (n:Regulation) REQUIRE n.title IS UNIQUE
