"""Key firms of a chain: who matters most in its supply network, whose loss cuts it,
and how the network's own communities compare with the declared clusters and
alliances.

The network is the firms placed in the chain (see :mod:`chaingraph.analytics.placement`),
optionally only those in one region, with the SUPPLIES links among them.

* **pagerank**: PageRank (damping 0.85) over dependency links customer -> supplier,
  so a firm ranks high when firms that matter depend on it;
* **betweenness**: share of shortest supply paths through the firm (directed,
  normalised); exact up to :data:`EXACT_BETWEENNESS` firms, above that estimated
  from ``k`` sampled sources (default :data:`BETWEENNESS_K`, fixed seed);
* **articulation**: the firm is an articulation point of the undirected network:
  removing it splits the chain's firms into more pieces;
* **sole supplier**: customers that buy one of the chain's segments from this firm
  and from no other firm of the chain;
* **community**: Louvain communities of the undirected network (fixed seed), each
  compared with the declared groups (Cluster by BELONGS_TO, Alliance or Cluster by
  MEMBER_OF) by Jaccard overlap.

The firms reported are the ``top`` by PageRank, the ``top`` by betweenness, and up
to ``top`` articulation points and sole suppliers (most dependent customers first),
ordered by PageRank; ties go by betweenness, then by number of supply links, then
by name. Firms without any supply link in the chain are not ranked (they would all
tie), only counted (``unlinked``); communities of one firm are counted
(``singletons``), not listed. When the network has fewer than
:data:`SPARSE_LINKS_PER_FIRM` links per firm the report carries a warning with the
link density: the ranking below the first few firms is then mostly ties.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> from chaingraph.analytics.placed import PlacedGraph
>>> g = nx.MultiDiGraph()
>>> for f, seg in [("a", "ore"), ("b", "ore"), ("c", "metal"), ("d", "part"), ("e", "part")]:
...     g.add_node(f, label="Firm", name=f.upper(), products=seg)
>>> for s, t in [("a", "c"), ("b", "c"), ("c", "d"), ("c", "e")]:
...     _ = g.add_edge(s, t, key="SUPPLIES", type="SUPPLIES")
>>> chain = chain_from_dict({"name": "toy", "segments": [{"name": n, "stage": "upstream", "keywords": [n]}
...                                                      for n in ("ore", "metal", "part")]})
>>> report = key_firms(PlacedGraph.from_graph(g, chain))
>>> top = report.firms[0]
>>> top.firm, top.articulation, sorted(top.sole_supplier_of)
('C', True, ['D', 'E'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from chaingraph.adjacency import out_edges_by_node
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region
from chaingraph.errors import InputError
from chaingraph.model import Label, RelType
from chaingraph.output import RESULT_COLUMNS, Table

SUPPLIES = RelType.SUPPLIES.value
EXACT_BETWEENNESS = 2000
BETWEENNESS_K = 128
TOP = 20
#: Below this many supply links per firm a network is too sparse to rank on.
SPARSE_LINKS_PER_FIRM = 0.5
_GROUP_LABELS = (Label.CLUSTER.value, Label.ALLIANCE.value)
_GROUP_TYPES = (RelType.BELONGS_TO.value, RelType.MEMBER_OF.value)


@dataclass
class KeyFirm:
    """One firm's measures in the chain's supply network."""

    firm: str
    firm_id: str
    segments: list[str]
    province: str | None
    city: str | None
    pagerank: float
    betweenness: float
    articulation: bool
    sole_supplier_of: list[str] = field(default_factory=list)
    community: int | None = None
    groups: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the firm's measures as a JSON-ready dict."""
        return {"firm": self.firm, "id": self.firm_id, "segments": self.segments, "province": self.province,
                "city": self.city, "pagerank": self.pagerank, "betweenness": self.betweenness,
                "articulation": self.articulation, "sole_supplier_of": self.sole_supplier_of,
                "community": self.community, "groups": self.groups}


@dataclass
class Community:
    """A community found in the supply network: its number, size, biggest members
    (by PageRank) and the declared group it overlaps best (Jaccard)."""

    id: int
    size: int
    members: list[str]
    best_group: str | None
    jaccard: float

    def to_dict(self) -> dict[str, Any]:
        """Return the community as a JSON-ready dict."""
        return {"id": self.id, "size": self.size, "members": self.members, "best_group": self.best_group,
                "jaccard": self.jaccard}


@dataclass
class KeyFirmsReport:
    """Key firms and communities of one chain (in one region, when given)."""

    chain: str
    region: str | None
    firms: list[KeyFirm]
    communities: list[Community]
    network_firms: int = 0
    network_links: int = 0
    betweenness_k: int | None = None
    singletons: int = 0
    unlinked: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"chain", "region", "network": {...}, "firms": [...],
        "communities": [...], "singletons", "unlinked", "warnings"}``."""
        return {"chain": self.chain, "region": self.region,
                "network": {"firms": self.network_firms, "links": self.network_links,
                            "betweenness_k": self.betweenness_k},
                "firms": [f.to_dict() for f in self.firms], "communities": [c.to_dict() for c in self.communities],
                "singletons": self.singletons, "unlinked": self.unlinked, "warnings": list(self.warnings)}

    def tables(self) -> list[Table]:
        """Return the report as tables for a spreadsheet: ``firms`` (one firm a row,
        with its measures) and ``communities``."""
        firms = Table("firms", list(RESULT_COLUMNS["key-firms firms"]),
                      [f.to_dict() for f in self.firms])
        comms = Table("communities", list(RESULT_COLUMNS["key-firms communities"]),
                      [c.to_dict() for c in self.communities])
        return [firms, comms]

    def to_frame(self) -> Any:
        """Return the key firms as a pandas DataFrame, one firm a row."""
        return self.tables()[0].frame()


def supply_network(graph: nx.MultiDiGraph, firms: set[str]) -> nx.DiGraph:
    """Return the DiGraph of ``firms`` and the SUPPLIES links among them."""
    # Nodes and edges in id order: Louvain and the float sums of the rankings follow
    # the graph's order, which a set's would make change with the hash seed.
    ordered = sorted(firms)
    net = nx.DiGraph()
    net.add_nodes_from(ordered)
    out_edges = out_edges_by_node(graph)
    for firm in ordered:
        for customer in sorted(out_edges[firm]):
            if customer in firms and customer != firm and SUPPLIES in out_edges[firm][customer]:
                net.add_edge(firm, customer)
    return net


def sole_suppliers(net: nx.DiGraph, segments_of: dict[str, list[str]]) -> dict[str, set[str]]:
    """Return supplier -> the customers that buy some segment only from it: for each
    customer, its suppliers grouped by segment (``segments_of``); a group of one is a
    single-supplier dependency."""
    out: dict[str, set[str]] = defaultdict(set)
    for customer in net:
        by_segment: dict[str, set[str]] = defaultdict(set)
        for supplier in net.pred[customer]:
            for seg in segments_of.get(supplier, ()):
                by_segment[seg].add(supplier)
        for suppliers in by_segment.values():
            if len(suppliers) == 1:
                out[next(iter(suppliers))].add(customer)
    return out


def declared_groups(graph: nx.MultiDiGraph, firms: Iterable[str]) -> dict[str, set[str]]:
    """Return group name -> member firms (of ``firms``) for the clusters and
    alliances the firms declare (BELONGS_TO or MEMBER_OF)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for firm in firms:
        for dst, edges in graph.succ[firm].items():
            attrs = graph.nodes[dst]
            if attrs.get("label") in _GROUP_LABELS and any(t in edges for t in _GROUP_TYPES):
                groups[str(attrs.get("name", dst))].add(firm)
    return dict(groups)


def key_firms(placed: PlacedGraph, region: str | Region | None = None, *, top: int = TOP,
              betweenness_k: int | None = None, seed: int = 0) -> KeyFirmsReport:
    """Return the :class:`KeyFirmsReport` of the chain of ``placed`` (a
    :class:`~chaingraph.analytics.placed.PlacedGraph` built for a chain), only the
    firms of ``region`` (a :class:`Region` or a name :meth:`PlacedGraph.region`
    knows) when given. ``betweenness_k`` sets the number of sampled sources
    (default: exact up to 2,000 firms, else 128); ``top`` how many firms each
    ranking contributes (see the module docstring). Raises :class:`InputError` for
    a PlacedGraph without a chain."""
    chain = placed.chain
    if chain is None:
        raise InputError("key firms need a chain: build the PlacedGraph with one")
    graph = placed.graph
    if region is not None:
        region = placed.region(region)
    segments_of: dict[str, list[str]] = defaultdict(list)
    for seg_name, members in placed.placed.items():
        for firm in members:
            segments_of[firm].append(seg_name)
    firms = set(segments_of)
    if region is not None:
        firms &= placed.firms_in(region)
    net = supply_network(graph, firms)
    names = {f: str(graph.nodes[f].get("name", f)) for f in net}
    if net.number_of_nodes() == 0:
        return KeyFirmsReport(chain.name, region.name if region else None, [], [], 0, 0, None)
    pagerank = nx.pagerank(net.reverse(copy=False), alpha=0.85) if net.number_of_edges() else \
        {f: 1 / len(net) for f in net}
    n = net.number_of_nodes()
    k = betweenness_k if betweenness_k else (None if n <= EXACT_BETWEENNESS else BETWEENNESS_K)
    k = None if k is not None and k >= n else k
    betweenness = nx.betweenness_centrality(net, k=k, seed=seed)
    undirected = net.to_undirected(as_view=True)
    articulation = set(nx.articulation_points(undirected))
    sole = sole_suppliers(net, segments_of)
    communities = nx.community.louvain_communities(undirected, seed=seed) if net.number_of_edges() else []
    community_of = {}
    ordered = sorted(communities, key=lambda c: (-len(c), min(names[f] for f in c)))
    for i, members in enumerate(ordered, start=1):
        for firm in members:
            community_of[firm] = i
    groups = declared_groups(graph, net)
    groups_of: dict[str, list[str]] = defaultdict(list)
    for group, members in groups.items():
        for firm in members:
            groups_of[firm].append(group)

    degree = dict(net.degree())
    linked = {f for f in net if degree[f]}

    def order(f: str) -> tuple:
        return (-pagerank[f], -betweenness[f], -degree[f], names[f])

    def by_rank(scores: dict[str, float]) -> list[str]:
        return sorted((f for f in scores if f in linked),
                      key=lambda f: (-scores[f], -pagerank[f], -betweenness[f], -degree[f], names[f]))[:top]

    chosen = set(by_rank(pagerank)) | set(by_rank(betweenness))
    critical = sorted(articulation | set(sole), key=lambda f: (-len(sole.get(f, ())), *order(f)))
    chosen |= set(critical[:top])
    locations = placed.locations
    rows = []
    for firm in sorted(chosen, key=order):
        loc = locations.get(firm)
        rows.append(KeyFirm(names[firm], firm, segments_of[firm],
                            loc.province.name if loc and loc.province else None,
                            loc.city.name if loc and loc.city else None,
                            round(pagerank[firm], 6), round(betweenness[firm], 6), firm in articulation,
                            sorted(names[c] for c in sole.get(firm, ())), community_of.get(firm),
                            sorted(groups_of.get(firm, []))))
    found = []
    for i, members in enumerate(ordered, start=1):
        if len(members) == 1:
            continue
        best, score = None, 0.0
        for group, gmembers in sorted(groups.items()):
            jac = len(members & gmembers) / len(members | gmembers)
            if jac > score:
                best, score = group, jac
        biggest = sorted(members, key=lambda f: (-pagerank[f], names[f]))[:5]
        found.append(Community(i, len(members), [names[f] for f in biggest], best, round(score, 3)))
    warnings = []
    if net.number_of_edges() < SPARSE_LINKS_PER_FIRM * n:
        warnings.append(f"{net.number_of_edges()} supply link(s) among {n} firm(s) "
                        f"({net.number_of_edges() / n:.2f} per firm) are too few to rank on: below the first "
                        "firms the order is mostly ties; add supply relations (lists, articles) first")
    return KeyFirmsReport(chain.name, region.name if region else None, rows, found,
                          n, net.number_of_edges(), k, sum(1 for c in ordered if len(c) == 1),
                          n - len(linked), warnings)
