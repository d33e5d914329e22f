// Whether a stored report is what would be written now: the same extractor
// version, year and title (ingestReport can override the year and the title,
// so one text may be asked to be stored with another year). Decides between
// 'unchanged', 'replaced' and 'created'; no row if the report is not stored.
// @param id "r-example"
// @param version "0.3.1"
// @param year 2024
// @param title null :: string | null
// @returns same boolean
MATCH (r:Report {id: $id})
RETURN r.extractorVersion = $version AND coalesce(r.year, -1) = coalesce($year, -1) AND coalesce(r.title, '') = coalesce($title, '') AS same
