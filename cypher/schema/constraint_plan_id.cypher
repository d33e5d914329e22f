// Uniqueness of the Plan key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by id.
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE
