// One page of the nodes of one label for an export, in key order, after the
// last key of the previous page (keyset paging: every page is an index range
// scan, so a national graph is read in constant-size pages, never in one
// result and never re-skipping earlier rows as SKIP would). A label cannot be
// a parameter, so each label is a UNION branch whose WITH guard lets only the
// requested label's branch run. $properties false returns keys only (the
// edge pass pages through keys again without reading properties).
// @param label "Initiative"
// @param after ""
// @param limit 500
// @param properties true
// @returns key string
// @returns properties Record<string, unknown>
CALL () {
  WITH 1 AS guard WHERE $label = 'Report'
  MATCH (n:Report) WHERE n.id > $after RETURN n, n.id AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Jurisdiction'
  MATCH (n:Jurisdiction) WHERE n.key > $after RETURN n, n.key AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Organization'
  MATCH (n:Organization) WHERE n.key > $after RETURN n, n.key AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Initiative'
  MATCH (n:Initiative) WHERE n.name > $after RETURN n, n.name AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Regulation'
  MATCH (n:Regulation) WHERE n.title > $after RETURN n, n.title AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Problem'
  MATCH (n:Problem) WHERE n.id > $after RETURN n, n.id AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'ProblemTheme'
  MATCH (n:ProblemTheme) WHERE n.name > $after RETURN n, n.name AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Plan'
  MATCH (n:Plan) WHERE n.id > $after RETURN n, n.id AS key ORDER BY key LIMIT $limit
  UNION ALL
  WITH 1 AS guard WHERE $label = 'Indicator'
  MATCH (n:Indicator) WHERE n.name > $after RETURN n, n.name AS key ORDER BY key LIMIT $limit
}
RETURN key, CASE WHEN $properties THEN n {.*} END AS properties
ORDER BY key
