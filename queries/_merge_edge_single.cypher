// Benchmark baseline: one relationship per statement (and per transaction).
MATCH (a:{{src}} {id: $src})
MATCH (b:{{dst}} {id: $dst})
MERGE (a)-[x:{{type}}]->(b)
SET x += $props
