// Search's CONTAINS on Regulation.title (search_regulations, the title half of its OR): see cypher/README.md, Backend variants.
CREATE TEXT INDEX regulation_title_text IF NOT EXISTS FOR (n:Regulation) ON (n.title)
