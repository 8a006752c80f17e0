"""Walking the supply chain: what lies upstream or downstream of a firm or segment.

SUPPLIES points supplier -> customer, so a node's *upstream* is its ancestors over
SUPPLIES edges and its *downstream* its descendants. The walk is breadth-first with
neighbours visited in id order, so every reached node comes with one shortest path
(the same one every time), and cycles are walked once. Only SUPPLIES edges are
followed; firms and segments are treated alike.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for src, dst in [("steel", "pump"), ("pump", "excavator"), ("oil", "pump"),
...                  ("excavator", "steel")]:        # a cycle back to steel
...     _ = g.add_edge(src, dst, key="SUPPLIES", type="SUPPLIES")
>>> [(r.node, r.depth, r.path) for r in upstream(g, "excavator", depth=2)]
[('pump', 1, ['pump', 'excavator']), ('oil', 2, ['oil', 'pump', 'excavator']), ('steel', 2, ['steel', 'pump', 'excavator'])]
>>> [r.node for r in downstream(g, "steel")]
['pump', 'excavator']
>>> edge_keys(["oil", "pump", "excavator"])
['oil|SUPPLIES|pump', 'pump|SUPPLIES|excavator']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

import networkx as nx

from chaingraph.errors import InputError, NotFoundError
from chaingraph.model import Evidence, RelType

if TYPE_CHECKING:
    from chaingraph.output import RESULT_COLUMNS, Table

SUPPLIES = RelType.SUPPLIES.value


class Direction(str, Enum):
    """Which way a walk goes over SUPPLIES (supplier -> customer): to the suppliers
    (ancestors) or to the customers (descendants)."""

    UPSTREAM = "upstream"
    DOWNSTREAM = "downstream"

    def __str__(self) -> str:
        return self.value


@dataclass
class Reached:
    """One node reached by a walk: its id, ``depth`` (hops from the start) and
    ``path``, the node ids from the start's side written in supply order (supplier
    first): for upstream ``[reached, ..., start]``, for downstream
    ``[start, ..., reached]``. ``evidence`` holds, once filled by
    :func:`attach_evidence`, the evidence of each edge of the path by edge key."""

    node: str
    depth: int
    path: list[str]
    name: str = ""
    label: str = ""
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    path_names: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the reached node as a JSON-ready dict."""
        return {"id": self.node, "name": self.name, "label": self.label, "depth": self.depth,
                "path": self.path, "path_names": self.path_names,
                "evidence": {k: [e.to_dict() for e in v] for k, v in self.evidence.items()}}


def _supplies_neighbours(graph: nx.MultiDiGraph, node: str, direction: Direction) -> list[str]:
    """Return the SUPPLIES neighbours of ``node`` (suppliers for upstream, customers
    for downstream), sorted by id."""
    if direction is Direction.UPSTREAM:
        adj = graph.pred[node] if graph.is_directed() else graph.adj[node]
    else:
        adj = graph.succ[node] if graph.is_directed() else graph.adj[node]
    out = []
    for other, edges in adj.items():
        if graph.is_multigraph():
            if SUPPLIES in edges or any(d.get("type") == SUPPLIES for d in edges.values()):
                out.append(other)
        elif edges.get("type", SUPPLIES) == SUPPLIES:
            out.append(other)
    out.sort()
    return out


def walk(graph: nx.MultiDiGraph, node_id: str, direction: Direction | str, depth: int | None = None) -> list[Reached]:
    """Return the nodes reached from ``node_id`` over SUPPLIES edges going
    ``direction`` (a :class:`Direction` or its name), at most ``depth`` hops (None or 0:
    no limit), in breadth-first order (by depth, then by the order found). The start
    node itself is not included. Raises :class:`NotFoundError` when ``node_id`` is
    not in ``graph``."""
    if direction not in {d.value for d in Direction}:
        raise InputError(f"direction must be upstream or downstream, not {direction!r}")
    direction = Direction(direction)
    if node_id not in graph:
        raise NotFoundError(f"no node with id {node_id!r} in the graph")
    limit = depth if depth and depth > 0 else None
    parent: dict[str, str | None] = {node_id: None}
    found: list[Reached] = []
    frontier = [node_id]
    level = 0
    while frontier and (limit is None or level < limit):
        level += 1
        nxt = []
        for current in frontier:
            for other in _supplies_neighbours(graph, current, direction):
                if other in parent:
                    continue
                parent[other] = current
                nxt.append(other)
                chain = [other]
                while parent[chain[-1]] is not None:
                    chain.append(parent[chain[-1]])
                path = chain if direction is Direction.UPSTREAM else chain[::-1]
                attrs = graph.nodes[other]
                found.append(Reached(other, level, path, str(attrs.get("name", other)),
                                     str(attrs.get("label", "")),
                                     path_names=[str(graph.nodes[n].get("name", n)) for n in path]))
        frontier = nxt
    return found


def upstream(graph: nx.MultiDiGraph, node_id: str, depth: int | None = None) -> list[Reached]:
    """Return the suppliers, suppliers' suppliers, … of ``node_id`` (its ancestors
    over SUPPLIES) within ``depth`` hops, each with its shortest path. See :func:`walk`."""
    return walk(graph, node_id, Direction.UPSTREAM, depth)


def downstream(graph: nx.MultiDiGraph, node_id: str, depth: int | None = None) -> list[Reached]:
    """Return the customers, customers' customers, … of ``node_id`` (its
    descendants over SUPPLIES) within ``depth`` hops, each with its shortest path.
    See :func:`walk`."""
    return walk(graph, node_id, Direction.DOWNSTREAM, depth)


def edge_keys(path: list[str], direction: Direction = Direction.UPSTREAM) -> list[str]:
    """Return the store keys (``src|SUPPLIES|dst``) of the edges along ``path``.
    Paths are written supplier first whatever the direction, so ``direction`` does
    not change the result; it is accepted for symmetry with :func:`walk`."""
    return [f"{a}|{SUPPLIES}|{b}" for a, b in zip(path, path[1:])]


def attach_evidence(reached: Iterable[Reached], lookup: Callable[[str], list[Evidence]]) -> list[Reached]:
    """Fill each reached node's ``evidence`` with ``lookup(edge_key)`` for every edge
    of its path (``lookup`` is e.g. :meth:`chaingraph.store.Store.evidence`), and
    return the nodes as a list."""
    cache: dict[str, list[Evidence]] = {}
    out = []
    for item in reached:
        for key in edge_keys(item.path):
            if key not in cache:
                cache[key] = list(lookup(key))
            item.evidence[key] = cache[key]
        out.append(item)
    return out


def resolve_node(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the id of the node ``name`` means in ``graph``: an id, or the one node
    whose ``name`` or ``aliases`` attribute has its name key. Raises
    :class:`NotFoundError` naming close names, or the candidates when several fit
    (a store resolves names better: :func:`chaingraph.analytics.stored.resolve_in_store`)."""
    from chaingraph.identity import name_key

    if name in graph:
        return name
    key = name_key(name)
    found = sorted(n for n, a in graph.nodes(data=True)
                   if key and any(name_key(str(x)) == key for x in (a.get("name", ""), *a.get("aliases", ()))))
    if len(found) == 1:
        return found[0]
    if not found:
        from chaingraph.analytics.regions import suggest

        raise NotFoundError(f"no node named {name!r}" + suggest(name, [str(a.get("name", "")) for _, a in
                                                                        graph.nodes(data=True)]))
    raise NotFoundError(f"{name!r} is ambiguous: {', '.join(found[:5])}; give the id instead")


def trace(graph: nx.MultiDiGraph, name: str, direction: Direction, depth: int | None = 3,
          evidence: Callable[[str], list[Evidence]] | None = None) -> tuple[str, list[Reached]]:
    """Return ``(start id, reached nodes with the evidence of their paths)`` for the
    node ``name`` means in ``graph``, walking ``direction`` at most ``depth`` hops (0
    or None: no limit). ``evidence`` maps an edge key to its evidence (e.g.
    :meth:`chaingraph.store.Store.evidence`); by default the evidence kept on the
    graph's nodes is used (see :func:`~chaingraph.analytics.graphsource.graph_evidence`)."""
    from chaingraph.analytics.graphsource import graph_evidence

    start = resolve_node(graph, name)
    reached = walk(graph, start, direction, depth)
    return start, attach_evidence(reached, evidence or graph_evidence(graph))


def trace_table(start: str, reached: list[Reached], direction: Direction,
                source_name: Callable[[str], str] = str) -> "Table":
    """Return the nodes of a :func:`trace` from ``start`` as a table
    (``upstream``/``downstream``): one node a row with its depth, name, label, id, the
    path by names and the evidence of the path's edges by file name (``source_name``
    maps a Source id to it) and row or sentence."""
    from chaingraph.analytics.graphsource import evidence_text
    from chaingraph.output import RESULT_COLUMNS, Table

    rows = [{"depth": r.depth, "name": r.name, "label": r.label, "id": r.node,
             "path": " -> ".join(r.path_names or r.path),
             "evidence": [evidence_text(e, source_name, 80) for ev in r.evidence.values() for e in ev]}
            for r in reached]
    return Table(str(direction), list(RESULT_COLUMNS["upstream/downstream"]), rows)


def why_empty(graph: nx.MultiDiGraph, start: str, direction: Direction) -> str:
    """Return why a walk in ``graph`` from ``start`` going ``direction`` reached
    nothing, in one line: the node has no SUPPLIES edge that way, and what it has
    instead.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("f", label="Firm", name="F"); g.add_node("c", label="City", name="C")
    >>> _ = g.add_edge("f", "c", key="LOCATED_IN", type="LOCATED_IN")
    >>> why_empty(g, "f", Direction.UPSTREAM)
    'F has no SUPPLIES edge coming in (no supplier of it is known); its edges: 1 LOCATED_IN out'
    """
    from collections import Counter

    name = str(graph.nodes[start].get("name", start)) if start in graph else start
    way = "coming in (no supplier of it is known)" if direction is Direction.UPSTREAM else \
        "going out (no customer of it is known)"
    kinds: Counter = Counter()
    if start in graph:
        kinds.update(f"{k} in" for _, _, k in graph.in_edges(start, keys=True))
        kinds.update(f"{k} out" for _, _, k in graph.out_edges(start, keys=True))
    other = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none"
    return f"{name} has no SUPPLIES edge {way}; its edges: {other}"
