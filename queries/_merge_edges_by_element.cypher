// Loader: merge a batch of relationships of one type between nodes found by the element
// ids the node batches of the same load returned (a direct record look-up instead of two
// index seeks a row); each end's id is checked too, so an element id that came to name
// another node meanwhile matches nothing. Returns how many rows found both ends: fewer
// than were sent makes the loader send the batch again by id (_merge_edges).
UNWIND $rows AS r
MATCH (a) WHERE elementId(a) = r.a AND a.id = r.src
MATCH (b) WHERE elementId(b) = r.b AND b.id = r.dst
MERGE (a)-[x:{{type}}]->(b)
SET x += r.props
RETURN count(*) AS matched
