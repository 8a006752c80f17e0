"""What happens when firms, a city or a province stop delivering: the firms that
lose a supplier or stop, each chain segment whose status in a region changes, the
segments a region bought mostly from what was removed, and one exposure figure per
region and chain.

The firms removed and the loss downstream are :mod:`chaingraph.analytics.removal`'s
(removed firms, then rounds of firms that lose a supplier; a firm stops when it
loses every supplier of some segment). *Gone* below means removed or stopped.

For a region *R* (given, or else the provinces of the firms that lose a supplier,
most hit first) and the chain *C* (all firms without one):

* **segment status** before and after: :func:`~chaingraph.analytics.gaps.gap_status`
  over the segment's firms in *R* and its supply links into *R*, the second time
  without the gone firms and their links (a stopped local firm no longer counts).
  The status after is never better than before: losing outside suppliers lowers
  the outside share, which the share rule alone would count as a gain;
* **removed share** of a segment: of the segment's supply into *R* (links from the
  segment's firms to firms of *R*, each link weighted by its share of its
  customer's supply, :mod:`chaingraph.analytics.weights`), the part from removed
  firms; *mostly removed* when it is above one half;
* **exposure** of *R* in *C*: the mean, over the firms of *C* in *R* that buy from
  at least one firm or are removed, of the share of its supply lost: 1 for a firm that is gone,
  else the summed shares of its gone suppliers. 0 is untouched; 1 is every buying
  firm of the chain in the region gone.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> g = nx.MultiDiGraph()
>>> for f, prov, seg in [("s", "江苏", "steel"), ("m1", "湖南", "machine"), ("m2", "湖南", "machine"),
...                      ("t", "湖南", "steel")]:
...     g.add_node(f, label="Firm", name=f.upper(), province=prov, products=seg)
>>> for a, b in [("s", "m1"), ("s", "m2"), ("t", "m2")]:
...     _ = g.add_edge(a, b, key="SUPPLIES", type="SUPPLIES")
>>> chain = chain_from_dict({"name": "toy", "segments": [
...     {"name": "steel", "stage": "upstream", "keywords": ["steel"], "supplies": ["machine"]},
...     {"name": "machine", "stage": "midstream", "keywords": ["machine"]}]})
>>> report = impact(PlacedGraph.from_graph(g, chain), ["江苏"], ["湖南"])
>>> [(f.firm, f.depth, f.stopped) for f in report.firms]
[('M1', 1, True), ('M2', 1, False)]
>>> [(s.segment, str(s.before), str(s.after), s.removed_share) for s in report.segments]
[('steel', 'weak', 'weak', 0.75), ('machine', 'present', 'weak', 0.0)]
>>> report.regions[0].exposure
0.75
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from chaingraph.adjacency import in_edges_by_node, node_attributes
from chaingraph.analytics.gaps import PRESENT_MIN, WEAK_SHARE, GapStatus, gap_status
from chaingraph.analytics.graphsource import evidence_text
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region
from chaingraph.analytics.removal import Target, cascade, firm_segments, removal_targets
from chaingraph.analytics.weights import SupplyShares
from chaingraph.errors import InputError
from chaingraph.model import Label, RelType, Stage
from chaingraph.output import RESULT_COLUMNS, Table

SUPPLIES = RelType.SUPPLIES.value
FIRM = Label.FIRM.value
#: Regions reported when none is given: the provinces most hit.
DEFAULT_REGIONS = 5
_RANK = {GapStatus.MISSING: 0, GapStatus.WEAK: 1, GapStatus.PRESENT: 2}
#: Evidence items kept per edge of a path.
EVIDENCE_PER_EDGE = 2


@dataclass
class LostFirm:
    """A firm that loses a supplier: where it is, ``depth`` (the round of its first
    loss), whether it ``stopped`` and for want of which segments, the suppliers
    it ``lost`` (names) and their ``lost_share`` of its supply, the ``path`` (names,
    from a removed firm) and the evidence of the path's links (``evidence``,
    ``supplier → customer: source``)."""

    firm: str
    firm_id: str
    province: str | None
    city: str | None
    depth: int
    stopped: bool
    stopped_segments: list[str]
    lost: list[str]
    lost_share: float
    path: list[str]
    path_ids: list[str]
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the firm as a JSON-ready dict (every field)."""
        return {"firm": self.firm, "id": self.firm_id, "province": self.province, "city": self.city,
                "depth": self.depth, "stopped": self.stopped, "stopped_segments": list(self.stopped_segments),
                "lost": list(self.lost), "lost_share": self.lost_share, "path": list(self.path),
                "path_ids": list(self.path_ids), "evidence": list(self.evidence)}


@dataclass
class SegmentChange:
    """One segment in one region before and after the removal: statuses, local
    firm counts, and the share of its supply into the region from removed firms
    (``mostly_removed`` when above one half)."""

    region: str
    segment: str
    stage: Stage
    before: GapStatus
    after: GapStatus
    local_before: int
    local_after: int
    removed_share: float
    mostly_removed: bool

    @property
    def changed(self) -> bool:
        """True when the status changes."""
        return self.before is not self.after

    def to_dict(self) -> dict[str, Any]:
        """Return the row as a JSON-ready dict."""
        return {"region": self.region, "segment": self.segment, "stage": str(self.stage),
                "before": str(self.before), "after": str(self.after), "changed": self.changed,
                "local_before": self.local_before, "local_after": self.local_after,
                "removed_share": self.removed_share, "mostly_removed": self.mostly_removed}


@dataclass
class RegionExposure:
    """One region's exposure (see the module) in the chain, with the counts behind
    it: ``buyers`` (firms of the chain there buying from a firm, or removed), ``losing``
    (firms there losing a supplier), ``stopped`` and ``removed`` (firms there)."""

    region: str
    chain: str
    exposure: float | None
    buyers: int
    losing: int
    stopped: int
    removed: int

    def to_dict(self) -> dict[str, Any]:
        """Return the row as a JSON-ready dict."""
        return {"region": self.region, "chain": self.chain, "exposure": self.exposure, "buyers": self.buyers,
                "losing": self.losing, "stopped": self.stopped, "removed": self.removed}


@dataclass
class ImpactReport:
    """The answer of :func:`impact`: what was removed (``targets``, ``removed``
    firm count), the ``firms`` that lose a supplier, one :class:`RegionExposure` a
    region, the :class:`SegmentChange` rows worth showing (status changed or some
    supply from removed firms), ``weights`` (which link weights were used) and
    ``warnings``."""

    chain: str
    targets: list[Target]
    removed: int
    firms: list[LostFirm]
    regions: list[RegionExposure]
    segments: list[SegmentChange]
    weights: str
    warnings: list[str] = field(default_factory=list)

    @property
    def stopped(self) -> list[LostFirm]:
        """The firms that stop."""
        return [f for f in self.firms if f.stopped]

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"chain", "removed", "targets", "firms", "regions", "segments",
        "weights", "warnings"}``."""
        return {"chain": self.chain, "removed": self.removed, "targets": [t.to_dict() for t in self.targets],
                "firms": [f.to_dict() for f in self.firms], "regions": [r.to_dict() for r in self.regions],
                "segments": [s.to_dict() for s in self.segments], "weights": self.weights,
                "warnings": list(self.warnings)}

    def tables(self) -> list[Table]:
        """Return four tables: ``firms`` (one a firm losing a supplier), ``regions``,
        ``segments`` and ``removed`` (the targets)."""
        firms = Table("firms", list(RESULT_COLUMNS["impact firms"]),
                      [{**f.to_dict(), "path": " → ".join(f.path)} for f in self.firms])
        regions = Table("regions", list(RESULT_COLUMNS["impact regions"]),
                        [r.to_dict() for r in self.regions])
        segments = Table("segments", list(RESULT_COLUMNS["impact segments"]),
                         [s.to_dict() for s in self.segments])
        targets = Table("removed", list(RESULT_COLUMNS["impact removed"]), [t.to_dict() for t in self.targets])
        return [firms, regions, segments, targets]

    def to_frame(self, table: str = "firms") -> Any:
        """Return one of :meth:`tables` by name as a pandas DataFrame."""
        for t in self.tables():
            if t.name == table:
                return t.frame()
        raise InputError(f"no table {table!r}; choose one of firms, regions, segments, removed")


@dataclass
class SegmentSupply:
    """One segment's counts in one region, before and after a removal: local firms,
    supply links from the segment's firms into the region and, of them, from
    outside it (the counts :func:`~chaingraph.analytics.gaps.find_gaps` makes),
    and the links' summed supply shares, in all and from removed firms."""

    local: int = 0
    links_in: int = 0
    from_outside: int = 0
    local_after: int = 0
    links_after: int = 0
    outside_after: int = 0
    share: float = 0.0
    share_removed: float = 0.0


def segment_supply(graph: Any, in_region: set[str], segments_of: dict[str, tuple[str, ...]],
                   gone: set[str] = frozenset(), removed: set[str] = frozenset(),
                   shares: SupplyShares | None = None) -> dict[str, SegmentSupply]:
    """Return segment name -> :class:`SegmentSupply` for the firms ``in_region``,
    each firm counting in the segments ``segments_of`` gives it; "after" leaves out
    the ``gone`` firms and their links, ``share_removed`` sums the links from
    ``removed`` firms (shares from ``shares``, none when None). One pass over the
    region's firms and their suppliers."""
    pred, nodes = in_edges_by_node(graph), node_attributes(graph)
    out: dict[str, SegmentSupply] = defaultdict(SegmentSupply)
    for firm in in_region:
        segs = segments_of.get(firm, ())
        for seg in segs:
            row = out[seg]
            row.local += 1
            row.local_after += firm not in gone
        share = shares.of(firm) if shares is not None else {}
        for supplier, edges in pred[firm].items():
            if SUPPLIES not in edges or supplier == firm or supplier not in segments_of:
                continue
            if nodes[supplier].get("label") != FIRM:
                continue
            outside = supplier not in in_region
            kept = firm not in gone and supplier not in gone
            w = share.get(supplier, 0.0)
            for seg in segments_of[supplier]:
                row = out[seg]
                row.links_in += 1
                row.from_outside += outside
                if kept:
                    row.links_after += 1
                    row.outside_after += outside
                row.share += w
                if supplier in removed:
                    row.share_removed += w
    return out


def impact(placed: PlacedGraph, remove: Iterable[str], regions: Iterable[str | Region] = (), *,
           evidence: bool = True, max_regions: int = DEFAULT_REGIONS,
           present_min: int = PRESENT_MIN, weak_share: float = WEAK_SHARE) -> ImpactReport:
    """Return the :class:`ImpactReport` of removing ``remove`` (firm, city or
    province names, see :func:`~chaingraph.analytics.removal.removal_targets`) from
    ``placed`` (a :class:`PlacedGraph`, with a chain for the segment rows), for
    ``regions`` (names or :class:`Region`; none: the ``max_regions`` provinces with
    most firms losing a supplier). ``evidence`` looks up each path link's evidence.
    ``present_min`` and ``weak_share`` are the gap thresholds. Raises
    :class:`NotFoundError` for a name or region that is not found."""
    graph = placed.graph
    nodes = node_attributes(graph)
    targets = removal_targets(placed, remove)
    removed = set().union(*(t.firms for t in targets))
    warnings = [f"{t.query}: no firm of the graph is located in {t.name}" for t in targets if not t.firms]
    shares = SupplyShares(graph)
    segments_of = firm_segments(placed)
    hits = cascade(graph, removed, segments_of, shares)
    gone = removed | {h.firm for h in hits if h.stopped}
    locations = placed.locations

    def name(node: str) -> str:
        return str(nodes[node].get("name", node)) if node in nodes else node

    ev_cache: dict[str, list[str]] = {}

    def link_evidence(a: str, b: str) -> list[str]:
        key = f"{a}|{SUPPLIES}|{b}"
        if key not in ev_cache:
            ev_cache[key] = [f"{name(a)} → {name(b)}: {evidence_text(e, placed.source_name, 80)}"
                             for e in placed.evidence(key)[:EVIDENCE_PER_EDGE]]
        return ev_cache[key]

    firms = []
    for h in hits:
        loc = locations.get(h.firm)
        firms.append(LostFirm(
            name(h.firm), h.firm, loc.province.name if loc and loc.province else None,
            loc.city.name if loc and loc.city else None, h.depth, h.stopped, h.stopped_segments,
            [name(s) for s in h.lost], round(h.lost_share, 3), [name(n) for n in h.path], h.path,
            [t for a, b in zip(h.path, h.path[1:]) for t in link_evidence(a, b)] if evidence else []))
    chosen = [placed.region(r) for r in regions]
    if not chosen:
        counts = Counter(f.province for f in firms if f.province and f.firm_id not in removed)
        chosen = [placed.region(p) for p, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_regions]]
    chain = placed.chain
    exposures, changes = [], []
    by_firm = {h.firm: h for h in hits}
    for region in chosen:
        in_region = placed.firms_in(region)
        scope = in_region & placed.chain_firms if chain is not None else {
            f for f in in_region if nodes[f].get("label") == FIRM}
        losses = []
        for firm in sorted(scope):
            share = shares.of(firm)
            if firm in gone:
                losses.append(1.0)
            elif share:
                losses.append(sum(v for s, v in share.items() if s in gone))
        exposures.append(RegionExposure(
            region.name, chain.name if chain else "all firms",
            round(sum(losses) / len(losses), 3) if losses else None, len(losses),
            sum(1 for f in scope if f in by_firm), sum(1 for f in scope if f in by_firm and by_firm[f].stopped),
            len(scope & removed)))
        if chain is None:
            continue
        supply = segment_supply(graph, in_region, segments_of, gone, removed, shares)
        for seg in chain.segments:
            counts = supply.get(seg.name, SegmentSupply())
            before = (counts.local, counts.links_in, counts.from_outside)
            after = (counts.local_after, counts.links_after, counts.outside_after)
            share = round(counts.share_removed / counts.share, 3) if counts.share else 0.0
            status = gap_status(*before, present_min, weak_share)
            # Losing outside suppliers lowers the outside share and would raise the
            # status by the share rule alone: a removal never counts as a gain.
            later = min(status, gap_status(*after, present_min, weak_share), key=_RANK.__getitem__)
            row = SegmentChange(region.name, seg.name, seg.stage, status, later, before[0], after[0], share,
                                share > 0.5)
            if row.changed or share > 0:
                changes.append(row)
    if not removed:
        warnings.append("nothing was removed: no firm matched")
    elif not hits:
        warnings.append("no firm of the graph buys from the removed firms (no SUPPLIES link leaves them)")
    return ImpactReport(chain.name if chain else "", targets, len(removed), firms, exposures, changes,
                        shares.note(), warnings)
