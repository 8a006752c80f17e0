// Reading a graph back: every relationship with its ends' ids and its properties.
MATCH (a)-[r]->(b)
RETURN a.id AS src, type(r) AS type, b.id AS dst, properties(r) AS props
