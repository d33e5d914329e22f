// One level of a subgraph expansion: the neighbours of a batch of nodes,
// through the allowed relationship types, keeping only the allowed labels.
// Start nodes are found through their label's key index (one UNION branch
// per label); a neighbour's key is its label's key property, which
// coalesce(id, key, name, title) yields for every label of the model.
// $limit caps the rows of one level so that a hub cannot flood the response.
// A report's text (the whole document) is not sent, nor its heading paths
// (the index its provenance lists point into); a problem's or plan's text is.
// @param nodes [{"label": "Initiative", "key": "行政执法三项制度"}]
// @param types ["MENTIONS", "ABOUT", "CITES"]
// @param labels ["Report", "Jurisdiction", "Initiative", "Regulation"]
// @param limit 2000
// @param province null :: string | null
// @param level null :: string | null
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @returns fromLabel string
// @returns fromKey string
// @returns type string
// @returns outgoing boolean
// @returns label string
// @returns key string
// @returns properties Record<string, unknown>
// @returns weight number
UNWIND $nodes AS start
CALL (start) {
  {{node_by_key}}
}
MATCH (s)-[r]-(n)
WHERE type(r) IN $types AND labels(n)[0] IN $labels
  // The place and year filter (null: no filter) applies to reports and jurisdictions reached.
  AND (NOT n:Report OR (($yearFrom IS NULL OR n.year >= $yearFrom) AND ($yearTo IS NULL OR n.year <= $yearTo)
       AND ($province IS NULL AND $level IS NULL
            OR EXISTS { MATCH (n)-[:ABOUT]->(j:Jurisdiction) WHERE ($province IS NULL OR j.province = $province) AND ($level IS NULL OR j.level = $level) })))
  AND (NOT n:Jurisdiction OR (($province IS NULL OR n.province = $province) AND ($level IS NULL OR n.level = $level)))
RETURN start.label AS fromLabel, start.key AS fromKey, type(r) AS type, startNode(r) = s AS outgoing,
       labels(n)[0] AS label, coalesce(n.id, n.key, n.name, n.title) AS key, CASE WHEN n:Report THEN n {.*, text: null, sections: null} ELSE n {.*} END AS properties,
       coalesce(r.count, r.reports, 1) AS weight
LIMIT $limit
