"""Removing firms from the supply network and following the loss downstream.

What is removed is named as a planner names it (:func:`removal_targets`): a firm
(id, name or alias); a province, city, county or city group, meaning every firm
located there; or a cluster or alliance, meaning its member firms.

The loss then travels along SUPPLIES (supplier -> customer) in rounds
(:func:`cascade`):

* round 1: every firm that buys from a removed firm *loses a supplier*;
* a firm *stops* when, for some segment, every firm it bought that segment from is
  gone (removed or stopped): it has lost its only supplier(s) of that segment. A
  supplier's segments are the chain segments it is placed in; without a chain, the
  graph Segments it BELONGS_TO; a supplier in no segment counts in one group
  "other" with the customer's other such suppliers;
* round *d* + 1: the customers of the firms that stopped in round *d* lose a
  supplier, and may stop in turn.

A firm's ``depth`` is the round in which it first lost a supplier; its ``path``
runs from a removed firm through stopped firms to it: for a firm that stops,
through a supplier of the (first) segment it lost; for one that carries on, along
its first loss. Firms that lose a
supplier but keep another of each segment carry on, and the loss stops there.

:func:`downstream_exposure` is the plain reach instead: every firm downstream of
the removed ones within some hops, whatever else it buys; the named query
``removal_downstream`` answers the same on Neo4j.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for f, seg in [("s1", "steel"), ("s2", "steel"), ("p", "pump"), ("m", "machine"), ("u", "user")]:
...     g.add_node(f, label="Firm", name=f.upper(), segment=seg)
>>> for a, b in [("s1", "p"), ("s1", "m"), ("s2", "m"), ("p", "m"), ("m", "u")]:
...     _ = g.add_edge(a, b, key="SUPPLIES", type="SUPPLIES")
>>> seg = {n: (a["segment"],) for n, a in g.nodes(data=True)}
>>> hits = cascade(g, {"s1"}, seg)
>>> [(h.firm, h.depth, h.stopped, h.path) for h in hits]
[('m', 1, True, ['s1', 'p', 'm']), ('p', 1, True, ['s1', 'p']), ('u', 3, True, ['s1', 'p', 'm', 'u'])]
>>> [(h.firm, h.stopped, h.lost) for h in cascade(g, {"s2"}, seg)]
[('m', False, ['s2'])]
>>> downstream_exposure(g, {"s2"}, depth=2)
{'m': 1, 'u': 2}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from chaingraph.adjacency import node_attributes, out_edges_by_node
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.places import places_named
from chaingraph.analytics.weights import SupplyShares
from chaingraph.errors import InputError, NotFoundError
from chaingraph.identity import name_key
from chaingraph.model import Label, RelType

SUPPLIES = RelType.SUPPLIES.value
BELONGS_TO = RelType.BELONGS_TO.value
FIRM = Label.FIRM.value
SEGMENT = Label.SEGMENT.value
#: The segment group of suppliers placed in no segment.
OTHER = "other"


@dataclass
class Target:
    """One ``--remove`` name: what it was taken for (``firm`` or a region kind:
    province, city, county, group, cluster, alliance, custom), the name shown and
    the firm ids it removes."""

    query: str
    kind: str
    name: str
    firms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"query", "kind", "name", "firms"}`` (``firms``: how many)."""
        return {"query": self.query, "kind": self.kind, "name": self.name, "firms": len(self.firms)}


def find_firm(placed: PlacedGraph, text: str) -> str | None:
    """Return the id of the firm ``text`` names (an id, then the store's names and
    aliases, else a firm whose name or short name has the same key), or None."""
    graph = placed.graph
    nodes = node_attributes(graph)
    if text in nodes and nodes[text].get("label") == FIRM:
        return text
    if placed.aliases is not None:
        for node in placed.aliases(text):
            if node in nodes and nodes[node].get("label") == FIRM:
                return node
        return None
    key = name_key(text)
    found = sorted(n for n, a in nodes.items() if a.get("label") == FIRM and key and key in (
        name_key(str(a.get("name", ""))), name_key(str(a.get("short_name", "")))))
    return found[0] if found else None


def removal_targets(placed: PlacedGraph, names: Iterable[str]) -> list[Target]:
    """Return one :class:`Target` per name of ``names``: a province, city or county
    the gazetteer knows is taken as a place (every firm located there); else a
    firm by id, name or alias; else any other region :meth:`PlacedGraph.region`
    knows: a city group (its firms), a cluster or alliance (its member firms). Raises :class:`InputError` when no
    name is given and :class:`NotFoundError` (with suggestions) for a name that is
    none of these."""
    targets = []
    for text in names:
        text = text.strip()
        if not text:
            continue
        if not places_named(text):
            firm = find_firm(placed, text)
            if firm is not None:
                targets.append(Target(text, "firm", str(placed.graph.nodes[firm].get("name", firm)), [firm]))
                continue
        try:
            region = placed.region(text)
        except NotFoundError as exc:
            raise NotFoundError(f"nothing to remove named {text!r}: no firm, and {exc}") from exc
        # A cluster or alliance stands for its member firms, not for every firm of their cities.
        found = region.members if region.members else placed.firms_in(region)
        firms = sorted(f for f in found if f in placed.graph and placed.graph.nodes[f].get("label") == FIRM)
        targets.append(Target(text, str(region.kind), region.name, firms))
    if not targets:
        raise InputError("name at least one firm, city or province to remove")
    return targets


def firm_segments(placed: PlacedGraph) -> dict[str, tuple[str, ...]]:
    """Return firm id -> the segments it supplies as: the chain segments it is
    placed in when ``placed`` has a chain, else the names of the graph Segments it
    BELONGS_TO. Firms in none are left out (they count as :data:`OTHER`)."""
    out: dict[str, list[str]] = defaultdict(list)
    if placed.chain is not None:
        for seg, members in placed.placed.items():
            for firm in members:
                out[firm].append(seg)
        return {f: tuple(s) for f, s in out.items()}
    nodes = node_attributes(placed.graph)
    for firm, targets in out_edges_by_node(placed.graph).items():
        if nodes[firm].get("label") != FIRM:
            continue
        for dst, edges in targets.items():
            if BELONGS_TO in edges and nodes[dst].get("label") == SEGMENT:
                out[firm].append(str(nodes[dst].get("name", dst)))
    return {f: tuple(sorted(s)) for f, s in out.items()}


@dataclass
class Hit:
    """A firm that lost a supplier: ``depth`` (the round it first lost one),
    ``path`` (firm ids from a removed firm, through stopped firms, to it),
    ``lost`` (the suppliers it lost, ids), ``lost_share`` (their share of its
    supply, see :mod:`chaingraph.analytics.weights`), ``stopped`` and
    ``stopped_segments`` (the segments it no longer gets from anyone)."""

    firm: str
    depth: int
    path: list[str]
    lost: list[str] = field(default_factory=list)
    lost_share: float = 0.0
    stopped: bool = False
    stopped_segments: list[str] = field(default_factory=list)


def cascade(graph: nx.MultiDiGraph, removed: set[str], segments: Mapping[str, tuple[str, ...]],
            shares: SupplyShares | None = None) -> list[Hit]:
    """Return the firms of ``graph`` that lose a supplier when the firms
    ``removed`` are gone, round by round as the module says, in order of depth
    then id. ``segments`` maps a firm id to the segments it supplies as (see
    :func:`firm_segments`); ``shares`` gives each link's share of its customer's
    supply (a new :class:`SupplyShares` when None)."""
    shares = shares or SupplyShares(graph)
    succ, nodes = out_edges_by_node(graph), node_attributes(graph)
    gone = set(removed)
    hits: dict[str, Hit] = {}
    frontier = sorted(removed)
    depth = 0
    while frontier:
        depth += 1
        reached: dict[str, str] = {}  # customer -> the first gone supplier of this round (by id)
        for supplier in frontier:
            for customer, edges in succ[supplier].items():
                if (SUPPLIES in edges and customer not in gone and customer not in reached
                        and nodes[customer].get("label") == FIRM):
                    reached[customer] = supplier
        stopped_now = []
        for customer in sorted(reached):
            hit = hits.get(customer)
            if hit is None:
                via = reached[customer]
                prior = hits[via].path if via in hits else [via]
                hit = hits[customer] = Hit(customer, depth, [*prior, customer])
            share = shares.of(customer)
            hit.lost = [s for s in share if s in gone]
            hit.lost_share = round(sum(share[s] for s in hit.lost), 6)
            groups: dict[str, list[str]] = defaultdict(list)
            for s in share:
                for seg in segments.get(s) or (OTHER,):
                    groups[seg].append(s)
            dead = sorted(seg for seg, members in groups.items() if all(m in gone for m in members))
            if dead and not hit.stopped:
                # The path runs through a supplier of a segment it lost: why it stopped.
                via = min(groups[dead[0]], key=lambda s: (s not in hits, s))
                hit.path = [*(hits[via].path if via in hits else [via]), customer]
                hit.stopped, hit.stopped_segments = True, dead
                stopped_now.append(customer)
        gone.update(stopped_now)
        frontier = stopped_now
    return sorted(hits.values(), key=lambda h: (h.depth, h.firm))


def downstream_exposure(graph: nx.MultiDiGraph, removed: Iterable[str], depth: int = 3) -> dict[str, int]:
    """Return firm id -> the fewest SUPPLIES hops from a firm of ``removed`` to it,
    for every firm (not removed) within ``depth`` hops (at least 1) downstream of
    them, walking through firms only and never through a removed firm; sorted by
    hops then id. The named query ``removal_downstream`` gives the same on Neo4j."""
    if depth < 1:
        raise InputError("depth must be at least 1")
    succ, nodes = out_edges_by_node(graph), node_attributes(graph)
    removed = {f for f in removed if f in nodes}
    seen: dict[str, int] = {}
    frontier = sorted(removed)
    for hops in range(1, depth + 1):
        nxt = []
        for firm in frontier:
            for customer, edges in succ[firm].items():
                if (SUPPLIES in edges and customer not in removed and customer not in seen
                        and nodes[customer].get("label") == FIRM):
                    seen[customer] = hops
                    nxt.append(customer)
        frontier = nxt
    return dict(sorted(seen.items(), key=lambda kv: (kv[1], kv[0])))

