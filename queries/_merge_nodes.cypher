// Loader: merge a batch of nodes of one label by id; props hold name, properties and evidence lists.
// Returns the element ids of the batch's nodes in the order of the rows (the relationships of
// the same load find their ends by them).
UNWIND $rows AS r
MERGE (n:{{label}} {id: r.id})
SET n += r.props
RETURN collect(elementId(n)) AS eids
