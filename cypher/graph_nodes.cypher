// The properties of a batch of nodes given as (label, key), for the start
// nodes of a subgraph (see graph_neighbours for the UNION-per-label lookup).
// @param nodes [{"label": "Initiative", "key": "行政执法三项制度"}]
// @returns label string
// @returns key string
// @returns properties Record<string, unknown>
UNWIND $nodes AS start
CALL (start) {
  {{node_by_key}}
}
RETURN start.label AS label, start.key AS key, CASE WHEN s:Report THEN s {.*, text: null, sections: null} ELSE s {.*} END AS properties
