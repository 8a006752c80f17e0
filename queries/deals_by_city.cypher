// Deals signed by city: per city, the events located there that report deals (deal_count or deal_amount), the number of deals and their total amount in yuan.
// param province (Province) = null: only cities located in this Province (name or id) (null: every city)
MATCH (e:Event)-[:LOCATED_IN]->(c:City)
WHERE (e.deal_count IS NOT NULL OR e.deal_amount IS NOT NULL)
  AND ($province IS NULL OR EXISTS { MATCH (c)-[:LOCATED_IN]->(p:Province) WHERE p.id = $province })
RETURN c.id AS city_id, c.name AS city, count(e) AS events,
       sum(coalesce(e.deal_count, 0)) AS deals, sum(coalesce(e.deal_amount, 0)) AS amount
ORDER BY amount DESC, city_id
