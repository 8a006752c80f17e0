// Tests and benchmarks: delete everything, in transactions of 10k rows (run it auto-commit).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
