// Lookups of a Jurisdiction by its key key (MATCH/MERGE on it in every write and
// batched read). In Neo4j the uniqueness constraint's own range index serves
// them, so this shared statement only restates that constraint (a no-op when
// it exists); the embedded store's variant beside it adds the property index
// Grafeo needs (see index_jurisdiction_key_lookup.embedded.cypher).
CREATE CONSTRAINT jurisdiction_key IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.key IS UNIQUE
