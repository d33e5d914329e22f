// Uniqueness of the Report key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by id.
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE
