// Quantitative facts each of a batch of reports states, with provenance.
// In the order of their first mention: the first number of `provenance`
// (src/store/provenance.ts), or of `starts` in the form written before it.
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns indicator string
// @returns link MetricLink
UNWIND $ids AS id
MATCH (:Report {id: id})-[x:REPORTS]->(n:Indicator)
RETURN id, n.name AS indicator, x {.*} AS link
ORDER BY id, coalesce(toInteger(split(x.provenance, ',')[0]), x.starts[0])
