// jurisdictions_list_by_initiative when the filter names no issuer type,
// regulation or problem theme (the usual "which counties cite 三项制度", with
// or without a year range): the same answer from the rollup alone. The
// general statement's EXISTS tests on the reports are left out rather than
// switched off by null parameters, because Grafeo (0.6) evaluates an EXISTS
// subquery even when the other side of its OR is true: at 5,000 reports
// those tests were 90 % of the answer's time. The API picks this statement
// (jurisdictionListStatement in src/api/schema/jurisdiction.ts); test/integration/store/rollup.test.ts holds
// it to the definition from the reports.
// @returns jurisdictions JurisdictionShape[]
// @returns total number
MATCH (i:Initiative)
WHERE {{initiative_named}}
{{jurisdictions_of_initiatives_rollup}}
