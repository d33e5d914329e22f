// The other stored reports about a jurisdiction with the same issuer and year
// as a report: most likely the same report read from another file. A .txt and
// a .pdf or web page of one report have different texts (line breaks, a page's
// title line), hence different ids, and would otherwise be counted twice
// without a word. The reports' own keys, issuers and years come as parameters
// (sameIssuerAndYearParams), for several reports at once ($keys[n], $years[n]
// and $issuers[n] belong to $ids[n]; each row names the report it answers
// for): the jurisdiction is found by its indexed key and its few reports
// walked; reading them off the report and matching after a WITH made the
// engine scan every Report (2.4 ms a report at 3,000 reports).
// @param ids ["r-example"]
// @param keys ["510604"]
// @param years [2024]
// @param issuers ["罗江区人民政府"]
// @returns report string
// @returns id string
// @returns file string | null
UNWIND range(0, size($ids) - 1) AS n
MATCH (:Jurisdiction {key: $keys[n]})<-[:ABOUT]-(o:Report)
WHERE o.id <> $ids[n] AND o.year = $years[n] AND o.issuerName = $issuers[n]
RETURN $ids[n] AS report, o.id AS id, o.file AS file
ORDER BY n, id
