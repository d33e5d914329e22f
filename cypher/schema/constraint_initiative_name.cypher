// Uniqueness of the Initiative key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by name.
CREATE CONSTRAINT initiative_name IF NOT EXISTS FOR (n:Initiative) REQUIRE n.name IS UNIQUE
