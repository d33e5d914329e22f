// A jurisdiction by code, short name or full name. A short name can be
// ambiguous (朝阳区 in 北京 and 长春), so all matches come back. A union of
// four equality lookups, each served by its index (schema/), rather than one
// MATCH with the four ORed: the embedded engine answers an OR by reading
// every jurisdiction (~4 ms at 5,000 reports against ~0.7 this way); the
// union's DISTINCT keeps a jurisdiction that matches twice (key and code) once.
// @param name "罗江区"
// @returns jurisdiction JurisdictionShape
CALL () {
  MATCH (j:Jurisdiction {key: $name}) RETURN j
  UNION
  MATCH (j:Jurisdiction {code: $name}) RETURN j
  UNION
  MATCH (j:Jurisdiction {name: $name}) RETURN j
  UNION
  MATCH (j:Jurisdiction {fullName: $name}) RETURN j
}
RETURN j {.*} AS jurisdiction
ORDER BY j.fullName
