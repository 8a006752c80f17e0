// Reading a graph back: every node with its labels and properties.
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
