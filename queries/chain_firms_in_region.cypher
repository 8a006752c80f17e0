// Firms of a chain in a region, by segment: for each segment of the chain (Segment -BELONGS_TO-> Chain), the firms belonging to it that are located in the region (directly, or through their city).
// param chain (Chain): the chain, by name or id, e.g. 工程机械 or chain:工程机械
// param region (Region): a province, city or city group by name (湖南, Hunan, 长株潭), or Province/City ids
MATCH (c:Chain {id: $chain})<-[:BELONGS_TO]-(s:Segment)<-[:BELONGS_TO]-(f:Firm)
WHERE EXISTS { MATCH (f)-[:LOCATED_IN]->(r) WHERE r.id IN $region }
   OR EXISTS { MATCH (f)-[:LOCATED_IN]->(:City)-[:LOCATED_IN]->(r) WHERE r.id IN $region }
WITH s, f
ORDER BY f.id
RETURN s.id AS segment_id, s.name AS segment, s.stage AS stage, count(f) AS firm_count,
       collect(f.id) AS firm_ids, collect(f.name) AS firms
ORDER BY segment_id
