"""Gap analysis: for every segment of a chain, does a region have firms in it, where
do the region's firms buy it from, and which firms elsewhere could fill a gap.

For a segment *s* and a region *R*:

* **local firms**: firms placed in *s* (see :mod:`chaingraph.analytics.placement`) that lie in *R*;
* **outside suppliers**: firms placed in *s* outside *R* that SUPPLY a firm in *R*;
* **status**: ``missing`` when no local firm; ``weak`` when fewer than
  ``present_min`` (default 2) local firms, or when more than ``weak_share`` (default
  0.5) of the supply links from *s*-firms into *R* come from outside *R*;
  ``present`` otherwise;
* **candidates** (missing and weak segments only): firms placed in *s* outside *R*,
  best first by

      score = 0.5 * weight + 0.3 * nearness + 0.2 * evidence

  where ``weight`` is the firm's number of supply links with other firms of the chain
  divided by the largest such number among the segment's candidates (0 when none
  has links); ``nearness`` is 1 for a firm in a province the region lies in
  without covering it whole (a city, a city group, a cluster's places), else ``0.8 * max(0, 1 - d / 2500)`` with *d* the distance in km
  between the firm's city (or province) and the region's, and 0 when the firm's
  place is unknown; ``evidence`` is the number of evidence items on the firm (from
  the store, or 1 when the graph has none) capped at 5, divided by 5. Ties go by
  name. Scores are rounded to 3 decimals.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> from chaingraph.analytics.placed import PlacedGraph
>>> g = nx.MultiDiGraph()
>>> for fid, seg, prov in [("a", "ore", "湖南"), ("b", "metal", "湖南"), ("c", "metal", "湖南"),
...                        ("d", "ore", "江苏")]:
...     g.add_node(fid, label="Firm", name=fid.upper(), province=prov, products=seg)
>>> _ = g.add_edge("d", "b", key="SUPPLIES", type="SUPPLIES")
>>> chain = chain_from_dict({"name": "toy", "segments": [
...     {"name": "ore", "stage": "upstream", "keywords": ["ore"], "supplies": ["metal"]},
...     {"name": "metal", "stage": "midstream", "keywords": ["metal"]}]})
>>> report = find_gaps(PlacedGraph.from_graph(g, chain), "Hunan")
>>> [(s.segment, str(s.status), s.local_firms, s.outside_suppliers) for s in report.segments]
[('ore', 'weak', ['A'], ['D']), ('metal', 'present', ['B', 'C'], [])]
>>> report.to_dict()["segments"][0]["candidates"]
[{'firm': 'D', 'province': '江苏', 'city': None, 'score': 0.712}]
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import networkx as nx

from chaingraph.adjacency import in_edges_by_node, node_attributes, out_edges_by_node
from chaingraph.analytics.chains import describe_chain
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.places import Location, distance_km
from chaingraph.analytics.regions import Region
from chaingraph.errors import InputError, NotFoundError
from chaingraph.model import Evidence, Label, RelType, Stage
from chaingraph.output import RESULT_COLUMNS, Table

SUPPLIES = RelType.SUPPLIES.value
FIRM = Label.FIRM.value
PRESENT_MIN = 2
WEAK_SHARE = 0.5
TOP = 5
SCORE_WEIGHTS = {"weight": 0.5, "nearness": 0.3, "evidence": 0.2}
EVIDENCE_CAP = 5
FAR_KM = 2500.0


@dataclass
class Candidate:
    """A firm outside the region that could fill a segment's gap, with its score
    and the parts of it."""

    firm: str
    firm_id: str
    province: str | None
    city: str | None
    score: float
    weight: float = 0.0
    nearness: float = 0.0
    evidence: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"firm", "province", "city", "score"}``."""
        return {"firm": self.firm, "province": self.province, "city": self.city, "score": self.score}


@dataclass
class SegmentGap:
    """One segment's answer: its status, local firms and outside suppliers (names;
    the ids are in ``local_ids`` and ``outside_ids``), ranked candidates, and the
    segment's ``weight`` in the chain (not part of :meth:`to_dict`)."""

    segment: str
    stage: Stage
    status: GapStatus
    local_firms: list[str] = field(default_factory=list)
    outside_suppliers: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    local_ids: list[str] = field(default_factory=list)
    outside_ids: list[str] = field(default_factory=list)
    links_in: int = 0
    links_from_outside: int = 0
    weight: float = 1.0
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"segment", "stage", "status", "local_firms",
        "outside_suppliers", "candidates", "note"}``."""
        return {"segment": self.segment, "stage": str(self.stage), "status": str(self.status),
                "local_firms": list(self.local_firms), "outside_suppliers": list(self.outside_suppliers),
                "candidates": [c.to_dict() for c in self.candidates], "note": self.note}


@dataclass
class GapReport:
    """The gap analysis of one chain in one region."""

    chain: str
    region: str
    segments: list[SegmentGap]
    places: str = ""
    warnings: list[str] = field(default_factory=list)
    chain_is: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"chain", "chain_is", "region", "places", "segments": [...],
        "warnings"}`` (see :meth:`SegmentGap.to_dict`; ``chain_is`` says what the chain
        is, ``places`` lists the region's places, ``warnings`` what makes the answer
        weaker than it looks)."""
        return {"chain": self.chain, "chain_is": self.chain_is, "region": self.region, "places": self.places,
                "segments": [s.to_dict() for s in self.segments], "warnings": list(self.warnings)}

    def tables(self) -> list[Table]:
        """Return the report as three tables for a spreadsheet: ``segments`` (one row
        a segment), ``candidates`` and ``local_firms`` (one firm a row)."""
        segs = Table("segments", list(RESULT_COLUMNS["gaps segments"]),
                     [{"segment": s.segment, "stage": str(s.stage), "weight": s.weight, "status": str(s.status),
                       "local_count": len(s.local_firms), "local_firms": s.local_firms,
                       "outside_suppliers": s.outside_suppliers, "links_in": s.links_in,
                       "links_from_outside": s.links_from_outside, "note": s.note} for s in self.segments])
        cands = Table("candidates", list(RESULT_COLUMNS["gaps candidates"]),
                      [{"segment": s.segment, "status": str(s.status), "rank": i, "firm": c.firm,
                        "province": c.province, "city": c.city, "score": c.score, "weight": c.weight,
                        "nearness": c.nearness, "evidence": c.evidence}
                       for s in self.segments for i, c in enumerate(s.candidates, start=1)])
        local = Table("local_firms", list(RESULT_COLUMNS["gaps local firms"]),
                      [{"segment": s.segment, "firm": name, "id": fid}
                       for s in self.segments for name, fid in zip(s.local_firms, s.local_ids)])
        return [segs, cands, local]

    def to_frame(self, table: str = "segments") -> Any:
        """Return one of :meth:`tables` (``segments``, ``candidates`` or
        ``local_firms``) as a pandas DataFrame."""
        return _table(self.tables(), table).frame()


def _table(tables: list[Table], name: str) -> Table:
    for table in tables:
        if table.name == name:
            return table
    raise InputError(f"no table {name!r}; choose one of {', '.join(t.name for t in tables)}")


class GapStatus(str, Enum):
    """A segment's status in a region; the one vocabulary of gaps, compare, report,
    render and the ``chain_gaps_in_region`` named query."""

    MISSING = "missing"
    WEAK = "weak"
    PRESENT = "present"

    def __str__(self) -> str:
        return self.value


def gap_status(local: int, links_in: int = 0, from_outside: int = 0, present_min: int = PRESENT_MIN,
               weak_share: float = WEAK_SHARE) -> GapStatus:
    """Return the status of a segment with ``local`` firms in the region, ``links_in``
    supply links from the segment's firms to firms in the region, ``from_outside`` of
    them from firms outside it: the one definition every command uses (the named
    query ``chain_gaps_in_region`` writes the same rule in Cypher).

    >>> [str(gap_status(*args)) for args in [(0,), (1,), (3, 4, 3), (3, 4, 2)]]
    ['missing', 'weak', 'weak', 'present']
    """
    if local == 0:
        return GapStatus.MISSING
    if local < present_min or (links_in and from_outside / links_in > weak_share):
        return GapStatus.WEAK
    return GapStatus.PRESENT


def _nearness(loc: Location | None, region: Region, region_place: str | None) -> float:
    if loc is None:
        return 0.0
    if (loc.province is not None and loc.province.key in region.provinces
            and loc.province.key not in region.whole_provinces):
        return 1.0
    here = loc.city.key if loc.city else (loc.province.key if loc.province else None)
    dist = distance_km(here, region_place)
    if dist is None and loc.province is not None:
        dist = distance_km(loc.province.key, region_place)
    if dist is None:
        return 0.0
    return round(0.8 * max(0.0, 1.0 - dist / FAR_KM), 6)


def chain_degrees(graph: nx.MultiDiGraph, firms: set[str]) -> Counter:
    """Return, for each firm of ``firms``, its number of SUPPLIES neighbours (either
    direction) that are also in ``firms``."""
    degree: Counter = Counter()
    succ, pred = out_edges_by_node(graph), in_edges_by_node(graph)
    for firm in firms:
        degree[firm] = (sum(1 for other, edges in succ[firm].items() if SUPPLIES in edges and other in firms)
                        + sum(1 for other, edges in pred[firm].items() if SUPPLIES in edges and other in firms))
    return degree


def find_gaps(placed: PlacedGraph, region: str | Region, *, present_min: int = PRESENT_MIN,
              weak_share: float = WEAK_SHARE, top: int = TOP) -> GapReport:
    """Return the :class:`GapReport` of the chain of ``placed`` (a
    :class:`~chaingraph.analytics.placed.PlacedGraph` built for a chain) in
    ``region`` (a :class:`Region`, or a name :meth:`PlacedGraph.region` knows).
    Candidates' evidence comes from ``placed.evidence``. ``present_min``,
    ``weak_share`` and ``top`` (candidates kept per segment) are the thresholds
    described in the module. Raises :class:`NotFoundError` for an unknown region or
    a graph without firms, :class:`InputError` for a PlacedGraph without a chain.
    """
    chain = placed.chain
    if chain is None:
        raise InputError("the gap analysis needs a chain: build the PlacedGraph with one")
    graph = placed.graph
    lookup = placed.evidence
    region = placed.region(region)
    if not any(a.get("label") == FIRM for _, a in graph.nodes(data=True)):
        raise NotFoundError("the graph holds no firms: every segment would be missing; "
                            "ingest a firm list or articles first")
    members_of = placed.placed
    locations = placed.locations
    in_region = placed.firms_in(region)
    warnings = []
    if not in_region:
        warnings.append(f"no firm of the graph is located in {region.label()}: every segment is missing "
                        "there; check the region, or the firms' provinces and cities")
    if members_of and not any(members_of.values()):
        warnings.append(f"no firm of the graph is placed in any segment of {chain.name}")
    degree = chain_degrees(graph, placed.chain_firms)
    here = region.anchor
    names = node_attributes(graph)
    out_edges = out_edges_by_node(graph)
    segments = []
    for seg in chain.segments:
        members = members_of[seg.name]
        local = sorted((f for f in members if f in in_region), key=lambda f: (-degree[f], str(names[f].get("name", f))))
        outside_count: Counter = Counter()
        links_in = from_outside = 0
        for firm in members:
            inside = firm in in_region
            for customer, edges in out_edges[firm].items():
                if SUPPLIES in edges and customer in in_region and customer != firm:
                    links_in += 1
                    if not inside:
                        from_outside += 1
                        outside_count[firm] += 1
        outside = sorted(outside_count, key=lambda f: (-outside_count[f], str(names[f].get("name", f))))
        status = gap_status(len(local), links_in, from_outside, present_min, weak_share)
        gap = SegmentGap(seg.name, seg.stage, status, [str(names[f].get("name", f)) for f in local],
                         [str(names[f].get("name", f)) for f in outside], [], local, outside, links_in, from_outside,
                         seg.weight)
        if status is not GapStatus.PRESENT and top > 0:
            gap.candidates = _candidates(graph, members, in_region, degree, locations, region, here, lookup, top)
            if not gap.candidates:
                gap.note = (f"no firm of {seg.name} is known outside {region.name}" if members
                            else f"no firm of {seg.name} is known anywhere in the graph")
        segments.append(gap)
    return GapReport(chain.name, region.name, segments, region.describe(), warnings, describe_chain(chain))


def _candidates(graph: nx.MultiDiGraph, members: dict[str, str], in_region: set[str], degree: Counter,
                locations: dict[str, Location], region: Region, here: str | None,
                lookup: Callable[[str], list[Evidence]], top: int) -> list[Candidate]:
    pool = [f for f in members if f not in in_region]
    if not pool:
        return []
    most = max(degree[f] for f in pool)
    # Evidence costs a lookup per firm: rank by the other parts first and look it up
    # only for firms that can still reach the top (evidence adds at most 0.2).
    partial = []
    near_memo: dict[tuple, float] = {}
    for firm in pool:
        loc = locations.get(firm)
        weight = degree[firm] / most if most else 0.0
        key = (loc.city.key if loc and loc.city else None, loc.province.key if loc and loc.province else None)
        near = near_memo.get(key)
        if near is None:
            near = near_memo[key] = _nearness(loc, region, here)
        partial.append((SCORE_WEIGHTS["weight"] * weight + SCORE_WEIGHTS["nearness"] * near, firm, weight, near))
    partial.sort(key=lambda t: -t[0])
    best: list[float] = []  # a min-heap of the ``top`` best full scores so far
    kept = []
    for base, firm, weight, near in partial:
        # Evidence adds at most 0.2: once even that cannot reach the top, stop
        # (with room for rounding, so that ties at the boundary are kept).
        if len(best) == top and base + SCORE_WEIGHTS["evidence"] < best[0] - 0.001:
            break
        n_ev = len(lookup(firm)) or 1
        full = base + SCORE_WEIGHTS["evidence"] * min(n_ev, EVIDENCE_CAP) / EVIDENCE_CAP
        if len(best) < top:
            heapq.heappush(best, full)
        elif full > best[0]:
            heapq.heapreplace(best, full)
        kept.append((full, firm, weight, near, n_ev))
    scored = []
    for full, firm, weight, near, n_ev in kept:
        if len(best) == top and full < best[0] - 0.001:
            continue
        loc = locations.get(firm)
        attrs = graph.nodes[firm]
        scored.append(Candidate(str(attrs.get("name", firm)), firm,
                                loc.province.name if loc and loc.province else None,
                                loc.city.name if loc and loc.city else None,
                                round(full, 3), round(weight, 3), round(near, 3), n_ev))
    scored.sort(key=lambda c: (-c.score, c.firm))
    return scored[:top]
