"""Comparing regions: a regions x segments coverage table for one chain.

Each cell is the segment's status in the region (missing, weak, present, by the
thresholds of :mod:`chaingraph.analytics.gaps`) and its number of local firms.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> from chaingraph.analytics.placed import PlacedGraph
>>> g = nx.MultiDiGraph()
>>> for fid, seg, prov in [("a", "ore", "湖南"), ("b", "ore", "湖南"), ("c", "metal", "江苏")]:
...     g.add_node(fid, label="Firm", name=fid, province=prov, products=seg)
>>> chain = chain_from_dict({"name": "toy", "segments": [
...     {"name": "ore", "stage": "upstream", "keywords": ["ore"]},
...     {"name": "metal", "stage": "midstream", "keywords": ["metal"]}]})
>>> report = compare_regions(PlacedGraph.from_graph(g, chain), ["Hunan", "江苏省"])
>>> [(r["segment"], r["coverage"]["湖南"]["status"], r["coverage"]["江苏"]["firms"]) for r in report.to_dict()["segments"]]
[('ore', 'present', 0), ('metal', 'missing', 1)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from chaingraph.analytics.gaps import PRESENT_MIN, WEAK_SHARE, find_gaps
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import regions_to_compare
from chaingraph.errors import InputError
from chaingraph.output import RESULT_COLUMNS, Table


@dataclass
class CoverageReport:
    """Segments (rows) by regions (columns): status and local firm count per cell."""

    chain: str
    regions: list[str]
    segments: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"chain", "regions", "segments": [{"segment", "stage",
        "coverage": {region: {"status", "firms"}}}], "warnings"}``."""
        return {"chain": self.chain, "regions": list(self.regions), "segments": self.segments,
                "warnings": list(self.warnings)}

    def tables(self) -> list[Table]:
        """Return the report as tables for a spreadsheet: ``coverage`` (a segment a
        row, ``status (n)`` per region) and ``cells`` (one segment and region a row,
        status and firm count apart)."""
        cells = [{"segment": seg["segment"], "stage": seg["stage"], "region": region,
                  "status": seg["coverage"][region]["status"], "firms": seg["coverage"][region]["firms"]}
                 for seg in self.segments for region in self.regions]
        return [Table("coverage", ["segment", "stage", *self.regions], self.rows()),
                Table("cells", list(RESULT_COLUMNS["compare cells"]), cells)]

    def to_frame(self) -> Any:
        """Return the coverage as a pandas DataFrame, one segment and region a row
        (columns segment, stage, region, status, firms)."""
        return self.tables()[1].frame()

    def rows(self) -> list[dict[str, Any]]:
        """Return one flat row per segment: segment, stage, then ``status (n)`` per region."""
        out = []
        for seg in self.segments:
            row = {"segment": seg["segment"], "stage": seg["stage"]}
            for region in self.regions:
                cell = seg["coverage"][region]
                row[region] = f"{cell['status']} ({cell['firms']})"
            out.append(row)
        return out


def compare_regions(placed: PlacedGraph, regions: Iterable[str], *, present_min: int = PRESENT_MIN,
                    weak_share: float = WEAK_SHARE) -> CoverageReport:
    """Return the :class:`CoverageReport` of the chain of ``placed`` (a
    :class:`~chaingraph.analytics.placed.PlacedGraph` built for a chain) over
    ``regions``: names :meth:`PlacedGraph.region` knows; a name ending in ``.toml``
    is a regions file, all of whose regions are compared. Raises
    :class:`InputError` when no region is given."""
    names, found = regions_to_compare(r for r in regions if r)
    if not names:
        raise InputError("give at least one region")
    if placed.chain is None:
        raise InputError("comparing regions needs a chain: build the PlacedGraph with one")
    resolved = [placed.region(r, found) for r in names]
    columns = []
    for region in resolved:
        label = region.name
        while label in columns:
            label += "'"
        columns.append(label)
    segments = [{"segment": s.name, "stage": str(s.stage), "coverage": {}} for s in placed.chain.segments]
    warnings: list[str] = []
    for label, region in zip(columns, resolved):
        report = find_gaps(placed, region, present_min=present_min, weak_share=weak_share, top=0)
        warnings += [w for w in report.warnings if w not in warnings]
        for row, gap in zip(segments, report.segments):
            row["coverage"][label] = {"status": str(gap.status), "firms": len(gap.local_ids)}
    return CoverageReport(placed.chain.name, columns, segments, warnings)
