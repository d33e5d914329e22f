// Search's CONTAINS on Jurisdiction.fullName (search_jurisdictions, the jurisdiction filter's text): see cypher/README.md, Backend variants.
CREATE TEXT INDEX jurisdiction_full_name_text IF NOT EXISTS FOR (n:Jurisdiction) ON (n.fullName)
