// Firms in a cluster or alliance: the firms that are MEMBER_OF it or BELONG_TO it, and how they are tied to it.
// param group (Cluster|Alliance): a Cluster or Alliance, by name or id, e.g. cluster:长株潭工程机械
CALL () {
    MATCH (g:Cluster {id: $group}) RETURN g
    UNION
    MATCH (g:Alliance {id: $group}) RETURN g
}
MATCH (f:Firm)-[r:MEMBER_OF|BELONGS_TO]->(g)
WITH f, type(r) AS how
ORDER BY how
RETURN f.id AS id, f.name AS name, collect(how) AS via
ORDER BY id
