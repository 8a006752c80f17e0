// Named queries: the nodes of some labels a parameter may name, for matching what a person typed
// against names, short and English names and ids. Labels come as a parameter from the fixed enum.
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
  AND ($text IS NULL OR n.id = $text OR n.name = $text OR n.short_name = $text OR n.english_name = $text
       OR n.name_en = $text)
RETURN n.id AS id, n.name AS name, n.short_name AS short_name, n.english_name AS english_name,
       n.name_en AS name_en, n.province AS province, [l IN labels(n) WHERE l IN $labels][0] AS label
