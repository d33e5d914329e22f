// Batch load of initiatives by canonical name (the Initiative node loader).
// @param names ["行政执法三项制度"]
UNWIND $names AS name
MATCH (i:Initiative {name: name})
RETURN name, i {.*} AS initiative
