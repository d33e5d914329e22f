// Diffusion of regulations: for each of a batch of titles, every jurisdiction
// whose reports cite it, with the first year they do: the first of the
// rollup's ascending years (a jurisdiction whose citing reports have no year
// has none and is left out). reference/regulation_diffusion is the
// definition from the reports.
// The jurisdiction's own properties, not its featureCount (which any report
// of it changes): the rows then change only by writes that touch the regulation.
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @cache-by titles regulation
// @returns title string
// @returns jurisdiction JurisdictionShape
// @returns firstYear number
UNWIND $titles AS title
MATCH (:Regulation {title: title})<-[x:REPORTS_CITE]-(j:Jurisdiction)
WHERE size(x.years) > 0
WITH title, j, x.years[0] AS firstYear
RETURN title, j {.key, .code, .name, .fullName, .level, .province, .prefecture} AS jurisdiction, firstYear
ORDER BY title, firstYear, j.fullName
