// The properties of a batch of nodes given as (label, key), for the start
// nodes of a subgraph (see graph_neighbours for the UNION-per-label lookup).
// @param nodes [{"label": "Initiative", "key": "行政执法三项制度"}]
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
RETURN start.label AS label, start.key AS key, CASE WHEN s:Report THEN s {.*, text: null, sections: null} ELSE s {.*} END AS properties
