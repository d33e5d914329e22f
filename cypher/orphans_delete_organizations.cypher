// An issuing organization without reports.
MATCH (o:Organization)
WHERE NOT (o)<-[:ISSUED_BY]-()
DETACH DELETE o
