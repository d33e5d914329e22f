// Year filters and year-by-year listings.
CREATE INDEX report_year IF NOT EXISTS FOR (n:Report) ON (n.year)
