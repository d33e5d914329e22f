// Quantitative facts each of a batch of reports states, with provenance.
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns indicator string
// @returns link MetricLink
UNWIND $ids AS id
MATCH (:Report {id: id})-[x:REPORTS]->(n:Indicator)
RETURN id, n.name AS indicator, x {.*} AS link
ORDER BY id, x.starts[0]
