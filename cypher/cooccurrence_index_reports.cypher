// Every report with its place and what it cites and mentions: what the
// embedded store's co-occurrence index (src/store/cooccurrence-index.ts) is
// built from, on the first co-citation, co-mention, similarity or list it
// answers asked after the store opens. One row per report: the properties
// the lists filter by (year, issuer type, jurisdiction key), and lists that
// hold one entry per relationship, its node's key and its count (pattern
// comprehensions, not OPTIONAL MATCH: see report_features).
// @returns id string
// @returns year number | null
// @returns issuerType string | null
// @returns jurisdictionKey string | null
// @returns jurisdictions string[]
// @returns regulations Array<[string, number | null]>
// @returns initiatives Array<[string, number | null]>
MATCH (r:Report)
RETURN r.id AS id,
       r.year AS year,
       r.issuerType AS issuerType,
       r.jurisdictionKey AS jurisdictionKey,
       [(r)-[:ABOUT]->(j:Jurisdiction) | j.key] AS jurisdictions,
       [(r)-[c:CITES]->(g:Regulation) | [g.title, c.count]] AS regulations,
       [(r)-[m:MENTIONS]->(i:Initiative) | [i.name, m.count]] AS initiatives
