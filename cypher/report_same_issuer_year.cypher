// The other stored reports about the same jurisdiction with the same issuer
// and year as this one: most likely the same report read from another file.
// A .txt and a .pdf or web page of one report have different texts (line
// breaks, a page's title line), hence different ids, and would otherwise be
// counted twice without a word. Walks the jurisdiction's few reports.
// @param id "r-example"
MATCH (r:Report {id: $id})-[:ABOUT]->(:Jurisdiction)<-[:ABOUT]-(o:Report)
WHERE o.id <> r.id AND r.year IS NOT NULL AND r.issuerName IS NOT NULL
  AND o.year = r.year AND o.issuerName = r.issuerName
RETURN o.id AS id, o.file AS file
ORDER BY o.id
