// The outgoing relationships of a batch of source nodes given as (label,
// key), for an export: every relationship is read exactly once, from its
// source, so paging through the sources pages through the relationships, and
// all parallel relationships of one source arrive together (their export ids
// are numbered deterministically). A target's key is its label's key
// property, which coalesce(id, key, name, title) yields for every label of
// the model (the same rule as graph_neighbours, so ids match the graph API).
// @param nodes [{"label": "Report", "key": "synthetic-0"}]
UNWIND $nodes AS start
CALL (start) {
  MATCH (s:Report {id: start.key}) WHERE start.label = 'Report' RETURN s
  UNION
  MATCH (s:Jurisdiction {key: start.key}) WHERE start.label = 'Jurisdiction' RETURN s
  UNION
  MATCH (s:Organization {key: start.key}) WHERE start.label = 'Organization' RETURN s
  UNION
  MATCH (s:Initiative {name: start.key}) WHERE start.label = 'Initiative' RETURN s
  UNION
  MATCH (s:Regulation {title: start.key}) WHERE start.label = 'Regulation' RETURN s
  UNION
  MATCH (s:Problem {id: start.key}) WHERE start.label = 'Problem' RETURN s
  UNION
  MATCH (s:ProblemTheme {name: start.key}) WHERE start.label = 'ProblemTheme' RETURN s
  UNION
  MATCH (s:Plan {id: start.key}) WHERE start.label = 'Plan' RETURN s
  UNION
  MATCH (s:Indicator {name: start.key}) WHERE start.label = 'Indicator' RETURN s
}
MATCH (s)-[r]->(m)
RETURN start.label AS label, start.key AS key, type(r) AS type,
       labels(m)[0] AS targetLabel, coalesce(m.id, m.key, m.name, m.title) AS targetKey, r {.*} AS properties
