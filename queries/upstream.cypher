// Firms and segments upstream of a firm: its suppliers, their suppliers, and so on, within a number of SUPPLIES hops, each with its shortest distance.
// param id (Firm): the firm, by name, short name or id, e.g. firm:stock:600031
// param depth = 3: how many SUPPLIES hops to walk (1 = direct suppliers only)
MATCH (f:Firm {id: $id})
MATCH p = ANY SHORTEST (u)-[:SUPPLIES]->+(f)
WITH f, u, length(p) AS depth
WHERE depth <= $depth AND u <> f
RETURN u.id AS id, u.name AS name, labels(u)[0] AS label, depth
ORDER BY depth, id
