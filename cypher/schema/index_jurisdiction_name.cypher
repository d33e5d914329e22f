// Lookups and ordering by the short name (罗江区).
CREATE INDEX jurisdiction_name IF NOT EXISTS FOR (n:Jurisdiction) ON (n.name)
