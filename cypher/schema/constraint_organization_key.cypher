// Uniqueness of the Organization key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by key.
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE
