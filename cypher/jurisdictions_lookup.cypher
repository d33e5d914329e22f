// A jurisdiction by code, short name or full name. A short name can be
// ambiguous (朝阳区 in 北京 and 长春), so all matches come back.
// @param name "罗江区"
// @returns jurisdiction JurisdictionShape
MATCH (j:Jurisdiction)
WHERE j.key = $name OR j.code = $name OR j.name = $name OR j.fullName = $name
RETURN j {.*} AS jurisdiction
ORDER BY j.fullName
