// Co-mention: for each of a batch of initiatives, the other initiatives
// mentioned in the same reports, with shared reports and lift (see
// regulations_cocited).
// @param names ["行政执法三项制度"]
MATCH (anyReport:Report)
WITH count(anyReport) AS total
UNWIND $names AS name
MATCH (i:Initiative {name: name})<-[:MENTIONS]-(r:Report)-[:MENTIONS]->(o:Initiative)
WHERE o.name <> name
WITH total, name, i, o, count(DISTINCT r) AS together
MATCH (i)<-[:MENTIONS]-(ri:Report)
WITH total, name, o, together, count(DISTINCT ri) AS mentionedA
MATCH (o)<-[:MENTIONS]-(ro:Report)
WITH total, name, o, together, mentionedA, count(DISTINCT ro) AS mentionedB
RETURN name, o {.*} AS initiative, together, toFloat(together) * total / (mentionedA * mentionedB) AS lift
ORDER BY name, together DESC, lift DESC, o.name
