// Loader: the uniqueness constraint on id for one label (it is also the index MERGE uses).
CREATE CONSTRAINT IF NOT EXISTS FOR (n:{{label}}) REQUIRE n.id IS UNIQUE
