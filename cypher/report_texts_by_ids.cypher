// The normalized text of reports: every provenance offset points into it.
// @param ids ["r-example"]
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN id, r.text AS text
