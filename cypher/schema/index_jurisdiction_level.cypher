// "Which counties …" filters on level before anything else.
CREATE INDEX jurisdiction_level IF NOT EXISTS FOR (n:Jurisdiction) ON (n.level)
