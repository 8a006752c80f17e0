"""Researchers' questions answered on a networkx graph (as built by
:meth:`chaingraph.store.Store.to_networkx`): the same questions the named queries of
``queries/`` answer in Neo4j, with the same definitions, so each answer can be
checked against the other. Upstream and downstream walks live in
:mod:`chaingraph.analytics.traverse`.

A firm is *in* a region (a City or Province id) when it is LOCATED_IN it, or LOCATED_IN
a City that is LOCATED_IN it. A chain's segments are the Segments that BELONG_TO its
Chain node.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("chain:x", label="Chain", name="X")
>>> for seg in ("segment:a", "segment:b"):
...     g.add_node(seg, label="Segment", name=seg[8:], stage="upstream")
...     _ = g.add_edge(seg, "chain:x", key="BELONGS_TO", type="BELONGS_TO")
>>> g.add_node("city:c", label="City", name="C"); g.add_node("province:p", label="Province", name="P")
>>> _ = g.add_edge("city:c", "province:p", key="LOCATED_IN", type="LOCATED_IN")
>>> g.add_node("firm:1", label="Firm", name="One")
>>> _ = g.add_edge("firm:1", "segment:a", key="BELONGS_TO", type="BELONGS_TO")
>>> _ = g.add_edge("firm:1", "city:c", key="LOCATED_IN", type="LOCATED_IN")
>>> [(r["segment_id"], r["firm_ids"]) for r in chain_firms_in_region(g, "chain:x", "province:p")]
[('segment:a', ['firm:1'])]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from chaingraph.errors import NotFoundError
from chaingraph.model import Label, RelType

_BELONGS = RelType.BELONGS_TO.value
_LOCATED = RelType.LOCATED_IN.value
_SUPPLIES = RelType.SUPPLIES.value


def _label(graph: nx.MultiDiGraph, node: str) -> str | None:
    return graph.nodes[node].get("label")


def _out(graph: nx.MultiDiGraph, node: str, rel: str) -> list[str]:
    return sorted(d for _, d, k in graph.out_edges(node, keys=True) if k == rel)


def _in(graph: nx.MultiDiGraph, node: str, rel: str) -> list[str]:
    return sorted(s for s, _, k in graph.in_edges(node, keys=True) if k == rel)


def _need(graph: nx.MultiDiGraph, node_id: str, *labels: Label) -> None:
    if node_id not in graph or _label(graph, node_id) not in {l.value for l in labels}:
        kinds = " or ".join(l.value for l in labels)
        raise NotFoundError(f"no {kinds} with id {node_id!r}")


def in_region(graph: nx.MultiDiGraph, node: str, region_id: str) -> bool:
    """Return whether ``node`` is LOCATED_IN ``region_id`` directly or through a City."""
    for place in _out(graph, node, _LOCATED):
        if place == region_id:
            return True
        if _label(graph, place) == Label.CITY.value and region_id in _out(graph, place, _LOCATED):
            return True
    return False


def chain_segments(graph: nx.MultiDiGraph, chain_id: str) -> list[str]:
    """Return the ids of the Segments that BELONG_TO Chain ``chain_id``, sorted."""
    _need(graph, chain_id, Label.CHAIN)
    return [s for s in _in(graph, chain_id, _BELONGS) if _label(graph, s) == Label.SEGMENT.value]


def segment_firms(graph: nx.MultiDiGraph, segment_id: str) -> list[str]:
    """Return the ids of the Firms that BELONG_TO ``segment_id``, sorted."""
    return [f for f in _in(graph, segment_id, _BELONGS) if _label(graph, f) == Label.FIRM.value]


def chain_firms_in_region(graph: nx.MultiDiGraph, chain_id: str, region_id: str) -> list[dict[str, Any]]:
    """Return, per segment of the chain that has firms in the region (by segment id),
    a dict of ``segment_id``, ``segment``, ``stage``, ``firm_count``, ``firm_ids``
    and ``firms`` (names, in id order)."""
    rows = []
    for seg in chain_segments(graph, chain_id):
        firms = [f for f in segment_firms(graph, seg) if in_region(graph, f, region_id)]
        if firms:
            attrs = graph.nodes[seg]
            rows.append({"segment_id": seg, "segment": attrs.get("name"), "stage": attrs.get("stage"),
                         "firm_count": len(firms), "firm_ids": firms,
                         "firms": [graph.nodes[f].get("name") for f in firms]})
    return rows


def deals_by_city(graph: nx.MultiDiGraph, province: str | None = None) -> list[dict[str, Any]]:
    """Return, per City holding Events that report deals (``deal_count`` or
    ``deal_amount``), a dict of ``city_id``, ``city``, ``events``, ``deals`` (sum of
    counts) and ``amount`` (sum of amounts), largest amount first. With
    ``province`` (a Province id), only cities LOCATED_IN it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("city:c", label="City", name="C")
    >>> g.add_node("event:e", label="Event", name="E", deal_count=3, deal_amount=5.0)
    >>> _ = g.add_edge("event:e", "city:c", key="LOCATED_IN", type="LOCATED_IN")
    >>> deals_by_city(g)
    [{'city_id': 'city:c', 'city': 'C', 'events': 1, 'deals': 3, 'amount': 5.0}]
    """
    totals: dict[str, dict[str, Any]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != Label.EVENT.value:
            continue
        if attrs.get("deal_count") is None and attrs.get("deal_amount") is None:
            continue
        for city in _out(graph, node, _LOCATED):
            if _label(graph, city) != Label.CITY.value:
                continue
            if province is not None and province not in _out(graph, city, _LOCATED):
                continue
            row = totals.setdefault(city, {"city_id": city, "city": graph.nodes[city].get("name"),
                                           "events": 0, "deals": 0, "amount": 0})
            row["events"] += 1
            row["deals"] += attrs.get("deal_count") or 0
            row["amount"] += attrs.get("deal_amount") or 0
    return sorted(totals.values(), key=lambda r: (-r["amount"], r["city_id"]))


def chain_events(graph: nx.MultiDiGraph, chain_id: str) -> list[dict[str, Any]]:
    """Return the Events ABOUT the chain or one of its segments (by id), each a dict
    of ``id``, ``name``, ``date``, ``deal_count``, ``deal_amount`` and ``place_ids``
    (what it is LOCATED_IN)."""
    _need(graph, chain_id, Label.CHAIN)
    targets = {chain_id, *chain_segments(graph, chain_id)}
    rows = []
    for node, attrs in sorted(graph.nodes(data=True)):
        if attrs.get("label") == Label.EVENT.value and targets & set(_out(graph, node, RelType.ABOUT.value)):
            rows.append({"id": node, "name": attrs.get("name"), "date": attrs.get("date"),
                         "deal_count": attrs.get("deal_count"), "deal_amount": attrs.get("deal_amount"),
                         "place_ids": _out(graph, node, _LOCATED)})
    return rows


def group_members(graph: nx.MultiDiGraph, group_id: str) -> list[dict[str, Any]]:
    """Return the Firms that are MEMBER_OF or BELONG_TO Cluster or Alliance
    ``group_id`` (by id), each a dict of ``id``, ``name`` and ``via`` (the
    relationship types that tie it, sorted)."""
    _need(graph, group_id, Label.CLUSTER, Label.ALLIANCE)
    via: dict[str, set[str]] = {}
    for src, _, key in graph.in_edges(group_id, keys=True):
        if key in (RelType.MEMBER_OF.value, _BELONGS) and _label(graph, src) == Label.FIRM.value:
            via.setdefault(src, set()).add(key)
    return [{"id": f, "name": graph.nodes[f].get("name"), "via": sorted(via[f])} for f in sorted(via)]


def supply_paths(graph: nx.MultiDiGraph, src: str, dst: str) -> list[list[str]]:
    """Return every shortest SUPPLIES path from ``src`` to ``dst`` (node ids, supplier
    first), sorted; empty when there is none.

    >>> g = nx.MultiDiGraph()
    >>> for a, b in [("s", "x"), ("s", "y"), ("x", "c"), ("y", "c")]:
    ...     _ = g.add_edge(a, b, key="SUPPLIES", type="SUPPLIES")
    >>> supply_paths(g, "s", "c")
    [['s', 'x', 'c'], ['s', 'y', 'c']]
    """
    for node in (src, dst):
        if node not in graph:
            raise NotFoundError(f"no node with id {node!r}")
    supplies = nx.DiGraph()
    supplies.add_nodes_from(graph.nodes)
    supplies.add_edges_from((a, b) for a, b, k in graph.edges(keys=True) if k == _SUPPLIES)
    try:
        return sorted(nx.all_shortest_paths(supplies, src, dst))
    except nx.NetworkXNoPath:
        return []
