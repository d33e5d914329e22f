// Creates the report node; the caller has checked it does not exist yet.
// @param props {"id": "r-example", "title": "罗江区2024年法治政府建设情况报告", "year": 2024, "text": "…", "issuerType": "government", "issuerName": "罗江区人民政府", "jurisdictionKey": "510604", "extractorVersion": "0.1.0", "file": "000.txt", "ingestedAt": "2026-01-01T00:00:00Z"}
CREATE (r:Report)
SET r = $props
RETURN r.id AS id
