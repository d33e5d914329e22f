// Every initiative name with its aliases and its key: what the embedded
// store's text index (src/store/text-index.ts) is built from, on the first
// search after it opens.
// @returns key string
// @returns texts string[]
MATCH (i:Initiative)
RETURN i.name AS key, [i.name] + coalesce(i.aliases, []) AS texts
