// Problem themes by name: the ones of $names the graph holds (a theme exists
// once a report admits a problem of it).
// @param names ["执法能力不足"]
// @returns name string
UNWIND $names AS name
MATCH (t:ProblemTheme {name: name})
RETURN t.name AS name
