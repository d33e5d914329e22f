// One page of jurisdictions matching the filter of jurisdictions_list when it names
// initiatives ($initiatives not null): the same answer, but starting from the
// initiative nodes (a few) and walking their rollup (one REPORTS_MENTION per
// jurisdiction, with the years of its mentioning reports) instead of every
// mentioning report ("which counties cite 三项制度"). A year range is
// answered by the rollup's years; only an issuer type needs the
// jurisdiction's own reports (a handful). reference/jurisdictions_list_by_initiative
// is the definition from the reports. One row: the page and the total. The
// other conditions are as in jurisdictions_list.
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (i:Initiative)
WHERE {{initiative_named}}
{{jurisdictions_of_initiatives}}
