// Facets of the jurisdictions matching the filter: how many of them fall in each
// province, level, report year, initiative category, regulation kind and problem theme.
// The filter and its parameters: fragments/jurisdiction_filter.cypher.
// @returns facet string
// @returns value string
// @returns count number
MATCH (j:Jurisdiction)
WHERE {{jurisdiction_filter}}
OPTIONAL MATCH (j)<-[:ABOUT]-(r:Report)
WITH j, collect(DISTINCT r.year) AS years
OPTIONAL MATCH (j)<-[:ABOUT]-(:Report)-[:MENTIONS]->(i:Initiative)
WITH j, years, collect(DISTINCT i.category) AS categories
OPTIONAL MATCH (j)<-[:ABOUT]-(:Report)-[:CITES]->(g:Regulation)
WITH j, years, categories, collect(DISTINCT g.kind) AS kinds
OPTIONAL MATCH (j)<-[:ABOUT]-(:Report)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
WITH j, years, categories, kinds, collect(DISTINCT t.name) AS themes
UNWIND [['province', j.province], ['level', j.level]]
  + [y IN years | ['year', toString(y)]]
  + [c IN categories | ['initiativeCategory', c]]
  + [k IN kinds | ['regulationKind', k]]
  + [t IN themes | ['problemTheme', t]] AS pair
WITH pair[0] AS facet, pair[1] AS value, j
WHERE value IS NOT NULL
RETURN facet, value, count(DISTINCT j) AS count
ORDER BY facet, count DESC, value
