"""Which part of the graph a map shows: the firms the filters chose (the caller finds
them: see :mod:`chaingraph.render`), their direct suppliers and customers, and the
segments, chains, clusters, places, alliances and events they are linked to; then,
above a size limit, only the most central nodes.

Centrality is degree centrality within the selection (a node's relationships, in
and out, over ``n - 1``, as networkx's ``degree_centrality`` counts them on the
multigraph): cheap on large graphs and easy to explain on the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from chaingraph.adjacency import in_edges_by_node, out_edges_by_node
from chaingraph.model import Label, RelType

#: Node kinds drawn around the selected firms when a filter is given.
CONTEXT_LABELS = frozenset({Label.SEGMENT.value, Label.CHAIN.value, Label.CLUSTER.value,
                            Label.CITY.value, Label.PROVINCE.value, Label.ALLIANCE.value,
                            Label.AGENCY.value, Label.EVENT.value})


@dataclass
class Selection:
    """The nodes a map shows. ``graph`` is the induced subgraph; ``partners`` are
    firms drawn only because they supply or buy from a selected firm; ``centrality``
    holds each kept node's degree centrality; ``left_out`` counts by label the nodes
    dropped by the size limit, and ``left_out_edges`` the edges that went with them."""

    graph: nx.MultiDiGraph
    partners: set[str] = field(default_factory=set)
    centrality: dict[str, float] = field(default_factory=dict)
    left_out: Counter = field(default_factory=Counter)
    left_out_edges: int = 0
    min_kept_centrality: float | None = None


def select(graph: nx.MultiDiGraph, *, firms: set[str] | None = None, anchors: set[str] = frozenset(),
           max_nodes: int = 1000) -> Selection:
    """Return the :class:`Selection` a map draws from ``graph``.

    With ``firms`` (the firms the filters chose): those firms, their SUPPLIES
    partners (marked as partners) and their neighbours of the kinds in
    :data:`CONTEXT_LABELS`, plus ``anchors`` (the chain, region or cluster named).
    Without: every node but Source nodes. When more than ``max_nodes`` remain, the
    most central are kept (anchors always), ties broken by id.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["a", "b", "c", "d"], label="Firm")
    >>> for s, d in [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")]:
    ...     _ = g.add_edge(s, d, key="SUPPLIES", type="SUPPLIES")
    >>> sel = select(g, firms={"b"})
    >>> sorted(sel.graph), sorted(sel.partners)
    (['a', 'b', 'c'], ['a', 'c'])
    >>> small = select(g, max_nodes=2)
    >>> sorted(small.graph), dict(small.left_out)
    (['a', 'b'], {'Firm': 2})
    """
    if firms is None:
        keep = {n for n, a in graph.nodes(data=True) if a.get("label") != Label.SOURCE.value}
        partners: set[str] = set()
    else:
        keep = set(firms) | set(anchors)
        partners = set()
        for firm in firms:
            for _, other, typ in graph.out_edges(firm, keys=True):
                _add_neighbour(graph, firms, keep, partners, other, typ)
            for other, _, typ in graph.in_edges(firm, keys=True):
                _add_neighbour(graph, firms, keep, partners, other, typ)
    centrality, n_edges = _degree_centrality(graph, keep)
    left_out: Counter = Counter()
    left_out_edges = 0
    min_kept = None
    if len(keep) > max_nodes:
        ranked = sorted(keep, key=lambda n: (n not in anchors, -centrality[n], n))
        kept = set(ranked[:max_nodes])
        left_out = Counter(graph.nodes[n].get("label", "?") for n in keep - kept)
        min_kept = min(centrality[n] for n in kept) if kept else None
        keep = kept
    sub = induced(graph, keep)
    if left_out:
        left_out_edges = n_edges - sub.number_of_edges()
    return Selection(graph=sub, partners=partners & keep, centrality={n: centrality[n] for n in keep},
                     left_out=left_out, left_out_edges=left_out_edges, min_kept_centrality=min_kept)


def induced(graph: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """Return a new graph of ``nodes`` (in sorted order) and the edges among them,
    attributes copied; faster than ``graph.subgraph(nodes).copy()`` on big graphs.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> sorted(induced(g, {"a", "b"}).edges())
    [('a', 'b')]
    """
    sub = nx.MultiDiGraph()
    order = sorted(nodes)
    sub.add_nodes_from((n, dict(graph.nodes[n])) for n in order)
    succ = out_edges_by_node(graph)
    sub.add_edges_from((u, v, k, dict(attrs)) for u in order for v, keyed in succ[u].items() if v in nodes
                       for k, attrs in keyed.items())
    return sub


def _add_neighbour(graph: nx.MultiDiGraph, firms: set[str], keep: set[str], partners: set[str],
                   other: str, typ: str) -> None:
    label = graph.nodes[other].get("label")
    if typ == RelType.SUPPLIES.value and label == Label.FIRM.value:
        keep.add(other)
        if other not in firms:
            partners.add(other)
    elif label in CONTEXT_LABELS or (label == Label.FIRM.value and typ == RelType.SIGNED_WITH.value):
        keep.add(other)
        if label == Label.FIRM.value and other not in firms:
            partners.add(other)


def _degree_centrality(graph: nx.MultiDiGraph, keep: set[str]) -> tuple[dict[str, float], int]:
    """Return each node of ``keep``'s degree centrality among ``keep`` (its edges
    in and out, every relationship counted, over ``len(keep) - 1``) and the number
    of edges among ``keep``."""
    scale = 1.0 / (len(keep) - 1) if len(keep) > 1 else 1.0
    succ, pred = out_edges_by_node(graph), in_edges_by_node(graph)
    out: dict[str, float] = {}
    edges = 0
    for node in keep:
        outgoing = sum(len(keyed) for v, keyed in succ[node].items() if v in keep)
        incoming = sum(len(keyed) for v, keyed in pred[node].items() if v in keep)
        edges += outgoing
        out[node] = (outgoing + incoming) * scale
    return out, edges
