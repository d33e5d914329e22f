// Relationship counts per type.
// @returns type string
// @returns count number
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
