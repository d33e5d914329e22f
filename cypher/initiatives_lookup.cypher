// Initiatives whose canonical name or any alias is one of the given names:
// "三项制度" reaches 行政执法三项制度.
// @param names ["三项制度"]
// @returns initiative InitiativeShape
MATCH (i:Initiative)
WHERE i.name IN $names OR any(alias IN i.aliases WHERE alias IN $names)
RETURN i {.*} AS initiative
ORDER BY i.name
