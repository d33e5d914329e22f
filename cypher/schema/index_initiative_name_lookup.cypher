// Lookups of a Initiative by its key name (MATCH/MERGE on it in every write and
// batched read). In Neo4j the uniqueness constraint's own range index serves
// them, so this shared statement only restates that constraint (a no-op when
// it exists); the embedded store's variant beside it adds the property index
// Grafeo needs (see index_initiative_name_lookup.embedded.cypher).
CREATE CONSTRAINT initiative_name IF NOT EXISTS FOR (n:Initiative) REQUIRE n.name IS UNIQUE
