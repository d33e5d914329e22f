// The surface forms of a write's mentions that their initiatives do not list
// yet, added to their aliases (the step after report_mentions_initiatives,
// which sets them only on a node it creates). One row per name. The embedded
// store leaves out the rows whose forms it knows to be stored
// (src/store/known-aliases.ts), so most batches run this on a few rows, or
// not at all.
// @param names ["行政执法三项制度"]
// @param aliases [["三项制度"]]
// @returns added number
UNWIND range(0, size($names) - 1) AS k
MATCH (i:Initiative {name: $names[k]})
WITH i, [a IN $aliases[k] WHERE NOT a IN coalesce(i.aliases, [])] AS fresh
WHERE size(fresh) > 0
SET i.aliases = coalesce(i.aliases, []) + fresh
RETURN count(i) AS added
