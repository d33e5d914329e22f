// Reports whose provenance is still in the storage form written before
// offsets (extractor 0.3.0 and earlier): heading paths as strings (`sections`)
// on their relationships, and no Report.sections. The store refuses to serve
// or export them until `govgraph ingest` re-extracts them from their files.
// Only reports without Report.sections are looked at: every report written
// since has it, unless none of its mentions sits in a section.
// @param limit 5
// @returns id string
// @returns file string | null
MATCH (r:Report)
WHERE r.sections IS NULL
MATCH (r)-[l:CITES|MENTIONS|IDENTIFIES|PLANS|REPORTS]->()
WHERE l.sections IS NOT NULL
WITH DISTINCT r
RETURN r.id AS id, r.file AS file
ORDER BY id
LIMIT $limit
