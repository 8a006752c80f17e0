"""How a map looks: the colour and shape of each kind of node, the style of each
relationship type, a firm's stage, and the column each node takes in the
left-to-right (upstream -> downstream) layout.

A firm's stage is the ``stage`` of the Segment(s) it BELONGS_TO; firms of no known
stage are drawn grey. Everything here is data for the page; nothing is HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from chaingraph.adjacency import node_attributes, out_edges_by_node
from chaingraph.model import Label, RelType, Stage

#: Fill colour of a firm (and a segment) by stage; ``None`` is "stage unknown".
STAGE_COLOURS: dict[Stage | None, str] = {
    Stage.UPSTREAM: "#2f6fb0",
    Stage.MIDSTREAM: "#e8892b",
    Stage.DOWNSTREAM: "#3f9b4a",
    None: "#9a9a9a",
}

#: Shape and colour of every other kind of node.
LABEL_STYLES: dict[str, dict[str, str]] = {
    Label.FIRM.value: {"shape": "dot", "color": STAGE_COLOURS[None]},
    Label.SEGMENT.value: {"shape": "diamond", "color": "#6b6b6b"},
    Label.CHAIN.value: {"shape": "star", "color": "#8e5ea2"},
    Label.CLUSTER.value: {"shape": "hexagon", "color": "#d9b31a"},
    Label.CITY.value: {"shape": "square", "color": "#4fa8a3"},
    Label.PROVINCE.value: {"shape": "square", "color": "#2a6f6b"},
    Label.ALLIANCE.value: {"shape": "triangle", "color": "#e27c99"},
    Label.AGENCY.value: {"shape": "triangleDown", "color": "#8c6446"},
    Label.EVENT.value: {"shape": "triangle", "color": "#b8a48f"},
    Label.SOURCE.value: {"shape": "box", "color": "#dddddd"},
}

#: Colour, dashes and arrow of every relationship type (and the report's CANDIDATE).
EDGE_STYLES: dict[str, dict[str, Any]] = {
    RelType.SUPPLIES.value: {"color": "#444444", "dashes": False, "arrows": "to", "width": 2},
    RelType.BELONGS_TO.value: {"color": "#a0a0a0", "dashes": [6, 4], "arrows": "to", "width": 1},
    RelType.LOCATED_IN.value: {"color": "#7fc4c0", "dashes": [2, 4], "arrows": "to", "width": 1},
    RelType.MEMBER_OF.value: {"color": "#d9b31a", "dashes": [6, 4], "arrows": "to", "width": 1},
    RelType.SIGNED_WITH.value: {"color": "#8e5ea2", "dashes": False, "arrows": "", "width": 2},
    RelType.ORGANIZED.value: {"color": "#8c6446", "dashes": [8, 3], "arrows": "to", "width": 1},
    RelType.PARTICIPATED_IN.value: {"color": "#8c6446", "dashes": [2, 3], "arrows": "to", "width": 1},
    RelType.ABOUT.value: {"color": "#cccccc", "dashes": [1, 4], "arrows": "to", "width": 1},
    "CANDIDATE": {"color": "#d62728", "dashes": [4, 4], "arrows": "to", "width": 1},
}

#: Fill of a segment the gap report marks missing.
MISSING_COLOUR = "#d62728"

_STAGE_LEVEL = {Stage.UPSTREAM: 1, Stage.MIDSTREAM: 3, Stage.DOWNSTREAM: 5}
#: Column of nodes that are not on the chain (places, clusters, chains, events).
CONTEXT_LEVEL = 7


def normal_stage(value: Any) -> Stage | None:
    """Return ``value`` (a graph property) as a :class:`~chaingraph.model.Stage`
    when it names one, else None.

    >>> normal_stage(" Upstream "), normal_stage("上游"), normal_stage(None)
    (<Stage.UPSTREAM: 'upstream'>, None, None)
    """
    text = str(value or "").strip().lower()
    return Stage(text) if text in _STAGE_LEVEL else None


def firm_stages(graph: nx.MultiDiGraph, nodes: Iterable[str] | None = None) -> dict[str, Stage]:
    """Return ``{firm id: stage}`` for every firm of ``graph`` (or of ``nodes``
    only) that BELONGS_TO a Segment with a ``stage``; a firm in segments of several
    stages takes the most common one (ties: upstream before midstream before
    downstream).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("f", label="Firm"); g.add_node("s", label="Segment", stage="upstream")
    >>> _ = g.add_edge("f", "s", key="BELONGS_TO", type="BELONGS_TO")
    >>> {f: str(s) for f, s in firm_stages(g).items()}, firm_stages(g, ["s"])
    ({'f': 'upstream'}, {})
    """
    belongs, firm, segment = RelType.BELONGS_TO.value, Label.FIRM.value, Label.SEGMENT.value
    attrs, out_edges = node_attributes(graph), out_edges_by_node(graph)
    out: dict[str, str] = {}
    for node in graph if nodes is None else nodes:
        if attrs[node].get("label") != firm:
            continue
        counts: Counter = Counter()
        for dst, keyed in out_edges[node].items():
            if belongs in keyed and attrs[dst].get("label") == segment:
                stage = normal_stage(attrs[dst].get("stage"))
                if stage:
                    counts[stage] += 1
        if counts:
            out[node] = main_stage(counts)
    return out


def main_stage(counts: Counter) -> Stage:
    """Return the most common stage of ``counts`` (ties: upstream first).

    >>> str(main_stage(Counter({Stage.DOWNSTREAM: 1, Stage.MIDSTREAM: 1})))
    'midstream'
    """
    return min(counts, key=lambda s: (-counts[s], _STAGE_LEVEL[s]))


def node_colour(label: str, stage: Stage | None) -> str:
    """Return the fill colour of a node of ``label``; firms and segments by ``stage``.

    >>> node_colour("Firm", "upstream"), node_colour("City", None)
    ('#2f6fb0', '#4fa8a3')
    """
    if label in (Label.FIRM.value, Label.SEGMENT.value) and stage in STAGE_COLOURS:
        return STAGE_COLOURS[stage]
    return LABEL_STYLES.get(label, LABEL_STYLES[Label.SOURCE.value])["color"]


def node_shape(label: str) -> str:
    """Return the vis-network shape of a node of ``label``."""
    return LABEL_STYLES.get(label, LABEL_STYLES[Label.SOURCE.value])["shape"]


def flow_levels(graph: nx.MultiDiGraph, stages: dict[str, Stage]) -> dict[str, int]:
    """Return a column for every node for the left-to-right layout: upstream 1,
    midstream 3, downstream 5 (from ``stages``, or a segment's own ``stage``); a firm
    of unknown stage sits one column right of its known suppliers, else one left of
    its known customers; everything else is context, column 7.

    >>> g = nx.MultiDiGraph(); g.add_nodes_from(["a", "b", "c"], label="Firm")
    >>> _ = g.add_edge("a", "b", key="SUPPLIES", type="SUPPLIES")
    >>> flow_levels(g, {"a": Stage.UPSTREAM})
    {'a': 1, 'b': 2, 'c': 7}
    """
    levels: dict[str, int] = {}
    for node, attrs in graph.nodes(data=True):
        stage = stages.get(node) or (normal_stage(attrs.get("stage"))
                                     if attrs.get("label") == Label.SEGMENT.value else None)
        if stage:
            levels[node] = _STAGE_LEVEL[stage]
    result = dict(levels)
    for node, attrs in graph.nodes(data=True):
        if node in levels:
            continue
        if attrs.get("label") in (Label.FIRM.value, Label.SEGMENT.value):
            before = [levels[p] for p, _, t in graph.in_edges(node, keys=True)
                      if t == RelType.SUPPLIES.value and p in levels]
            after = [levels[s] for _, s, t in graph.out_edges(node, keys=True)
                     if t == RelType.SUPPLIES.value and s in levels]
            if before:
                result[node] = max(before) + 1
                continue
            if after:
                result[node] = max(0, min(after) - 1)
                continue
        result[node] = CONTEXT_LEVEL
    return result


def wrap_columns(levels: dict[str, int], rank: dict[str, float], per_column: int = 30) -> dict[str, int]:
    """Return consecutive column numbers for ``levels`` (node -> level), splitting
    a level of more than ``per_column`` nodes into side-by-side columns, the nodes
    with the highest ``rank`` first, so tall stages stay readable.

    >>> wrap_columns({"a": 1, "b": 1, "c": 1, "d": 5}, {"a": 0.1, "b": 0.9, "c": 0.5}, per_column=2)
    {'b': 0, 'c': 0, 'a': 1, 'd': 2}
    """
    by_level: dict[int, list[str]] = {}
    for node, level in levels.items():
        by_level.setdefault(level, []).append(node)
    out: dict[str, int] = {}
    column = 0
    for level in sorted(by_level):
        nodes = sorted(by_level[level], key=lambda n: (-rank.get(n, 0.0), n))
        for start in range(0, len(nodes), per_column):
            for node in nodes[start:start + per_column]:
                out[node] = column
            column += 1
    return out


def legend(labels: set[str], stages: set[Stage | None], edge_types: set[str],
           extra: list[dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Return the legend entries for what a map shows, as plain data: one entry per
    firm stage, other node kind and edge type present, then ``extra`` entries. Each
    entry has ``kind`` ("node" or "edge"), ``text``, ``color``, ``shape`` or ``dashes``.

    >>> [e["text"] for e in legend({"Firm", "City"}, {Stage.UPSTREAM}, {"LOCATED_IN"})]
    ['Firm, upstream', 'City', 'LOCATED_IN']
    """
    entries: list[dict[str, Any]] = []
    if Label.FIRM.value in labels:
        for stage in (*_STAGE_LEVEL, None):
            if stage in stages:
                entries.append({"kind": "node", "text": f"Firm, {stage or 'stage unknown'}",
                                "color": STAGE_COLOURS[stage], "shape": "dot"})
    for label in LABEL_STYLES:
        if label in labels and label != Label.FIRM.value:
            text = "Segment (coloured by stage)" if label == Label.SEGMENT.value else label
            entries.append({"kind": "node", "text": text, **LABEL_STYLES[label]})
    for typ, style in EDGE_STYLES.items():
        if typ in edge_types:
            entries.append({"kind": "edge", "text": typ, "color": style["color"],
                            "dashes": bool(style["dashes"])})
    return entries + list(extra or [])
