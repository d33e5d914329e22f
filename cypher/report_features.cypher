// What a stored report links to, read before it is deleted or replaced: the
// initiatives it mentions, the regulations it cites, and what else only it
// may hold up — the initiatives its plans concern, the indicators it reports,
// the themes of its problems, its issuing organization. The read cache drops
// what depended on those initiatives and regulations (their reports, their
// diffusion), and the orphan deletes test only these nodes (orphans_delete_*)
// instead of every node of their label. No row when there is no such report.
// (A report mentions an initiative and cites a title once each. Pattern
// comprehensions, not OPTIONAL MATCH, which Grafeo (0.6) answers by joining
// every relationship of the type: 33 ms at 5,000 reports, against 0.1.)
// @param id "r-example"
// @returns initiatives string[]
// @returns regulations string[]
// @returns planned string[]
// @returns indicators string[]
// @returns themes string[]
// @returns organizations string[]
MATCH (r:Report {id: $id})
RETURN [(r)-[:MENTIONS]->(i:Initiative) | i.name] AS initiatives,
       [(r)-[:CITES]->(g:Regulation) | g.title] AS regulations,
       [(r)-[:PLANS]->(:Plan)-[:CONCERNS]->(i:Initiative) | i.name] AS planned,
       [(r)-[:REPORTS]->(x:Indicator) | x.name] AS indicators,
       [(r)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme) | t.name] AS themes,
       [(r)-[:ISSUED_BY]->(o:Organization) | o.key] AS organizations
