// Uniqueness of the ProblemTheme key: MERGE on it must never create a twin, and the
// constraint's index serves every lookup by name.
CREATE CONSTRAINT problem_theme_name IF NOT EXISTS FOR (n:ProblemTheme) REQUIRE n.name IS UNIQUE
