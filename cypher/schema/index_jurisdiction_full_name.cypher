// Lookups by the full name (jurisdictions_lookup: `jurisdiction(name: "四川省德阳市罗江区")`).
CREATE INDEX jurisdiction_full_name IF NOT EXISTS FOR (n:Jurisdiction) ON (n.fullName)
