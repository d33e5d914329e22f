// Every report title with its report's key: what the embedded store's text
// index (src/store/text-index.ts) is built from, on the first search after it
// opens. (A report without a title is found by its id alone.)
// @returns key string
// @returns texts string[]
MATCH (r:Report)
WHERE r.title IS NOT NULL
RETURN r.id AS key, [r.title] AS texts
