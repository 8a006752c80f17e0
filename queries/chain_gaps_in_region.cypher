// Segments of a chain with no firm in a region: each segment of the chain none of whose firms is located in the region (directly, or through its city), with how many firms it has elsewhere.
// param chain: the chain's id, e.g. chain:construction machinery
// param region: id of a City or Province, e.g. city:长沙 or province:湖南
MATCH (c:Chain {id: $chain})<-[:BELONGS_TO]-(s:Segment)
WHERE NOT EXISTS {
    MATCH (s)<-[:BELONGS_TO]-(f:Firm)
    WHERE EXISTS { MATCH (f)-[:LOCATED_IN]->(r) WHERE r.id = $region }
       OR EXISTS { MATCH (f)-[:LOCATED_IN]->(:City)-[:LOCATED_IN]->(r) WHERE r.id = $region }
}
RETURN s.id AS segment_id, s.name AS segment, s.stage AS stage,
       COUNT { (s)<-[:BELONGS_TO]-(:Firm) } AS firms_elsewhere
ORDER BY segment_id
