// Loader: an index on name for one label, for researchers' lookups by name.
CREATE INDEX IF NOT EXISTS FOR (n:{{label}}) ON (n.name)
