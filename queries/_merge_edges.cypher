// Loader: merge a batch of relationships of one type between nodes of known labels, found
// by id. A row is [start element id, end element id, start id, end id, properties]; the
// element ids are not used here (this is the way again for a batch some of whose ends
// were not found by them).
UNWIND $rows AS r
MATCH (a:{{src}} {id: r[2]})
MATCH (b:{{dst}} {id: r[3]})
MERGE (a)-[x:{{type}}]->(b)
SET x += r[4]
