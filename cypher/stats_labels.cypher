// Node counts per label, for `govgraph stats` and the idempotence tests.
// @returns label string
// @returns count number
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
