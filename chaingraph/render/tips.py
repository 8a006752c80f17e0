"""What a map's tooltips say: a node's or an edge's key facts and the evidence
behind them, as ``[key, text]`` lines. The page turns the lines into text nodes,
so nothing here is ever parsed as HTML."""

from __future__ import annotations

from typing import Any

import networkx as nx

from chaingraph.model import Evidence, Label, RelType
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.render.select import Selection

_TIP_PROPS = ("short_name", "stock_code", "credit_code", "province", "city", "products", "stage",
              "code", "date", "deal_count", "deal_amount", "participant_count")
_EVIDENCE_PER_NODE = 3
_EVIDENCE_PER_EDGE = 2


def evidence_text(ev: Evidence, source_name: str) -> str:
    """Return one evidence item as one line of text: where, then the sentence.

    >>> evidence_text(Evidence("source:1", row=4, note="inferred"), "firms.csv")
    'firms.csv row 4 (inferred)'
    """
    where = source_name
    if ev.row is not None:
        where += f" row {ev.row}"
    if ev.start is not None:
        where += f" chars {ev.start}-{ev.end}"
    if ev.note:
        where += f" ({ev.note})"
    if ev.sentence:
        sentence = ev.sentence if len(ev.sentence) <= 220 else ev.sentence[:219] + "…"
        where += f": “{sentence}”"
    return where


def _evidence_lines(placed: PlacedGraph | None, owner: str, limit: int) -> list[list[str]]:
    if placed is None:
        return []
    items = placed.evidence(owner)
    lines = [["evidence", evidence_text(ev, placed.source_name(ev.source))] for ev in items[:limit]]
    if len(items) > limit:
        lines.append(["evidence", f"… and {len(items) - limit} more (chaingraph show)"])
    return lines


def node_tip(placed: PlacedGraph | None, g: nx.MultiDiGraph, node: str, attrs: dict[str, Any],
             stage: str | None, selection: Selection) -> list[list[str]]:
    """Return the tooltip lines (``[key, text]``; the first is ``[label, name]``) of
    ``node`` of map graph ``g``: its id, stage and segments (firms), key
    properties, links, centrality and evidence from ``placed``."""
    label = attrs.get("label", "?")
    lines = [[label, str(attrs.get("name") or node)], ["id", node]]
    if label == Label.FIRM.value:
        segments = sorted(g.nodes[d].get("name", d) for _, d, t in g.out_edges(node, keys=True)
                          if t == RelType.BELONGS_TO.value and g.nodes[d].get("label") == Label.SEGMENT.value)
        lines.append(["stage", stage or "unknown"])
        if segments:
            lines.append(["segment", "; ".join(segments)])
    for key in _TIP_PROPS:
        value = attrs.get(key)
        if value not in (None, "", []) and not (key == "stage" and label == Label.FIRM.value):
            lines.append([key.replace("_", " "), _text(value)])
    if attrs.get("outside_list"):
        lines.append(["note", "named only as a supplier or customer"])
    if node in selection.partners:
        lines.append(["note", "outside the selection: drawn as a supplier or customer"])
    lines.append(["links", f"{g.degree(node)} on this map; degree centrality "
                           f"{selection.centrality.get(node, 0.0):.4f}"])
    return lines + _evidence_lines(placed, node, _EVIDENCE_PER_NODE)


def edge_tip(placed: PlacedGraph | None, g: nx.MultiDiGraph, src: str, dst: str, typ: str) -> list[list[str]]:
    """Return the tooltip lines of edge ``src -[typ]-> dst``: its ends, properties
    and evidence from ``placed``."""
    props = g.edges[src, dst, typ]
    arrow = "—" if typ == RelType.SIGNED_WITH.value else "→"
    lines = [[typ, f"{g.nodes[src].get('name', src)} {arrow} {g.nodes[dst].get('name', dst)}"]]
    for key in sorted(props):
        if key != "type" and props[key] not in (None, "", []):
            lines.append([key.replace("_", " "), _text(props[key])])
    return lines + _evidence_lines(placed, f"{src}|{typ}|{dst}", _EVIDENCE_PER_EDGE)


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)
