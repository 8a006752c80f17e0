// Benchmark baseline: one node per statement (and per transaction).
MERGE (n:{{label}} {id: $id})
SET n += $props
