// An initiative no report mentions and no plan concerns has lost its evidence.
// Only the candidates are tested (those the deleted report mentioned or its
// plans concerned: report_features), not every initiative of the graph.
// COUNT { } = 0 rather than NOT (pattern): Grafeo (0.6) walks a hub's every
// relationship for the pattern, five times slower than for the count (27
// initiatives of a report at 5,000 reports: 24.5 against 5.4 ms).
// @param names ["行政执法三项制度"]
UNWIND $names AS name
MATCH (i:Initiative {name: name})
WHERE COUNT { (i)<-[:MENTIONS]-() } = 0 AND COUNT { (i)<-[:CONCERNS]-() } = 0
DETACH DELETE i
