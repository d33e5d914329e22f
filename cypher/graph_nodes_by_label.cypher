// graph_nodes for the four labels the co-occurrence index expands the
// subgraph through (src/api/subgraph.ts), their keys given by label: one keyed
// lookup per node instead of node_by_key's nine UNION branches (200 nodes at
// 50,000 reports: 1.5 ms rather than 4.3). The same rows as graph_nodes.
// @param reports ["r-example"]
// @param jurisdictions ["510604"]
// @param initiatives ["行政执法三项制度"]
// @param regulations ["行政复议法"]
// @returns label string
// @returns key string
// @returns properties Record<string, unknown>
UNWIND $reports AS key
MATCH (s:Report {id: key})
RETURN 'Report' AS label, key, s {.*, text: null, sections: null} AS properties
UNION ALL
UNWIND $jurisdictions AS key
MATCH (s:Jurisdiction {key: key})
RETURN 'Jurisdiction' AS label, key, s {.*} AS properties
UNION ALL
UNWIND $initiatives AS key
MATCH (s:Initiative {name: key})
RETURN 'Initiative' AS label, key, s {.*} AS properties
UNION ALL
UNWIND $regulations AS key
MATCH (s:Regulation {title: key})
RETURN 'Regulation' AS label, key, s {.*} AS properties
