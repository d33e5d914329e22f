// Every report with its place and what it cites and mentions: what the
// embedded store's co-occurrence index (src/store/cooccurrence-index.ts) is
// built from, on the first co-citation, co-mention or similarity asked after
// it opens. One row per report; the lists hold one entry per relationship
// (pattern comprehensions, not OPTIONAL MATCH: see report_features).
// @returns id string
// @returns jurisdictions string[]
// @returns regulations string[]
// @returns initiatives string[]
MATCH (r:Report)
RETURN r.id AS id,
       [(r)-[:ABOUT]->(j:Jurisdiction) | j.key] AS jurisdictions,
       [(r)-[:CITES]->(g:Regulation) | g.title] AS regulations,
       [(r)-[:MENTIONS]->(i:Initiative) | i.name] AS initiatives
