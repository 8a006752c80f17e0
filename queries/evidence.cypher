// The evidence behind a relationship: each list row or article sentence it was read from, with the source file it belongs to.
// param src (Node): the relationship's start node (name or id) (either end for SIGNED_WITH)
// param dst (Node): its end node (name or id)
// param type = null: the relationship type (SUPPLIES, BELONGS_TO, ...); null: every type between the two
MATCH (a)-[r]-(b)
WHERE a.id = $src AND b.id = $dst AND ($type IS NULL OR type(r) = $type)
  AND (startNode(r) = a OR type(r) = "SIGNED_WITH")
UNWIND range(0, size(coalesce(r.ev_source, [])) - 1) AS i
OPTIONAL MATCH (s:Source {id: r.ev_source[i]})
RETURN type(r) AS type, r.ev_source[i] AS source_id, s.name AS source, s.kind AS kind,
       CASE WHEN r.ev_row[i] < 0 THEN null ELSE r.ev_row[i] END AS row,
       CASE WHEN r.ev_sentence[i] = "" THEN null ELSE r.ev_sentence[i] END AS sentence,
       CASE WHEN r.ev_start[i] < 0 THEN null ELSE r.ev_start[i] END AS start,
       CASE WHEN r.ev_end[i] < 0 THEN null ELSE r.ev_end[i] END AS end,
       CASE WHEN r.ev_note[i] = "" THEN null ELSE r.ev_note[i] END AS note
ORDER BY type, source_id, row, start
