// The definition of jurisdictions_list_by_initiative from the reports themselves, without the
// jurisdiction rollup: what test/integration/store/rollup.test.ts compares the
// rollup's answer with, on the seeds and on a random corpus. Not used by the API.
// One page of jurisdictions matching the filter of jurisdictions_list when it names
// initiatives ($initiatives not null): the same answer, but starting from the
// initiative nodes (a few) and walking their reports to the jurisdictions,
// instead of testing every jurisdiction's reports ("which counties cite
// 三项制度"). One row: the page and the total. A matching report satisfies the year and issuer conditions, so
// those EXISTS tests are implied here; the others are as in jurisdictions_list.
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param initiativeCategory null :: string | null
// @param skip 0
// @param limit 20
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (i:Initiative)
WHERE (i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives))
  AND ($initiativeCategory IS NULL OR i.category = $initiativeCategory)
MATCH (i)<-[:MENTIONS]-(r:Report)-[:ABOUT]->(j:Jurisdiction)
WHERE ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)
  AND ($issuerType IS NULL OR r.issuerType = $issuerType)
WITH DISTINCT j
WHERE {{jurisdiction_place}}
  {{jurisdiction_cites_themes}}
{{jurisdiction_order}}
WITH collect(j) AS matched
RETURN [j IN matched[$skip..$skip + $limit] | j {.*}] AS jurisdictions, size(matched) AS total
