// A regulation no report cites has lost its evidence.
MATCH (g:Regulation)
WHERE NOT (g)<-[:CITES]-()
DETACH DELETE g
