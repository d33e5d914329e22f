// An issuing organization without reports. Only the candidates (the deleted
// report's issuer: report_features) are tested.
// (COUNT { } = 0: see orphans_delete_initiatives.)
// @param keys ["510604/罗江区人民政府"]
UNWIND $keys AS key
MATCH (o:Organization {key: key})
WHERE COUNT { (o)<-[:ISSUED_BY]-() } = 0
DETACH DELETE o
