// Search's CONTAINS on Report.title (search_reports): see cypher/README.md, Backend variants.
CREATE TEXT INDEX report_title_text IF NOT EXISTS FOR (n:Report) ON (n.title)
