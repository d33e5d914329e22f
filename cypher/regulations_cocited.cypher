// Co-citation: for each of a batch of regulations, the other regulations cited
// in the same reports, with the number of shared reports and the lift
// (observed / expected if independent: shared·N / (citedA·citedB)); PMI = log2(lift).
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
MATCH (anyReport:Report)
WITH count(anyReport) AS total
UNWIND $titles AS title
MATCH (g:Regulation {title: title})<-[:CITES]-(r:Report)-[:CITES]->(o:Regulation)
WHERE o.title <> title
WITH total, title, g, o, count(DISTINCT r) AS together
MATCH (g)<-[:CITES]-(rg:Report)
WITH total, title, o, together, count(DISTINCT rg) AS citedA
MATCH (o)<-[:CITES]-(ro:Report)
WITH total, title, o, together, citedA, count(DISTINCT ro) AS citedB
RETURN title, o {.*} AS regulation, together, toFloat(together) * total / (citedA * citedB) AS lift
ORDER BY title, together DESC, lift DESC, o.title
