// Firms of a chain in a region, by segment: for each segment of the chain (Segment -BELONGS_TO-> Chain), the firms belonging to it that are located in the region (directly, or through their city).
// param chain: the chain's id, e.g. chain:construction machinery
// param region: id of a City or Province, e.g. city:长沙 or province:湖南
MATCH (c:Chain {id: $chain})<-[:BELONGS_TO]-(s:Segment)<-[:BELONGS_TO]-(f:Firm)
WHERE EXISTS { MATCH (f)-[:LOCATED_IN]->(r) WHERE r.id = $region }
   OR EXISTS { MATCH (f)-[:LOCATED_IN]->(:City)-[:LOCATED_IN]->(r) WHERE r.id = $region }
WITH s, f
ORDER BY f.id
RETURN s.id AS segment_id, s.name AS segment, s.stage AS stage, count(f) AS firm_count,
       collect(f.id) AS firm_ids, collect(f.name) AS firms
ORDER BY segment_id
