// Creates report nodes (the caller has checked they do not exist yet), each
// with its place: the jurisdiction chain up to the province (shared
// reference nodes, merged, never overwritten by a later report's reading of
// them), PART_OF between them, ABOUT to the report's own jurisdiction and
// ISSUED_BY/BELONGS_TO to the issuing organization. One statement rather
// than five, and one for several reports (write-plan.ts, planReportsWrite):
// a statement has a fixed cost (~0.2 ms on the embedded store, more under
// load) that five small ones paid for a handful of rows.
// A report's `jurisdictions` and `links` are empty and its `jurisdictionKey`
// null when it is about no known jurisdiction; `org` is null when the issuer
// is unknown. `sections` lists the report's heading paths once; the
// provenance lists of its relationships point into it (sectionIndexes) and
// into `text`.
// @param reports [{"props": {"id": "r-example", "title": "罗江区2024年法治政府建设情况报告", "year": 2024, "text": "…", "sections": ["一、依法全面履行政府职能", "三、存在的不足", "四、下一步工作打算"], "issuerType": "government", "issuerName": "罗江区人民政府", "jurisdictionKey": "510604", "extractorVersion": "0.1.0", "file": "000.txt", "ingestedAt": "2026-01-01T00:00:00Z"}, "jurisdictions": [{"key": "510604", "props": {"key": "510604", "code": "510604", "name": "罗江区", "fullName": "四川省德阳市罗江区", "level": "county", "province": "四川省", "prefecture": "德阳市"}}, {"key": "510600", "props": {"key": "510600", "code": "510600", "name": "德阳市", "fullName": "四川省德阳市", "level": "prefecture", "province": "四川省", "prefecture": null}}, {"key": "510000", "props": {"key": "510000", "code": "510000", "name": "四川省", "fullName": "四川省", "level": "province", "province": "四川省", "prefecture": null}}], "links": [{"child": "510604", "parent": "510600"}, {"child": "510600", "parent": "510000"}], "jurisdictionKey": "510604", "org": {"key": "510604/罗江区人民政府", "name": "罗江区人民政府", "type": "government"}}] :: ReadonlyArray<ReportCreateRow>
// @returns id string
UNWIND $reports AS report
CREATE (r:Report)
SET r = report.props
FOREACH (n IN report.jurisdictions |
  MERGE (x:Jurisdiction {key: n.key})
  ON CREATE SET x = n.props)
FOREACH (link IN report.links |
  MERGE (c:Jurisdiction {key: link.child})
  MERGE (p:Jurisdiction {key: link.parent})
  MERGE (c)-[:PART_OF]->(p))
FOREACH (key IN CASE WHEN report.jurisdictionKey IS NULL THEN [] ELSE [report.jurisdictionKey] END |
  MERGE (j:Jurisdiction {key: key})
  CREATE (r)-[:ABOUT]->(j)
  FOREACH (org IN CASE WHEN report.org IS NULL THEN [] ELSE [report.org] END |
    MERGE (o:Organization {key: org.key})
    ON CREATE SET o.name = org.name, o.type = org.type
    CREATE (r)-[:ISSUED_BY]->(o)
    MERGE (o)-[:BELONGS_TO]->(j)))
RETURN r.id AS id
