// The surface forms of a write's citations that their regulations do not
// list yet, added to their aliases (the step after report_cites_regulations,
// which sets them only on a node it creates). One row per title. The
// embedded store leaves out the rows whose forms it knows to be stored
// (src/store/known-aliases.ts), so most batches run this on a few rows, or
// not at all.
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @param surfaces [["法治政府建设实施纲要(2021-2025年)"]]
// @returns added number
UNWIND range(0, size($titles) - 1) AS k
MATCH (g:Regulation {title: $titles[k]})
WITH g, [s IN $surfaces[k] WHERE NOT s IN coalesce(g.aliases, [])] AS fresh
WHERE size(fresh) > 0
SET g.aliases = coalesce(g.aliases, []) + fresh
RETURN count(g) AS added
