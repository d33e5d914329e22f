// The outgoing relationships of a batch of source nodes given as (label,
// key), for an export: every relationship is read exactly once, from its
// source, so paging through the sources pages through the relationships, and
// all parallel relationships of one source arrive together (their export ids
// are numbered deterministically). A target's key is its label's key
// property, which coalesce(id, key, name, title) yields for every label of
// the model (the same rule as graph_neighbours, so ids match the graph API).
// @param nodes [{"label": "Report", "key": "synthetic-0"}]
// @returns label string
// @returns key string
// @returns type string
// @returns targetLabel string
// @returns targetKey string
// @returns properties Record<string, unknown>
UNWIND $nodes AS start
CALL (start) {
  {{node_by_key}}
}
MATCH (s)-[r]->(m)
RETURN start.label AS label, start.key AS key, type(r) AS type,
       labels(m)[0] AS targetLabel, coalesce(m.id, m.key, m.name, m.title) AS targetKey, r {.*} AS properties
