"""Which firm, if it came to a region, would close the most of the region's gaps in
a chain.

Every firm placed in the chain (see :mod:`chaingraph.analytics.placement`) and
located outside region *R* is a candidate. Its arrival is judged on three things:

* **segments moved**: for each segment the firm is placed in, the segment's status
  in *R* (:func:`~chaingraph.analytics.gaps.gap_status`) now and with the firm
  counted as local (one more local firm; its supply links into *R* no longer from
  outside). A step is missing → weak or weak → present (missing → present is two);
  ``gap_points`` sums the steps, each times the segment's weight in the chain;
* **sole-supplier dependencies removed**: pairs (firm of *R*, segment) where the
  candidate is the firm's only supplier of that segment: a dependence on one
  outside firm that would become local;
* **local links**: the candidate's supply links with firms of *R*, either way,
  that would become local; ``local_supply`` weights each by its share of its
  customer's supply (:mod:`chaingraph.analytics.weights`).

      score = 2 * gap_points + 0.5 * sole / most_sole + 0.5 * local_supply / most_local_supply

with the maxima over all candidates, also when one firm is evaluated (a part is 0
when its maximum is 0), rounded to
3 decimals: moving a segment of weight 1 by one step outweighs the other two parts
together. Ties go by name. Each candidate carries its reasons in words.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> from chaingraph.analytics.placed import PlacedGraph
>>> g = nx.MultiDiGraph()
>>> for f, prov, seg in [("p", "江苏", "pump"), ("q", "山东", "pump"), ("m1", "湖南", "machine"),
...                      ("m2", "湖南", "machine"), ("x", "广东", "machine")]:
...     g.add_node(f, label="Firm", name=f.upper(), province=prov, products=seg)
>>> for a, b in [("p", "m1"), ("p", "m2"), ("q", "m2")]:
...     _ = g.add_edge(a, b, key="SUPPLIES", type="SUPPLIES")
>>> chain = chain_from_dict({"name": "toy", "segments": [
...     {"name": "pump", "stage": "upstream", "keywords": ["pump"], "supplies": ["machine"]},
...     {"name": "machine", "stage": "midstream", "keywords": ["machine"]}]})
>>> report = attract(PlacedGraph.from_graph(g, chain), "湖南")
>>> [(c.firm, c.score, c.sole_dependencies, c.local_links) for c in report.candidates]
[('P', 3.0, 1, 2), ('Q', 2.167, 0, 1), ('X', 0.0, 0, 0)]
>>> report.candidates[0].reasons[0]
'pump: missing → weak (local firms 0 → 1)'
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from chaingraph.adjacency import node_attributes, out_edges_by_node
from chaingraph.analytics.chains import describe_chain
from chaingraph.analytics.gaps import PRESENT_MIN, WEAK_SHARE, GapStatus, gap_status
from chaingraph.analytics.impact import SegmentSupply, segment_supply
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region
from chaingraph.analytics.removal import firm_segments, find_firm
from chaingraph.analytics.weights import SupplyShares
from chaingraph.errors import InputError, NotFoundError
from chaingraph.model import RelType
from chaingraph.output import RESULT_COLUMNS, Table

SUPPLIES = RelType.SUPPLIES.value
TOP = 10
SCORE_WEIGHTS = {"gaps": 2.0, "sole": 0.5, "local": 0.5}
_RANK = {GapStatus.MISSING: 0, GapStatus.WEAK: 1, GapStatus.PRESENT: 2}
#: Names a reason lists before "and N more".
REASON_NAMES = 5


@dataclass
class SegmentMove:
    """A segment's status in the region now (``before``) and with the firm there
    (``after``)."""

    segment: str
    before: GapStatus
    after: GapStatus

    def to_dict(self) -> dict[str, str]:
        """Return ``{"segment", "before", "after"}``."""
        return {"segment": self.segment, "before": str(self.before), "after": str(self.after)}


@dataclass
class Attraction:
    """One candidate firm: where it is, its segments, ``score`` and the parts of it
    (``gap_points``, ``sole_dependencies``, ``local_links`` and ``local_supply``),
    the segment ``moves``, the ``reasons`` in words and its ``rank`` among all
    candidates (None for a firm that is no candidate: one in the region or in
    none of the chain's segments)."""

    firm: str
    firm_id: str
    province: str | None
    city: str | None
    segments: list[str]
    score: float
    gap_points: float
    sole_dependencies: int
    local_links: int
    local_supply: float
    moves: list[SegmentMove] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the candidate as a JSON-ready dict."""
        return {"rank": self.rank, "firm": self.firm, "id": self.firm_id, "province": self.province, "city": self.city,
                "segments": list(self.segments), "score": self.score, "gap_points": self.gap_points,
                "sole_dependencies": self.sole_dependencies, "local_links": self.local_links,
                "local_supply": self.local_supply, "moves": [m.to_dict() for m in self.moves],
                "reasons": list(self.reasons)}


@dataclass
class AttractReport:
    """The answer of :func:`attract`: the chain (``chain_is`` says what it is), the
    region (``places`` its places), the ranked ``candidates``, ``considered`` (how
    many firms were scored), ``weights`` (which link weights were used) and
    ``warnings``."""

    chain: str
    region: str
    candidates: list[Attraction]
    considered: int
    places: str = ""
    chain_is: str = ""
    weights: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"chain", "chain_is", "region", "places", "considered",
        "candidates", "weights", "warnings"}``."""
        return {"chain": self.chain, "chain_is": self.chain_is, "region": self.region, "places": self.places,
                "considered": self.considered, "candidates": [c.to_dict() for c in self.candidates],
                "weights": self.weights, "warnings": list(self.warnings)}

    def tables(self) -> list[Table]:
        """Return one table, ``candidates`` (one row a firm, best first)."""
        columns = list(RESULT_COLUMNS["attract candidates"])
        return [Table("candidates", columns, [c.to_dict() for c in self.candidates])]

    def to_frame(self, table: str = "candidates") -> Any:
        """Return the ``candidates`` table as a pandas DataFrame."""
        if table != "candidates":
            raise InputError(f"no table {table!r}; the one table is candidates")
        return self.tables()[0].frame()


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:REASON_NAMES])
    return shown + (f" and {len(names) - REASON_NAMES} more" if len(names) > REASON_NAMES else "")


def attract(placed: PlacedGraph, region: str | Region, *, top: int = TOP, firm: str | None = None,
            present_min: int = PRESENT_MIN, weak_share: float = WEAK_SHARE) -> AttractReport:
    """Return the :class:`AttractReport` of the chain of ``placed`` (a
    :class:`PlacedGraph` built for a chain) for ``region`` (a :class:`Region` or a
    name :meth:`PlacedGraph.region` knows): the ``top`` candidates by score (see the
    module), or only ``firm`` (a name, alias or id) when given. Raises
    :class:`InputError` without a chain and :class:`NotFoundError` for an unknown
    region or firm."""
    chain = placed.chain
    if chain is None:
        raise InputError("attract needs a chain: build the PlacedGraph with one")
    region = placed.region(region)
    graph = placed.graph
    nodes, succ = node_attributes(graph), out_edges_by_node(graph)
    in_region = placed.firms_in(region)
    warnings = []
    wanted = None
    if firm is not None:
        wanted = find_firm(placed, firm)
        if wanted is None:
            raise NotFoundError(f"no firm named {firm!r}")
        if wanted in in_region:
            warnings.append(f"{nodes[wanted].get('name', wanted)} is already in {region.name}: its arrival "
                            "changes nothing")
        elif wanted not in placed.chain_firms:
            warnings.append(f"{nodes[wanted].get('name', wanted)} is in no segment of {chain.name}: "
                            "it closes no segment's gap")
    segments_of = firm_segments(placed)
    weights = {s.name: s.weight for s in chain.segments}
    supply = segment_supply(graph, in_region, segments_of)
    counts = {s.name: (c.local, c.links_in, c.from_outside)
              for s in chain.segments for c in [supply.get(s.name, SegmentSupply())]}
    shares = SupplyShares(graph)
    # Links with the region by outside firm: to its customers there (with the
    # customer's segment dependencies) and from its suppliers there.
    to_region: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    sole: dict[str, list[tuple[str, str]]] = defaultdict(list)
    partners: dict[str, set[str]] = defaultdict(set)
    local_supply: dict[str, float] = defaultdict(float)
    for customer in sorted(in_region):
        share = shares.of(customer)
        groups: dict[str, list[str]] = defaultdict(list)
        for supplier, w in share.items():
            if supplier in in_region:
                continue
            partners[supplier].add(customer)
            local_supply[supplier] += w
            for seg in segments_of.get(supplier, ()):
                to_region[supplier][seg].append(customer)
        for supplier in share:
            for seg in segments_of.get(supplier, ()):
                groups[seg].append(supplier)
        for seg, suppliers in groups.items():
            if len(suppliers) == 1 and suppliers[0] not in in_region:
                sole[suppliers[0]].append((customer, seg))
        for other, edges in succ[customer].items():
            if SUPPLIES in edges and other not in in_region and other != customer and other in placed.chain_firms:
                partners[other].add(customer)
                local_supply[other] += shares.of(other).get(customer, 0.0)
    outside = sorted(f for f in placed.chain_firms if f not in in_region)
    # The maxima are over every candidate, so that one firm's score (--firm) is the
    # one it has in the ranking.
    most_sole = max((len(sole[f]) for f in outside if f in sole), default=0)
    most_local = max((local_supply[f] for f in outside if f in local_supply), default=0.0)
    # Every outside firm is scored, also with --firm, so that its rank is the one it
    # has in the full ranking.
    pool = outside + ([wanted] if wanted is not None and wanted not in outside else [])
    scored = []
    for cand in pool:
        points, moves = 0.0, []
        if cand not in in_region:
            for seg in segments_of.get(cand, ()):
                local, links_in, from_outside = counts[seg]
                before = gap_status(local, links_in, from_outside, present_min, weak_share)
                after = gap_status(local + 1, links_in, from_outside - len(to_region[cand][seg]) if cand in to_region
                                   else from_outside, present_min, weak_share)
                moves.append(SegmentMove(seg, before, after))
                points += weights[seg] * (_RANK[after] - _RANK[before])
        n_sole = len(sole[cand]) if cand in sole else 0
        supply = local_supply[cand] if cand in local_supply else 0.0
        score = (SCORE_WEIGHTS["gaps"] * points + SCORE_WEIGHTS["sole"] * (n_sole / most_sole if most_sole else 0)
                 + SCORE_WEIGHTS["local"] * (supply / most_local if most_local else 0))
        scored.append((round(score, 3), str(nodes[cand].get("name", cand)), cand, points, moves))

    def order(t: tuple) -> tuple:
        return (-t[0], t[1], t[2])

    ranked = [t for t in scored if t[2] in placed.chain_firms and t[2] not in in_region]
    if wanted is None:
        best = [(i, t) for i, t in enumerate(heapq.nsmallest(top, ranked, key=order), start=1)]
    else:
        [mine] = [t for t in scored if t[2] == wanted]
        inside_ranking = wanted in placed.chain_firms and wanted not in in_region
        rank = 1 + sum(order(t) < order(mine) for t in ranked) if inside_ranking else None
        best = [(rank, mine)]
    locations = placed.locations
    candidates = []
    for rank, (score, name, cand, points, moves) in best:
        loc = locations.get(cand)
        reasons = []
        for m in moves:
            if m.after is not m.before:
                local = counts[m.segment][0]
                reasons.append(f"{m.segment}: {m.before} → {m.after} (local firms {local} → {local + 1})")
        deps = sole[cand] if cand in sole else []
        if deps:
            by_seg: dict[str, list[str]] = defaultdict(list)
            for customer, seg in deps:
                by_seg[seg].append(str(nodes[customer].get("name", customer)))
            for seg, customers in sorted(by_seg.items()):
                reasons.append(f"only supplier of {seg} to {len(customers)} firm(s) in {region.name}: "
                               f"{_names(customers)}")
        linked = sorted(str(nodes[p].get("name", p)) for p in partners.get(cand, ()))
        if linked:
            reasons.append(f"{len(linked)} supply link(s) with firms in {region.name} would become local: "
                           f"{_names(linked)}")
        if not reasons:
            reasons.append(f"no gap of {region.name} moves and no link with it"
                           if cand not in in_region else f"already in {region.name}")
        candidates.append(Attraction(
            name, cand, loc.province.name if loc and loc.province else None,
            loc.city.name if loc and loc.city else None, list(segments_of.get(cand, ())), score,
            round(points, 3), len(deps), len(partners.get(cand, ())),
            round(local_supply[cand] if cand in local_supply else 0.0, 3), moves, reasons, rank))
    if wanted is None and not outside:
        warnings.append(f"no firm of {chain.name} is known outside {region.name}")
    return AttractReport(chain.name, region.name, candidates, len(outside), region.describe(), describe_chain(chain),
                         shares.note(), warnings)
