// Property names per relationship type, for an export's declared edge
// attributes (see export_node_keys). Types without properties do not appear;
// stats_types lists every type.
// @returns type string
// @returns key string
// @returns count number
MATCH ()-[r]->()
UNWIND keys(r) AS key
RETURN type(r) AS type, key, count(*) AS count
