// An initiative no report mentions and no plan concerns has lost its evidence.
MATCH (i:Initiative)
WHERE NOT (i)<-[:MENTIONS]-() AND NOT (i)<-[:CONCERNS]-()
DETACH DELETE i
