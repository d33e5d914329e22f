// Every jurisdiction with the properties the jurisdiction lists filter and
// order by (jurisdiction_place, jurisdiction_order) and the jurisdictions it
// is PART_OF (the subgraph's expansion): what the embedded store's
// co-occurrence index lists by initiative from (src/store/cooccurrence-index.ts),
// read with cooccurrence_index_reports. A jurisdiction's properties are set
// when report_create creates its node and never changed after.
// @returns key string
// @returns level string | null
// @returns province string | null
// @returns prefecture string | null
// @returns name string | null
// @returns fullName string | null
// @returns parents string[]
MATCH (j:Jurisdiction)
RETURN j.key AS key, j.level AS level, j.province AS province, j.prefecture AS prefecture, j.name AS name, j.fullName AS fullName,
       [(j)-[:PART_OF]->(p:Jurisdiction) | p.key] AS parents
