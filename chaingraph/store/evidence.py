"""How the store keeps evidence: each node and edge row holds a JSON array of
items ``[source, row, start, end, note, sentence]``, merged in SQL (see
:data:`chaingraph.store.schema.UPSERT_NODES`).

>>> from chaingraph.model import Evidence
>>> items = [encode(Evidence("source:b", start=0, end=4)), encode(Evidence("source:a", row=3))]
>>> decode_list(dumps(items))
[Evidence(source='source:a', row=3, sentence=None, start=None, end=None, note=None), Evidence(source='source:b', row=None, sentence=None, start=0, end=4, note=None)]
"""

from __future__ import annotations

from typing import Any

import orjson

from chaingraph.model import Evidence


def encode(ev: Evidence) -> tuple:
    """Return ``ev`` as a stored item: [source, row, start, end, note, sentence],
    with -1 and "" for what it lacks."""
    return (ev.source, -1 if ev.row is None else ev.row, -1 if ev.start is None else ev.start,
            -1 if ev.end is None else ev.end, ev.note or "", ev.sentence or "")


def decode(item: list) -> Evidence:
    """Return the :class:`Evidence` a stored item stands for."""
    source, line, start, end, note, sentence = item
    return Evidence(source=source, row=None if line < 0 else line, start=None if start < 0 else start,
                    end=None if end < 0 else end, note=note or None, sentence=sentence or None)


def dumps(value: Any) -> str:
    """Return ``value`` (props or evidence items) as compact JSON, keys sorted."""
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def decode_list(text: str) -> list[Evidence]:
    """Return the evidence of a stored JSON array, by source, row, start."""
    return [decode(i) for i in load_items(text)]


def load_items(text: str) -> list[list]:
    """Return the items of a stored JSON array as they are stored (lists of source,
    row, start, end, note, sentence), by source, row, start: the order
    :func:`decode_list` gives, without making :class:`Evidence` objects.

    >>> load_items('[["source:b",-1,0,4,"",""],["source:a",3,-1,-1,"",""]]')
    [['source:a', 3, -1, -1, '', ''], ['source:b', -1, 0, 4, '', '']]
    """
    items = orjson.loads(text)
    if len(items) < 2:  # the usual case: nothing to sort
        return items
    return sorted(items, key=lambda i: (i[0], i[1] or -1, i[2] or -1, i[3] or -1, i[4]))


def dedup(items: list) -> list:
    """Return ``items`` without repeats; items equal but for the sentence are one
    piece of evidence."""
    if len(items) < 2:
        return items
    seen: dict[tuple, tuple] = {}
    for item in items:
        seen.setdefault(item[:5], item)
    return list(seen.values())
