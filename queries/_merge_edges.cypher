// Loader: merge a batch of relationships of one type between nodes of known labels.
UNWIND $rows AS r
MATCH (a:{{src}} {id: r.src})
MATCH (b:{{dst}} {id: r.dst})
MERGE (a)-[x:{{type}}]->(b)
SET x += r.props
