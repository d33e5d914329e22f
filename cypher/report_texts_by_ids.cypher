// The normalized text of reports, which every provenance offset points into,
// and their heading paths (Report.sections), which a relationship's
// sectionIndexes point into (null for reports written before they existed).
// @param ids ["r-example"]
// @cache-by ids report
// @returns id string
// @returns text string | null
// @returns sections string[] | null
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN id, r.text AS text, r.sections AS sections
