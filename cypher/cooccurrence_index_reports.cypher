// Every report with its place and what it cites and mentions: what the
// embedded store's co-occurrence index (src/store/cooccurrence-index.ts) is
// built from, on the first co-citation, co-mention, similarity or list by
// initiative asked after it opens. One row per report; the lists hold one entry per relationship
// (pattern comprehensions, not OPTIONAL MATCH: see report_features), and its
// year (the lists by initiative over a range of years).
// @returns id string
// @returns year number | null
// @returns jurisdictions string[]
// @returns regulations string[]
// @returns initiatives string[]
MATCH (r:Report)
RETURN r.id AS id,
       r.year AS year,
       [(r)-[:ABOUT]->(j:Jurisdiction) | j.key] AS jurisdictions,
       [(r)-[:CITES]->(g:Regulation) | g.title] AS regulations,
       [(r)-[:MENTIONS]->(i:Initiative) | i.name] AS initiatives
