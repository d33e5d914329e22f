// Property names per node label, for an export's declared attributes (GraphML
// <key>, CSV header columns) before the first node is written. Discovered
// from the data rather than listed in code, so a property another stage adds
// is exported too. One aggregate over every node: small result, one scan.
// @returns label string
// @returns key string
// @returns count number
MATCH (n)
UNWIND keys(n) AS key
RETURN labels(n)[0] AS label, key, count(*) AS count
