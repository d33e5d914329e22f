// Uniqueness of the Problem key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by id.
CREATE CONSTRAINT problem_id IF NOT EXISTS FOR (n:Problem) REQUIRE n.id IS UNIQUE
