// The jurisdiction filter's conditions on what the reports about `j` cite
// and which problem themes they admit, within the year range and issuer
// type; continues a WHERE (starts with AND).
// @param yearFrom null :: number | null
// @param yearTo null :: number | null
// @param issuerType null :: string | null
// @param regulations null :: ReadonlyArray<string> | null
// @param regulationKind null :: string | null
// @param regulationScope null :: string | null
// @param problemTheme null :: string | null
AND ($regulations IS NULL AND $regulationKind IS NULL AND $regulationScope IS NULL OR EXISTS {
  MATCH (j)<-[:ABOUT]-(r:Report)-[:CITES]->(g:Regulation)
  WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
    AND ($issuerType IS NULL OR r.issuerType = $issuerType)
    AND ($regulations IS NULL OR g.title IN $regulations OR any(alias IN g.aliases WHERE alias IN $regulations))
    AND ($regulationKind IS NULL OR g.kind = $regulationKind)
    AND ($regulationScope IS NULL OR g.scope = $regulationScope)
})
AND ($problemTheme IS NULL OR EXISTS {
  MATCH (j)<-[:ABOUT]-(r:Report)-[:IDENTIFIES]->(:Problem)-[:HAS_THEME]->(t:ProblemTheme)
  WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
    AND t.name = $problemTheme
})
