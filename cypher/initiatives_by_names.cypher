// Batch load of initiatives by canonical name (the Initiative node loader).
// @param names ["行政执法三项制度"]
// @cache-by names initiative
// @returns name string
// @returns initiative InitiativeShape
UNWIND $names AS name
MATCH (i:Initiative {name: name})
RETURN name, i {.*} AS initiative
