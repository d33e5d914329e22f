// The properties of a batch of nodes given as (label, key), for a filtered
// export whose scope (export_scope) is known by key. Each label is looked up
// through its key index (one UNION branch per label, as in graph_nodes);
// unlike graph_nodes it keeps a report's text, which a full export carries.
// @param nodes [{"label": "Initiative", "key": "行政执法三项制度"}]
// @returns label string
// @returns key string
// @returns properties Record<string, unknown>
UNWIND $nodes AS start
CALL (start) {
  {{node_by_key}}
}
RETURN start.label AS label, start.key AS key, s {.*} AS properties
