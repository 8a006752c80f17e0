"""The one place chaingraph reaches past networkx's public API, for loops over every
node of a big graph.

networkx's public views (``graph.succ[n]``, ``graph.pred[n]``, ``graph.nodes[n]``)
wrap each neighbour's edge-key dict in a fresh read-only view object on every
access. Over all the firms of a 100k-firm graph (placing firms in a chain, locating
them, counting their supply links, selecting a map) making those views costs more
than the work itself, so these loops read the dicts networkx keeps underneath:

* :func:`out_edges_by_node` and :func:`in_edges_by_node`: node -> neighbour ->
  edge key -> edge attributes (the store keys edges by relationship type);
* :func:`node_attributes`: node -> attribute dict;
* :func:`add_keyed_edges`: building a graph from the store's rows.

The mappings returned are networkx's own: read them, never change them (that would
bypass networkx's bookkeeping). Everywhere else the code uses the public API.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="Firm")
>>> _ = g.add_edge("a", "b", key="SUPPLIES", type="SUPPLIES")
>>> dict(out_edges_by_node(g)["a"]), list(in_edges_by_node(g)["b"]), node_attributes(g)["a"]
({'b': {'SUPPLIES': {'type': 'SUPPLIES'}}}, ['a'], {'label': 'Firm'})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import networkx as nx

#: node -> neighbour -> edge key -> edge attributes
Adjacency = Mapping[Any, Mapping[Any, Mapping[Any, Mapping[str, Any]]]]


def out_edges_by_node(graph: nx.MultiDiGraph) -> Adjacency:
    """Return ``graph``'s outgoing adjacency as plain mappings (read only)."""
    return graph._succ


def in_edges_by_node(graph: nx.MultiDiGraph) -> Adjacency:
    """Return ``graph``'s incoming adjacency as plain mappings (read only)."""
    return graph._pred


def node_attributes(graph: nx.Graph) -> Mapping[Any, Mapping[str, Any]]:
    """Return node -> attribute dict of ``graph`` (read only)."""
    return graph._node


def add_keyed_edges(graph: nx.MultiDiGraph, rows: Iterable[tuple[str, str, str, Any]],
                    attributes: Callable[[str, Any], dict[str, Any]]) -> None:
    """Add ``(src, key, dst, data)`` rows to ``graph`` as edges keyed by ``key``
    with ``attributes(key, data)``, adding missing ends as bare nodes: what
    ``add_edges_from`` does, without its per-edge checks (each key comes once per
    pair, as in the store), then networkx's cache is cleared as it would be."""
    succ, pred, add_node = graph._succ, graph._pred, graph.add_node
    new_keydict = graph.edge_key_dict_factory
    for src, key, dst, data in rows:
        if src not in succ:
            add_node(src)
        if dst not in succ:
            add_node(dst)
        keydict = succ[src].get(dst)
        if keydict is None:
            keydict = new_keydict()
            succ[src][dst] = keydict
            pred[dst][src] = keydict
        keydict[key] = attributes(key, data)
    nx._clear_cache(graph)
