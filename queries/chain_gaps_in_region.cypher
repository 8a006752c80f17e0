// Gap status of each segment of a chain in a region, by the rule of `chaingraph gaps` (gap_status in chaingraph/analytics/gaps.py) over the firms that BELONG_TO the segment or one of its sub-segments: missing when none of them is in the region; weak when fewer than present_min are, or when more than weak_share of the supply links from the segment's firms to firms in the region come from outside it; present otherwise. A firm is in the region when it is LOCATED_IN one of its places, directly or through its city.
// param chain (Chain): the chain, by name or id, e.g. 工程机械 or chain:工程机械
// param region (Region): a province, city or city group by name (湖南, Hunan, 长株潭), or Province/City ids
// param present_min = 2: local firms a segment needs to be present
// param weak_share = 0.5: share of supply links from outside the region above which a segment is weak
MATCH (c:Chain {id: $chain})<-[:BELONGS_TO]-(s:Segment)
OPTIONAL MATCH (f:Firm)-[:BELONGS_TO]->(:Segment)-[:BELONGS_TO*0..]->(s)
WITH s, collect(DISTINCT f) AS members
WITH s, members,
     [m IN members WHERE EXISTS { MATCH (m)-[:LOCATED_IN]->(r) WHERE r.id IN $region }
                      OR EXISTS { MATCH (m)-[:LOCATED_IN]->(:City)-[:LOCATED_IN]->(r) WHERE r.id IN $region }] AS local
CALL {
    WITH members, local
    UNWIND members AS m
    MATCH (m)-[:SUPPLIES]->(x:Firm)
    WHERE x <> m
      AND (EXISTS { MATCH (x)-[:LOCATED_IN]->(r) WHERE r.id IN $region }
           OR EXISTS { MATCH (x)-[:LOCATED_IN]->(:City)-[:LOCATED_IN]->(r) WHERE r.id IN $region })
    WITH DISTINCT m, x, local
    RETURN count(x) AS links_in, sum(CASE WHEN m IN local THEN 0 ELSE 1 END) AS from_outside
}
RETURN s.id AS segment_id, s.name AS segment, s.stage AS stage,
       CASE WHEN size(local) = 0 THEN 'missing'
            WHEN size(local) < $present_min
              OR (links_in > 0 AND toFloat(from_outside) / links_in > $weak_share) THEN 'weak'
            ELSE 'present' END AS status,
       size(local) AS local_firms, size(members) AS firms_anywhere, links_in, from_outside
ORDER BY coalesce(s.order, 1000000000), segment, segment_id
