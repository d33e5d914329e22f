// Uniqueness of the Regulation key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by title.
CREATE CONSTRAINT regulation_title IF NOT EXISTS FOR (n:Regulation) REQUIRE n.title IS UNIQUE
