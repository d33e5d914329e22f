// The extractor version a stored report was written with, or no row if the
// report is not stored: decides between 'unchanged', 'replaced' and 'created'.
// @param id "r-example"
// @returns version string | null
MATCH (r:Report {id: $id})
RETURN r.extractorVersion AS version
