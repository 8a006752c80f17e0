// Loader: merge a batch of relationships of one type between nodes found by the element
// ids the node batches of the same load returned (a direct record look-up instead of two
// index seeks a row); each end's id is checked too, so an element id that came to name
// another node meanwhile matches nothing. Returns how many rows found both ends: fewer
// than were sent makes the loader send the batch again by id (_merge_edges).
// A row is [start element id, end element id, start id, end id, properties].
UNWIND $rows AS r
MATCH (a) WHERE elementId(a) = r[0] AND a.id = r[2]
MATCH (b) WHERE elementId(b) = r[1] AND b.id = r[3]
MERGE (a)-[x:{{type}}]->(b)
SET x += r[4]
RETURN count(*) AS matched
