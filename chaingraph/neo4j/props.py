"""How a node or relationship of the store looks in Neo4j, both ways.

* ``id`` (nodes), ``name`` and the store's properties. Lists of one scalar type stay
  lists; other lists and maps are stored as JSON text, their keys named in
  ``json_props`` so that reading back restores them.
* Evidence as parallel lists, one item per piece of evidence: ``ev_source`` (the id
  of a Source node: an article or list file), ``ev_row`` (row of a list, -1 when
  none), ``ev_sentence`` (the article sentence, "" when none), ``ev_start`` and
  ``ev_end`` (its character span, -1 when none) and ``ev_note`` ("" when none); a
  list that would hold only those defaults is left out.

Neo4j cannot index a string of more than 8,164 bytes (UTF-8), and one such value
fails a whole batch: :func:`utf8_cut` cuts to :data:`MAX_INDEXED_BYTES`.

>>> props, json_keys = neo4j_props({"city": "长沙", "tags": ["a", "b"], "mix": [1, "x"], "m": {"k": 1}})
>>> props["tags"], props["mix"], props["m"], json_keys
(['a', 'b'], '[1, "x"]', '{"k": 1}', ['m', 'mix'])
>>> from_neo4j_props({"name": "X", "mix": '[1, "x"]', "json_props": ["mix"], "ev_source": []})
{'mix': [1, 'x']}
"""

from __future__ import annotations

import json
from typing import Any

from chaingraph.model import Evidence

# Neo4j's range-index key limit is 8,164 bytes of UTF-8 for a string; kept below it.
MAX_INDEXED_BYTES = 8000
EVIDENCE_KEYS = ("ev_source", "ev_row", "ev_sentence", "ev_start", "ev_end", "ev_note")
_RESERVED = {"id", "name", "json_props", *EVIDENCE_KEYS}


def _scalar_list(value: list) -> bool:
    kinds = {type(v) for v in value}
    return len(kinds) <= 1 and kinds <= {str, int, float, bool} and \
        not any(isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 2**63 for v in value)


def neo4j_props(props: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Return ``props`` made storable as Neo4j properties, and the sorted keys whose
    values were turned into JSON text (maps, mixed or nested lists, huge ints). Keys
    Neo4j rows use themselves (``id``, ``name``, ``json_props``, ``ev_*``) and None
    values are left out."""
    out: dict[str, Any] = {}
    json_keys = []
    for key, value in props.items():
        if key in _RESERVED or value is None:
            continue
        if isinstance(value, bool) or isinstance(value, (str, float)) or \
                (isinstance(value, int) and abs(value) < 2**63):
            out[key] = value
        elif isinstance(value, list) and _scalar_list(value):
            out[key] = value
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            json_keys.append(key)
    return out, sorted(json_keys)


def from_neo4j_props(props: dict[str, Any]) -> dict[str, Any]:
    """Return the store properties held in a Neo4j node's or relationship's
    properties: without ``id``, ``name`` and the evidence lists, JSON text decoded."""
    json_keys = set(props.get("json_props") or ())
    out = {}
    for key, value in props.items():
        if key in _RESERVED:
            continue
        if key in json_keys and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass
        out[key] = value
    return out


# (column, index in a stored item, the stored value for "none")
_EV_FIELDS = (("ev_row", 1, -1), ("ev_start", 2, -1), ("ev_end", 3, -1), ("ev_note", 4, ""), ("ev_sentence", 5, ""))


def evidence_columns(items: list) -> dict[str, list]:
    """Return evidence items as stored (``[source, row, start, end, note, sentence]``,
    see :func:`chaingraph.store.evidence.load_items`; :func:`~chaingraph.store.evidence.encode`
    makes one of an :class:`Evidence`) as the parallel lists stored on nodes and
    relationships. ``ev_source`` is always there (when there is evidence); a list
    whose items are all the default (-1 or "") is left out, which saves Neo4j a
    property per item for the usual list-row or sentence-only evidence. The store
    only ever adds evidence, so a list left out now was never anything but defaults
    before.

    >>> sorted(evidence_columns([["source:a", 3, -1, -1, "", ""]]).items())
    [('ev_row', [3]), ('ev_source', ['source:a'])]
    >>> from chaingraph.store.evidence import encode
    >>> evidence_columns([encode(Evidence("source:a", note="n")), encode(Evidence("source:b", start=0, end=4))])
    {'ev_source': ['source:a', 'source:b'], 'ev_start': [-1, 0], 'ev_end': [-1, 4], 'ev_note': ['n', '']}
    """
    if len(items) == 1:
        # the usual case, written out: most of a load's row building was here
        source, row, start, end, note, sentence = items[0]
        cols: dict[str, list] = {"ev_source": [source]}
        if row != -1:
            cols["ev_row"] = [row]
        if start != -1:
            cols["ev_start"] = [start]
        if end != -1:
            cols["ev_end"] = [end]
        if note:
            cols["ev_note"] = [note]
        if sentence:
            cols["ev_sentence"] = [sentence]
        return cols
    if not items:
        return {}
    cols = {"ev_source": [item[0] for item in items]}
    for key, index, default in _EV_FIELDS:
        values = [item[index] for item in items]
        if any(v != default for v in values):
            cols[key] = values
    return cols


def evidence_from_columns(props: dict[str, Any]) -> list[Evidence]:
    """Return the evidence held in a Neo4j item's ``ev_*`` lists."""
    sources = props.get("ev_source") or []
    out = []
    for i, source in enumerate(sources):
        def get(key: str, missing: Any) -> Any:
            values = props.get(key) or []
            value = values[i] if i < len(values) else missing
            return None if value == missing else value
        out.append(Evidence(source=source, row=get("ev_row", -1), sentence=get("ev_sentence", ""),
                            start=get("ev_start", -1), end=get("ev_end", -1), note=get("ev_note", "")))
    return out


def row_props(name: str | None, props: dict[str, Any], items: list) -> dict[str, Any]:
    """Return a row's ``props``: ``props`` made storable, ``name`` and the evidence
    lists of the stored evidence ``items`` (those lists as they are when there is
    nothing else)."""
    ev_cols = evidence_columns(items)
    if not props and name is None:
        return ev_cols
    out, json_keys = neo4j_props(props) if props else ({}, [])
    if name is not None:
        out["name"] = name
    if json_keys:
        out["json_props"] = json_keys
    out.update(ev_cols)
    return out


def utf8_cut(text: str, limit: int = MAX_INDEXED_BYTES) -> str:
    """Return ``text`` cut to at most ``limit`` bytes of UTF-8, at a character
    boundary.

    >>> utf8_cut("三一重工", 7), utf8_cut("abc", 7)
    ('三一', 'abc')
    """
    if len(text) * 4 <= limit:
        return text  # no character takes more than 4 bytes
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")
