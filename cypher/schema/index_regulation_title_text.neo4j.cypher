// Search's `CONTAINS` on Regulation.title (search_regulations, the title half
// of its OR). Neo4j answers CONTAINS from a TEXT index (a scan of every
// Regulation node without one); CONTAINS is false or null for anything but a
// string, so the planner can use it with a parameter. The embedded store has
// no text index in its engine and keeps its own in memory (src/store/text-
// index.ts), so this file is Neo4j's only.
CREATE TEXT INDEX regulation_title_text IF NOT EXISTS FOR (n:Regulation) ON (n.title)
