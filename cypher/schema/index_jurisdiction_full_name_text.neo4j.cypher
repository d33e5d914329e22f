// Search's `CONTAINS` on Jurisdiction.fullName (search_jurisdictions and the
// jurisdiction filter's text). Neo4j answers CONTAINS from a TEXT index (a
// scan of every Jurisdiction node without one); CONTAINS is false or null for
// anything but a string, so the planner can use it with a parameter. The
// embedded store has no text index in its engine and keeps its own in memory
// (src/store/text-index.ts), so this file is Neo4j's only.
CREATE TEXT INDEX jurisdiction_full_name_text IF NOT EXISTS FOR (n:Jurisdiction) ON (n.fullName)
