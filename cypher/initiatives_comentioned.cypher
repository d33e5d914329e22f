// Co-mention: for each of a batch of initiatives, the other initiatives
// mentioned in the same reports, with shared reports and lift (see
// regulations_cocited, whose hub-friendly shape this follows: one expansion
// grouped per initiative, the mention counts as COUNT subqueries, only the
// first $limit of each projected, with how many there are in all).
// @param limit 100
// @param names ["行政执法三项制度"]
// @returns name string
// @returns initiative InitiativeShape
// @returns together number
// @returns lift number
// @returns total number
MATCH (anyReport:Report)
WITH count(anyReport) AS reportCount
UNWIND $names AS name
MATCH (i:Initiative {name: name})
WITH reportCount, name, i, COUNT { (i)<-[:MENTIONS]-(:Report) } AS mentionedA
MATCH (i)<-[:MENTIONS]-(r:Report)-[:MENTIONS]->(o:Initiative)
WHERE o.name <> name
WITH reportCount, name, mentionedA, o, count(DISTINCT r) AS together
WITH name, o, together, toFloat(together) * reportCount / (mentionedA * COUNT { (o)<-[:MENTIONS]-(:Report) }) AS lift
ORDER BY name, together DESC, lift DESC, o.name
WITH name, collect([o, together, lift]) AS ranked
WITH name, ranked[..$limit] AS top, size(ranked) AS total
UNWIND top AS t
WITH name, t[0] AS o, t[1] AS together, t[2] AS lift, total
RETURN name, o {.*} AS initiative, together, lift, total
ORDER BY name, together DESC, lift DESC, o.name
