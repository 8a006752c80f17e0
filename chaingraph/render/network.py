"""A map's page data: the selected graph as vis-network nodes and edges (built with
a pyvis ``Network``), the layout options, the legend, and what the page's script
needs to label, search and filter it.

Labels are chosen on the page (``map.js``): every node carries a ``rank`` (its place
in the order labels are given out: named anchors, chains and segments first, then
the region's firms, then the rest by centrality) and ``key`` (the first tiers);
the script draws labels at a fixed size on screen (at least 11 px) in rank order,
skipping any that would overlap a label already drawn, and again after each zoom.
"""

from __future__ import annotations

import math
from collections import Counter
from enum import Enum
from typing import Any

from pyvis.edge import Edge
from pyvis.network import Network

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.model import Label, RelType, Stage
from chaingraph.render.select import Selection
from chaingraph.render.style import EDGE_STYLES, flow_levels, legend, node_colour, node_shape, wrap_columns
from chaingraph.render.tips import edge_tip, node_tip

#: Properties whose values a map's search box also finds a node by.
SEARCH_PROPS = ("name", "short_name", "english_name", "name_en", "stock_code", "credit_code", "code")
#: Node kinds whose labels are given out first (with the anchors a map names).
KEY_LABELS = frozenset({Label.CHAIN.value, Label.SEGMENT.value})


class Layout(str, Enum):
    """How a map lays its nodes out: seeded physics, or upstream -> downstream columns."""

    FORCE = "force"
    LR = "lr"

    def __str__(self) -> str:
        return self.value


def label_ranks(selection: Selection, focus: set[str] = frozenset(),
                firsts: set[str] = frozenset()) -> tuple[dict[str, int], set[str]]:
    """Return each node's place in the labelling order and the set of key nodes.
    Tier 0: ``focus`` (what the map names), chains and segments; tier 1:
    ``firsts`` (the region's firms); then everyone else. Within a tier the more
    central first, ties by id.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("s", label="Segment"); g.add_nodes_from("ab", label="Firm")
    >>> ranks, key = label_ranks(Selection(g, centrality={"a": 0.1, "b": 0.5, "s": 0.0}), firsts={"a"})
    >>> sorted(ranks, key=ranks.get), sorted(key)
    (['s', 'a', 'b'], ['a', 's'])
    """
    g = selection.graph

    def tier(node: str) -> int:
        if node in focus or g.nodes[node].get("label") in KEY_LABELS:
            return 0
        return 1 if node in firsts else 2

    order = sorted(g, key=lambda n: (tier(n), -selection.centrality.get(n, 0.0), n))
    return {n: i for i, n in enumerate(order)}, {n for n in g if tier(n) < 2}


def map_data(placed: PlacedGraph | None, selection: Selection, stages: dict[str, Stage], *,
             layout: Layout = Layout.FORCE,
             seed: int = 7, focus: set[str] = frozenset(), extra_legend: list[dict] | None = None,
             node_overrides: dict[str, dict[str, Any]] | None = None,
             extra_edges: list[dict[str, Any]] | None = None, firsts: set[str] = frozenset(),
             names: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Return the page data of a map: ``nodes`` and ``edges`` as vis-network items
    (built with a pyvis ``Network``), ``options``, a ``legend``, and the ``kinds``
    and ``types`` present (for the page's toggles). Each node has a ``kind``, its
    labelling ``rank`` and ``key`` flag (:func:`label_ranks`; ``firsts`` are the
    region's firms) and the ``names`` the search box finds it by (its name
    properties and ``names[node]``, e.g. the store's aliases). Evidence and file
    names come from ``placed`` when given. ``node_overrides`` replaces item fields
    per node id, ``extra_edges`` adds edges (``from``, ``to``, ``type``, ``tip``)
    drawn only on this map."""
    g = selection.graph
    net = Network(directed=True)
    top = max(selection.centrality.values(), default=0.0) or 1.0
    layout = Layout(layout)
    levels = wrap_columns(flow_levels(g, stages), selection.centrality) if layout is Layout.LR else {}
    overrides = node_overrides or {}
    ranks, key = label_ranks(selection, focus, firsts)
    kinds: Counter = Counter()
    for node in sorted(g):
        attrs = g.nodes[node]
        label = attrs.get("label", "?")
        kinds[label] += 1
        stage = stages.get(node) if label == Label.FIRM.value else attrs.get("stage")
        item: dict[str, Any] = {
            "size": round(8 + 30 * math.sqrt(selection.centrality.get(node, 0.0) / top), 2),
            "tip": node_tip(placed, g, node, attrs, stage, selection),
            "color": {"background": node_colour(label, stage), "border": "#333333"},
            "kind": label, "rank": ranks[node], "key": node in key,
            "names": search_names(node, attrs, (names or {}).get(node, ())),
        }
        if node in selection.partners:
            item["shapeProperties"] = {"borderDashes": [4, 3]}
            item["borderWidth"] = 2
            item["color"]["border"] = "#666666"
        if node in focus:
            item["borderWidth"] = 4
        if levels:
            item["level"] = levels[node]
        item.update(overrides.get(node, {}))
        text = item.pop("label", None) or _short(attrs.get("short_name") or attrs.get("name") or node)
        net.add_node(node, label=text, shape=node_shape(label), **item)
    types: Counter = Counter()
    for src, dst, typ in sorted(g.edges(keys=True)):
        types[typ] += 1
        _add_edge(net, src, dst, typ, edge_tip(placed, g, src, dst, typ))
    for extra in extra_edges or []:
        types[extra["type"]] += 1
        _add_edge(net, extra["from"], extra["to"], extra["type"], extra["tip"])
    present = {stages.get(n) for n, a in g.nodes(data=True) if a.get("label") == Label.FIRM.value}
    extra = list(extra_legend or [])
    if selection.partners:
        extra.append({"kind": "note", "text": "dashed outline: a supplier or customer outside the selection"})
    options = vis_options(g.number_of_nodes(), layout, seed)
    if levels and max(levels.values()) >= 6:
        options["layout"]["hierarchical"]["levelSeparation"] = 180
    return {"nodes": net.nodes, "edges": net.edges, "options": options,
            "kinds": [[k, n] for k, n in sorted(kinds.items())], "types": [[t, n] for t, n in sorted(types.items())],
            "legend": legend(set(kinds), present, set(types), extra)}


def search_names(node: str, attrs: dict[str, Any], more: Any = ()) -> list[str]:
    """Return the distinct names a search finds ``node`` by: its id, its name
    properties (:data:`SEARCH_PROPS`), its ``aliases`` and ``more``.

    >>> search_names("firm:1", {"name": "三一重工股份有限公司", "short_name": "三一重工"}, ["Sany"])
    ['三一重工股份有限公司', '三一重工', 'Sany', 'firm:1']
    """
    out: list[str] = []
    values = [attrs.get(p) for p in SEARCH_PROPS] + list(attrs.get("aliases") or []) + list(more) + [node]
    for value in values:
        text = str(value).strip() if value not in (None, "") else ""
        if text and text not in out:
            out.append(text)
    return out


def _add_edge(net: Network, src: str, dst: str, typ: str, tip: list[list[str]]) -> None:
    style = EDGE_STYLES.get(typ, EDGE_STYLES[RelType.ABOUT.value])
    # Network.add_edge checks both ends with a linear scan of its node list; ours
    # are known to be there, so the edge goes in the way add_edge puts it.
    edge = Edge(src, dst, net.directed, id=f"{src}|{typ}|{dst}", color={"color": style["color"], "opacity": 0.9},
                dashes=style["dashes"], arrows=style["arrows"], width=style["width"], tip=tip, type=typ)
    net.edges.append(edge.options)


def vis_options(n_nodes: int, layout: Layout, seed: int) -> dict[str, Any]:
    """Return vis-network options for a map of ``n_nodes``: a seeded force layout
    whose physics stops once stable (fewer iterations for big maps), or a
    left-to-right hierarchical layout on the nodes' ``level`` with physics off.
    Labels have no draw threshold: the page sizes them for the screen.

    >>> vis_options(10, Layout.LR, 1)["layout"]["hierarchical"]["direction"]
    'LR'
    """
    options: dict[str, Any] = {
        "layout": {"randomSeed": seed, "improvedLayout": n_nodes <= 150},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 500,
                        "multiselect": True},
        "nodes": {"font": {"size": 12, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": 1}}},
        "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 2},
    }
    if layout is Layout.LR:
        options["layout"]["hierarchical"] = {
            "enabled": True, "direction": "LR", "sortMethod": "directed", "levelSeparation": 300,
            "nodeSpacing": 100 if n_nodes <= 500 else 60, "treeSpacing": 60, "blockShifting": n_nodes <= 500,
            "edgeMinimization": n_nodes <= 500, "parentCentralization": False}
        options["physics"] = {"enabled": False}
    else:
        iterations = 800 if n_nodes <= 200 else 300 if n_nodes <= 1000 else 150
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 90, "springConstant": 0.06,
                                 "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True}}
    return options


def _short(name: str, limit: int = 28) -> str:
    """Return ``name`` cut to ``limit`` characters for a label (the tooltip has it whole).

    >>> _short("abcdef", 4)
    'abc…'
    """
    return name if len(name) <= limit else name[:limit - 1] + "…"
