// Search's CONTAINS on Problem.text (search_problems): see cypher/README.md, Backend variants.
CREATE TEXT INDEX problem_text IF NOT EXISTS FOR (n:Problem) ON (n.text)
