// Firms downstream of removed firms: every firm within a number of SUPPLIES hops of one of them, walking through firms that are not removed, with the fewest hops and how many of its direct suppliers were removed (the plain reach; `chaingraph impact` also says who stops).
// param removed (Firm[]): the removed firms, by name or id, comma-separated or a JSON list, e.g. 恒立液压,三一重工 or ["firm:stock:601100"]
// param depth = 3: how many SUPPLIES hops to walk (1 = direct customers only)
MATCH (r:Firm) WHERE r.id IN $removed
MATCH p = ANY SHORTEST (r)((a)-[:SUPPLIES]->(b:Firm) WHERE NOT b.id IN $removed)+(f:Firm)
WITH f, min(length(p)) AS depth
WHERE depth <= $depth
CALL {
    WITH f
    OPTIONAL MATCH (s:Firm)-[:SUPPLIES]->(f)
    WHERE s <> f
    RETURN count(DISTINCT s) AS suppliers, count(DISTINCT CASE WHEN s.id IN $removed THEN s END) AS lost_suppliers
}
RETURN f.id AS id, f.name AS name, depth, lost_suppliers, suppliers
ORDER BY depth, id
