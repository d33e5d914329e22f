// Co-citation: for each of a batch of regulations, the other regulations cited
// in the same reports, with the number of shared reports and the lift
// (observed / expected if independent: shared·N / (citedA·citedB)); PMI = log2(lift).
// Shaped for hubs: one expansion g ← report → o grouped per o, and each side's
// citation count as a COUNT subquery (a degree lookup on Neo4j, one adjacency
// walk on the embedded engine) instead of re-expanding every co-cited
// regulation's reports through count(DISTINCT …) (35× faster on a hub).
// A report cites a canonical title once (one CITES per title), so the COUNTs
// count reports. Only the first $limit of each (as far as the page asked for)
// are projected and returned, with how many there are in all: projecting
// every co-cited regulation, the long tail of local documents included, was
// half the time.
// @param limit 100
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @returns title string
// @returns regulation RegulationShape
// @returns together number
// @returns lift number
// @returns total number
MATCH (anyReport:Report)
WITH count(anyReport) AS reportCount
UNWIND $titles AS title
MATCH (g:Regulation {title: title})
WITH reportCount, title, g, COUNT { (g)<-[:CITES]-(:Report) } AS citedA
MATCH (g)<-[:CITES]-(r:Report)-[:CITES]->(o:Regulation)
WHERE o.title <> title
WITH reportCount, title, citedA, o, count(DISTINCT r) AS together
WITH title, o, together, toFloat(together) * reportCount / (citedA * COUNT { (o)<-[:CITES]-(:Report) }) AS lift
ORDER BY title, together DESC, lift DESC, o.title
WITH title, collect([o, together, lift]) AS ranked
WITH title, ranked[..$limit] AS top, size(ranked) AS total
UNWIND top AS t
WITH title, t[0] AS o, t[1] AS together, t[2] AS lift, total
RETURN title, o {.*} AS regulation, together, lift, total
ORDER BY title, together DESC, lift DESC, o.title
