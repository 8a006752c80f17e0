"""Which view a map is and how the static views are written.

``render --view`` picks one: ``network`` (the interactive node-link map),
``chain`` (:mod:`chaingraph.render.chainview`), ``geo``
(:mod:`chaingraph.render.geoview`), ``overview``
(:mod:`chaingraph.render.overview`), or ``auto``: the overview for a whole graph
of more than ``--max-nodes`` nodes, the network map otherwise. The static views
are one page of inline SVG with no script at all.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.errors import InputError
from chaingraph.render.chainview import STATUS_STYLE, chain_svg, segment_boxes, status_counts
from chaingraph.render.html import page


class View(str, Enum):
    """What a map draws: see the module docstring."""

    AUTO = "auto"
    NETWORK = "network"
    CHAIN = "chain"
    GEO = "geo"
    OVERVIEW = "overview"

    def __str__(self) -> str:
        return self.value


def status_legend() -> list[dict[str, str]]:
    """Return the legend of the gap statuses' colours (for a static view's header)."""
    return [{"fill": fill, "border": border, "text": f"{word} in the region"}
            for fill, border, word in STATUS_STYLE.values()]


def write_page(out_path: str | Path, **context: Any) -> int:
    """Write a static view page (``view.html.j2`` filled with ``context``) to
    ``out_path``; return its size in bytes. Raises :class:`InputError` when the file
    cannot be written."""
    html = page("view.html.j2", scripts=[], **{"notice": None, "legend": [], **context})
    out = Path(out_path)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the map ({exc.strerror})", path=str(out)) from exc
    return len(html.encode("utf-8"))


CHAIN_HOW = ("Segments run upstream (left) to downstream (right); arrows are the chain's supply links. "
             "Each box lists the segment's first firms; beside it, candidates and outside suppliers with "
             "where they are. Hover a box or a name for the full lists.")


def chain_page(placed: PlacedGraph, region: str | None, out_path: str | Path, *, title: str | None = None,
               top: int = 5) -> tuple[int, int, int]:
    """Write the chain view of the chain of ``placed`` (coloured by the gap status
    in ``region`` when given, ``top`` candidates a segment) to ``out_path``; return
    (bytes, boxes, arrows). Raises :class:`InputError` without a chain."""
    if placed.chain is None:
        raise InputError("the chain view needs --chain")
    report = find_gaps(placed, region, top=top) if region else None
    boxes = segment_boxes(placed, report)
    links = placed.chain.links()
    drawing = chain_svg(boxes, links, report.region if report else None)
    firms = len(placed.chain_firms)
    summary = [f"{placed.chain.name}: {len(boxes)} segments, {firms:,} firms placed in them, "
               f"{len(links)} supply links between segments."]
    if report:
        counts = status_counts(boxes)
        summary.append(f"In {report.region}: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in
                                                              ("present", "weak", "missing")) + ".")
    name = f"Chain view: {placed.chain.name}" + (f" in {report.region}" if report else "")
    size = write_page(out_path, title=title or name, summary=summary, how=CHAIN_HOW,
                      legend=status_legend() if report else [],
                      panels=[{"id": "chain", "kind": "chain", "heading": "", "svg": drawing, "lists": []}])
    return size, len(boxes), len(links)
