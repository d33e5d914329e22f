// Lookups of a Report by its key id (MATCH/MERGE on it in every write and
// batched read). In Neo4j the uniqueness constraint's own range index serves
// them, so this shared statement only restates that constraint (a no-op when
// it exists); the embedded store's variant beside it adds the property index
// Grafeo needs (see index_report_id_lookup.embedded.cypher).
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE
