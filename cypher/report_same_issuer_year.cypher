// The other stored reports about a jurisdiction with the same issuer and year
// as a report: most likely the same report read from another file. A .txt and
// a .pdf or web page of one report have different texts (line breaks, a page's
// title line), hence different ids, and would otherwise be counted twice
// without a word. The report's own key, issuer and year come as parameters
// (sameIssuerAndYearParams): the jurisdiction is found by its indexed key and
// its few reports walked; reading them off the report and matching after a
// WITH made the engine scan every Report (2.4 ms a report at 3,000 reports).
// @param id "r-example"
// @param key "510604"
// @param year 2024
// @param issuer "罗江区人民政府"
// @returns id string
// @returns file string | null
MATCH (:Jurisdiction {key: $key})<-[:ABOUT]-(o:Report)
WHERE o.id <> $id AND o.year = $year AND o.issuerName = $issuer
RETURN o.id AS id, o.file AS file
ORDER BY o.id
