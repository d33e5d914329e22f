// Lookups by the GB/T 2260 code (jurisdictions_lookup: `jurisdiction(name: "510681")`).
CREATE INDEX jurisdiction_code IF NOT EXISTS FOR (n:Jurisdiction) ON (n.code)
