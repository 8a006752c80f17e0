// The supply paths from one firm to another: every path with the fewest SUPPLIES hops, supplier first.
// param from (Firm): the firm (name or id) at the supplying end
// param to (Firm): the firm (name or id) at the customer end
MATCH (a:Firm {id: $from})
MATCH (b:Firm {id: $to})
MATCH p = ALL SHORTEST (a)-[:SUPPLIES]->+(b)
RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names, length(p) AS hops
ORDER BY ids
