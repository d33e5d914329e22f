// Uniqueness of the Indicator key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by name.
CREATE CONSTRAINT indicator_name IF NOT EXISTS FOR (n:Indicator) REQUIRE n.name IS UNIQUE
