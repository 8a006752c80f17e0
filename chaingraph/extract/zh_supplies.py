"""Chinese supply relations where the supplier comes after its customer:
为X配套的Y, 给X供货的Y, 向X供应…的Y (Y SUPPLIES X).

The clause patterns of :mod:`chaingraph.extract.relations` read "Y为X配套" (the
supplier first); news often names the supplier as the head of a phrase instead, with
its customer inside the phrase before 的.
"""

from __future__ import annotations

import re

_CUSTOMER_BEFORE = re.compile(r"(?:为|给|向)$")
_SUPPLY_OF = re.compile(r"(?:长期|批量|独家|主要)?(?:配套|供货|供应|提供[^，。；的]{0,8}?)(?:[^，。；的]{0,8}?)的$")


def supplier_after_customer(rel, text: str, sentences, per_sent) -> None:
    """Add Y SUPPLIES X for 为X配套的Y (X and Y firms of one sentence of ``per_sent``:
    sentence index → its (mention, entity) pairs in order of start)."""
    for index, items in per_sent.items():
        sent = sentences[index]
        firms = [(m, e) for m, e in items if e.type == "Firm" and not m.nested_in]
        for i, (m, e) in enumerate(firms):
            if not _CUSTOMER_BEFORE.search(text, max(sent.start, m.start - 1), m.start):
                continue
            nxt = next(((om, oe) for om, oe in firms[i + 1:] if om.start >= m.end), None)
            if nxt is None or nxt[1] is e:
                continue
            between = text[m.end:nxt[0].start]
            if len(between) <= 16 and _SUPPLY_OF.fullmatch(between):
                rel.add("SUPPLIES", nxt[1], e, index, "the supplier named after its customer")
