// Loader: merge a batch of nodes of one label by id; props hold name, properties and evidence lists.
UNWIND $rows AS r
MERGE (n:{{label}} {id: r.id})
SET n += r.props
