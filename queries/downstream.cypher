// Firms and segments downstream of a firm: its customers, their customers, and so on, within a number of SUPPLIES hops, each with its shortest distance.
// param id (Firm): the firm, by name, short name or id, e.g. firm:stock:601100
// param depth = 3: how many SUPPLIES hops to walk (1 = direct customers only)
MATCH (f:Firm {id: $id})
MATCH p = ANY SHORTEST (f)-[:SUPPLIES]->+(d)
WITH f, d, length(p) AS depth
WHERE depth <= $depth AND d <> f
RETURN d.id AS id, d.name AS name, labels(d)[0] AS label, depth
ORDER BY depth, id
