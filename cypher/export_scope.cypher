// The nodes a filtered export holds for a batch of its reports: the reports,
// what they point to (jurisdiction, issuer, regulations, initiatives,
// problems, plans, indicators), what those point to (problem themes,
// initiatives of plans, issuers' and regulations' jurisdictions, the parent
// of the jurisdiction) and the jurisdiction's PART_OF chain up to the
// province. Only (label, key) pairs: the caller de-duplicates them across
// batches and reads properties once per node with export_nodes_by_keys.
// @param reports ["synthetic-0"]
// @returns label string
// @returns key string
UNWIND $reports AS id
MATCH (r:Report {id: id})
CALL (r) {
  RETURN r AS n
  UNION
  MATCH (r)-->(n) RETURN n
  UNION
  MATCH (r)-->()-->(n) RETURN n
  UNION
  MATCH (r)-[:ABOUT]->(:Jurisdiction)-[:PART_OF*1..3]->(n:Jurisdiction) RETURN n
}
RETURN DISTINCT labels(n)[0] AS label, coalesce(n.id, n.key, n.name, n.title) AS key
