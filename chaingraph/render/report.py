"""The planner's gap report as one self-contained HTML page: for a chain and a
region, the chain view (:mod:`chaingraph.render.chainview`: segments as boxes in
upstream -> downstream columns coloured by status, their first local firms, and
beside each its candidates and outside suppliers with where they are) and a table
of the chain's segments (status, local firms, outside suppliers, candidates).

The analysis is :func:`chaingraph.analytics.gaps.find_gaps`; this module only draws
it. The page is static: no script runs on it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chaingraph.analytics.gaps import PRESENT_MIN, WEAK_SHARE, GapReport, GapStatus, SegmentGap, find_gaps
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region
from chaingraph.errors import InputError
from chaingraph.render.chainview import BOX_FIRMS, SIDE_NAMES, chain_svg, segment_boxes
from chaingraph.render.html import page
from chaingraph.render.views import status_legend
from markupsafe import Markup

#: How many names a table cell lists before "and N more".
TABLE_NAMES = 30
_STATUSES = (GapStatus.MISSING, GapStatus.WEAK, GapStatus.PRESENT)


@dataclass
class ReportResult:
    """What a written report holds: its ``path`` and size in ``bytes``, the chain
    and region, and how many segments have each status."""

    path: str
    chain: str
    region: str
    statuses: dict[str, int]
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dict."""
        return {"path": self.path, "chain": self.chain, "region": self.region,
                "statuses": self.statuses, "bytes": self.bytes}


def render_report(placed: PlacedGraph, region: str | Region, out_path: str | Path, *,
                  top: int = 5, sections: str = "") -> ReportResult:
    """Run the gap analysis of the chain of ``placed`` (a
    :class:`~chaingraph.analytics.placed.PlacedGraph` built for a chain) in
    ``region`` (:func:`chaingraph.analytics.gaps.find_gaps`, ``top`` candidates per
    segment) and write it as the HTML page ``out_path``, with ``sections`` (HTML
    already escaped, e.g. :func:`chaingraph.render.whatif.whatif_sections`) below
    the segment table; return a
    :class:`ReportResult`. Raises :class:`NotFoundError` for an unknown region and
    :class:`InputError` when the page cannot be written."""
    report = find_gaps(placed, region, top=top)
    html = report_page(placed, report, sections)
    out = Path(out_path)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the report ({exc.strerror})", path=str(out)) from exc
    statuses = Counter(str(s.status) for s in report.segments)
    return ReportResult(path=str(out), chain=report.chain, region=report.region,
                        statuses=dict(sorted(statuses.items())), bytes=len(html.encode("utf-8")))


def report_page(placed: PlacedGraph, report: GapReport, sections: str = "") -> str:
    """Return the HTML page of ``report`` (the gap analysis of the chain of
    ``placed``): the chain view, then the segment table, then ``sections``
    (escaped HTML, e.g. the what-if sections)."""
    drawing = chain_svg(segment_boxes(placed, report), placed.chain.links(), report.region)
    counts = Counter(str(s.status) for s in report.segments)
    rows = [_row(s) for s in report.segments]
    title = f"Gap report: {report.chain} in {report.region}"
    return page("report.html.j2", scripts=[], title=title,
                chain=report.chain, region=report.region, rows=rows, counts=counts,
                n_segments=len(report.segments), present_min=PRESENT_MIN, weak_share=f"{WEAK_SHARE:.0%}",
                box_firms=BOX_FIRMS, side_names=SIDE_NAMES, legend=status_legend(), chain_svg=drawing,
                sections=Markup(sections))


def _names(names: list[str]) -> dict[str, Any]:
    return {"count": len(names), "shown": names[:TABLE_NAMES], "more": max(0, len(names) - TABLE_NAMES)}


def _row(seg: SegmentGap) -> dict[str, Any]:
    return {"segment": seg.segment, "stage": str(seg.stage), "status": str(seg.status),
            "status_class": str(seg.status) if seg.status in _STATUSES else "other",
            "local": _names(seg.local_firms), "outside": _names(seg.outside_suppliers),
            "candidates": [c.to_dict() for c in seg.candidates]}
