// Problems and plans belong to exactly one report (their ids hash the report
// id): they go with it. Shared nodes are left to orphans_delete.
// @param id "r-example"
MATCH (r:Report {id: $id})-[:IDENTIFIES|PLANS]->(x)
DETACH DELETE x
