// Loader: remove the nodes the store merged into others (entity resolution), so Neo4j
// mirrors the merged graph; their relationships were moved to the survivors in the store.
UNWIND $rows AS id
MATCH (n:{{label}} {id: id})
DETACH DELETE n
RETURN count(*) AS deleted
