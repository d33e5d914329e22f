// An indicator no report reports a value for.
MATCH (x:Indicator)
WHERE NOT (x)<-[:REPORTS]-()
DETACH DELETE x
