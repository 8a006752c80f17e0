// Events about a chain: events (Event -ABOUT->) about the chain itself or about one of its segments, with their date, deals and places.
// param chain (Chain): the chain, by name or id, e.g. chain:aluminium
MATCH (c:Chain {id: $chain})
MATCH (e:Event)-[:ABOUT]->(t)
WHERE t = c OR (t:Segment AND EXISTS { (t)-[:BELONGS_TO]->(c) })
WITH DISTINCT e
OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
WITH e, place
ORDER BY place.id
RETURN e.id AS id, e.name AS name, e.date AS date, e.deal_count AS deal_count,
       e.deal_amount AS deal_amount, collect(place.id) AS place_ids
ORDER BY id
