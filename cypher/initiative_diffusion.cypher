// Diffusion: for each of a batch of initiatives, every jurisdiction whose
// reports mention it, with the first year they do: the first of the
// rollup's ascending years (a jurisdiction whose mentioning reports have no
// year has none and is left out). One rollup relationship per jurisdiction
// instead of every mentioning report; reference/initiative_diffusion is the
// definition from the reports.
// The jurisdiction's own properties, not its featureCount (which any report
// of it changes): the rows then change only by writes that touch the initiative.
// @param names ["行政执法三项制度"]
// @cache-by names initiative
// @returns name string
// @returns jurisdiction JurisdictionShape
// @returns firstYear number
UNWIND $names AS name
MATCH (:Initiative {name: name})<-[x:REPORTS_MENTION]-(j:Jurisdiction)
WHERE size(x.years) > 0
WITH name, j, x.years[0] AS firstYear
RETURN name, j {.key, .code, .name, .fullName, .level, .province, .prefecture} AS jurisdiction, firstYear
ORDER BY name, firstYear, j.fullName
