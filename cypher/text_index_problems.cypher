// Every problem statement with its key: what the embedded store's text index
// (src/store/text-index.ts) is built from, on the first search after it opens.
// @returns key string
// @returns texts string[]
MATCH (p:Problem)
RETURN p.id AS key, [p.text] AS texts
