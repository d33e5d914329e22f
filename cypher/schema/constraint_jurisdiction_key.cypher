// Uniqueness of the Jurisdiction key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by key.
CREATE CONSTRAINT jurisdiction_key IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.key IS UNIQUE
