// Recomputes the rollup of a batch of jurisdictions from their reports
// (what rollup_add_* and rollup_remove_report keep incrementally): the old
// rollup relationships go, one per initiative and regulation their reports
// mention or cite comes back with the count and the ascending years, and
// featureCount is set. The same definition as the incremental path, which
// test/integration/store/rollup.test.ts holds them to.
// @param keys ["510604"]
// @returns key string
// @returns featureCount number
UNWIND $keys AS key
MATCH (j:Jurisdiction {key: key})
CALL (j) {
  MATCH (j)-[old:REPORTS_MENTION|REPORTS_CITE]->()
  DELETE old
}
CALL (j) {
  MATCH (j)<-[:ABOUT]-(r:Report)-[:MENTIONS]->(i:Initiative)
  WITH i, r ORDER BY r.year
  WITH i, count(r) AS reports, collect(r.year) AS years
  CREATE (j)-[:REPORTS_MENTION {reports: reports, years: years}]->(i)
  RETURN count(*) AS initiatives
}
CALL (j) {
  MATCH (j)<-[:ABOUT]-(r:Report)-[:CITES]->(g:Regulation)
  WITH g, r ORDER BY r.year
  WITH g, count(r) AS reports, collect(r.year) AS years
  CREATE (j)-[:REPORTS_CITE {reports: reports, years: years}]->(g)
  RETURN count(*) AS regulations
}
SET j.featureCount = initiatives + regulations
RETURN key, j.featureCount AS featureCount
