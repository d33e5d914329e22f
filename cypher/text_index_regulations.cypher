// Every regulation title with its aliases and its key: what the embedded
// store's text index (src/store/text-index.ts) is built from, on the first
// search after it opens.
// @returns key string
// @returns texts string[]
MATCH (g:Regulation)
RETURN g.title AS key, [g.title] + coalesce(g.aliases, []) AS texts
