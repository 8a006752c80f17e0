"""The chain view: a chain as boxes, one a segment, in upstream -> downstream
columns, coloured by the region's gap status (or by stage without a region). Each
box lists the segment's first local firms ("+N more"); beside it a short list of
candidate firms and outside suppliers with where they are; the chain's SUPPLIES
links between segments are a few arrows from column to column.

It is static SVG (no script): it opens in any browser, prints, and stays readable
for a long chain with hundreds of firms, since a box grows by one line at most
however many firms a segment has. Hover a box or a name for the full lists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from chaingraph.analytics.gaps import GapReport, GapStatus, chain_degrees
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.model import Stage
from chaingraph.render import svg
from chaingraph.render.style import STAGE_COLOURS

#: Local firms a box lists before "+N more"; candidates and outside suppliers beside it.
BOX_FIRMS = 5
SIDE_NAMES = 3
BOX_W, SIDE_W, GUTTER, MARGIN = 220, 180, 64, 16
LINE = 18
#: Fill, border and word of each status.
STATUS_STYLE = {GapStatus.MISSING: ("#fbd5d5", "#d62728", "missing"),
                GapStatus.WEAK: ("#fff0c2", "#c98a00", "weak"),
                GapStatus.PRESENT: ("#d7f0d8", "#3f9b4a", "present")}
#: Fill of a box by stage when there is no region (and of the overview's chips).
STAGE_TINT = {Stage.UPSTREAM: "#dce8f5", Stage.MIDSTREAM: "#fbe6d0", Stage.DOWNSTREAM: "#dcefdc", None: "#eeeeee"}
_COLUMNS = (Stage.UPSTREAM, Stage.MIDSTREAM, Stage.DOWNSTREAM, None)


@dataclass
class SegmentBox:
    """What one segment's box shows: its ``name``, ``stage``, ``status`` (None
    without a region), ``local`` firms (``[name, place]``, all of them, best first),
    ``outside`` suppliers into the region and ``candidates`` (``[name, place,
    score]``), and the ``note`` of a segment with no candidates."""

    name: str
    stage: Stage | None
    status: GapStatus | None
    local: list[list[str]] = field(default_factory=list)
    outside: list[list[str]] = field(default_factory=list)
    candidates: list[list[str]] = field(default_factory=list)
    note: str = ""


def place_name(placed: PlacedGraph, firm: str) -> str:
    """Return where ``firm`` is, as "city, province", "province" or "place unknown"."""
    loc = placed.locations.get(firm)
    if loc is None:
        return "place unknown"
    parts = [p.name for p in (loc.city, loc.province) if p is not None]
    unique = [p for i, p in enumerate(parts) if p not in parts[:i]]
    return ", ".join(unique) or "place unknown"


def segment_boxes(placed: PlacedGraph, report: GapReport | None = None) -> list[SegmentBox]:
    """Return the boxes of the chain of ``placed``: from ``report`` (the gap analysis
    in a region) when given, else every firm placed in each segment, the firms
    with most supply links in the chain first."""
    names = placed.graph.nodes
    if report is not None:
        return [SegmentBox(seg.segment, seg.stage, seg.status,
                           [[n, place_name(placed, f)] for n, f in zip(seg.local_firms, seg.local_ids)],
                           [[n, place_name(placed, f)] for n, f in zip(seg.outside_suppliers, seg.outside_ids)],
                           [[c.firm, ", ".join(p for p in (c.city, c.province) if p) or "place unknown",
                             f"{c.score}"] for c in seg.candidates], seg.note)
                for seg in report.segments]
    degree = chain_degrees(placed.graph, placed.chain_firms)
    boxes = []
    for seg in placed.chain.segments:
        firms = sorted(placed.placed.get(seg.name, {}), key=lambda f: (-degree[f], str(names[f].get("name", f))))
        boxes.append(SegmentBox(seg.name, seg.stage, None,
                                [[str(names[f].get("name", f)), place_name(placed, f)] for f in firms]))
    return boxes


def chain_svg(boxes: list[SegmentBox], links: list[tuple[str, str]], region: str | None = None) -> Markup:
    """Return the chain view of ``boxes`` with arrows for ``links`` (supplier,
    customer segment names) as one ``<svg>``; ``region`` names the region in the
    boxes' tooltips."""
    columns: dict[Stage | None, list[SegmentBox]] = {}
    for box in boxes:
        columns.setdefault(box.stage if box.stage in _COLUMNS else None, []).append(box)
    order = [c for c in _COLUMNS if c in columns]
    items: list[str] = []
    where: dict[str, tuple[float, float, float, int]] = {}  # name -> box left, top, height, column
    height = 0.0
    for col, stage in enumerate(order):
        x = MARGIN + col * (BOX_W + SIDE_W + GUTTER)
        title = {Stage.UPSTREAM: "upstream", Stage.MIDSTREAM: "midstream", Stage.DOWNSTREAM: "downstream"}
        items.append(svg.text(x, MARGIN + 14, title.get(stage, "stage unknown") + (" →" if col < len(order) - 1 else ""),
                              cls="col-head"))
        y = MARGIN + 34.0
        for box in columns[stage]:
            drawn, h = _box(box, x, y, region)
            items.append(drawn)
            where[box.name] = (x, y, h, col)
            y += h + 26
        height = max(height, y)
    drawn = [(a, b) for a, b in links if a in where and b in where and a != b]
    ends = _spread(drawn, where)
    arrows = [_arrow(where[a], where[b], ends[a, b], a, b) for a, b in drawn]
    width = MARGIN * 2 + len(order) * (BOX_W + SIDE_W) + (len(order) - 1) * GUTTER
    # arrows go under the boxes so a crossing never hides a name
    return svg.svg(width, height + MARGIN, arrows + items, "chain view", cls="chain-view")


def _box(box: SegmentBox, x: float, y: float, region: str | None) -> tuple[str, float]:
    fill, border, word = STATUS_STYLE.get(box.status, (STAGE_TINT.get(box.stage, "#eeeeee"), "#777777", ""))
    lines: list[str] = []
    count = f"{len(box.local)} local firm{'s' if len(box.local) != 1 else ''}" if box.status is not None \
        else f"{len(box.local)} firm{'s' if len(box.local) != 1 else ''}"
    lines.append(svg.text(x + 10, y + 21, svg.clip(box.name, 13), cls="seg-name"))
    lines.append(svg.text(x + 10, y + 39, f"{word} · {count}" if word else count, cls=f"seg-status status-{word or 'none'}"))
    ty = y + 39
    for name, place in box.local[:BOX_FIRMS]:
        ty += LINE
        lines.append(svg.text(x + 14, ty, svg.clip(name, 14), tip=f"{name} ({place})", cls="firm"))
    if len(box.local) > BOX_FIRMS:
        ty += LINE
        lines.append(svg.text(x + 14, ty, f"+{len(box.local) - BOX_FIRMS} more", cls="more"))
    h = ty - y + 12
    side, side_h = _side(box, x + BOX_W + 8, y)
    h = max(h, side_h)
    tip = _box_tip(box, region)
    dashes = "6 4" if box.status is GapStatus.MISSING else None
    frame = svg.rect(x, y, BOX_W, h, rx=6, fill=fill, stroke=border, stroke_width=2.5 if box.status else 1.5,
                     stroke_dasharray=dashes)
    return svg.group([frame] + lines + side, tip=tip, cls="segment", data_segment=box.name), h


def _side(box: SegmentBox, x: float, y: float) -> tuple[list[str], float]:
    items: list[str] = []
    ty = y + 4
    for title, rows, cls in (("candidates", box.candidates, "candidate"), ("outside suppliers", box.outside, "outside")):
        if not rows:
            continue
        ty += 15
        more = f" ({len(rows)})" if len(rows) > SIDE_NAMES else ""
        items.append(svg.text(x, ty, title + more, cls="side-head"))
        for row in rows[:SIDE_NAMES]:
            ty += 16
            place = svg.clip(row[1].split(", ")[0], 4)
            items.append(svg.text(x + 4, ty, f"{svg.clip(row[0], 9)} · {place}", tip=" · ".join(row), cls=cls))
    if box.note and not box.candidates:
        ty += 16
        items.append(svg.text(x, ty, "no candidate known", tip=box.note, cls="note"))
    return items, ty - y + 8


def _box_tip(box: SegmentBox, region: str | None) -> str:
    lines = [f"{box.name} ({box.stage or 'stage unknown'})"]
    if box.status is not None:
        lines.append(f"{box.status} in {region}" if region else str(box.status))
    for title, rows in (("local firms" if box.status is not None else "firms", box.local),
                        ("outside suppliers", box.outside), ("candidates", box.candidates)):
        if rows:
            shown = "; ".join(f"{r[0]} ({r[1]})" for r in rows[:40])
            lines.append(f"{title} ({len(rows)}): {shown}" + (" …" if len(rows) > 40 else ""))
    return "\n".join(lines)


def _spread(links: list[tuple[str, str]], where: dict[str, tuple[float, float, float, int]]
            ) -> dict[tuple[str, str], tuple[float, float]]:
    """Return, for each link, the heights where its arrow leaves the supplier and
    reaches the customer: a box's arrows spread along its side, in the order of the
    boxes at their other end, so they do not meet in one point."""
    outs: dict[str, list[tuple[str, str]]] = {}
    ins: dict[str, list[tuple[str, str]]] = {}
    for a, b in links:
        outs.setdefault(a, []).append((a, b))
        ins.setdefault(b, []).append((a, b))
    start: dict[tuple[str, str], float] = {}
    end: dict[tuple[str, str], float] = {}
    for table, other, out in ((outs, 1, start), (ins, 0, end)):
        for name, pairs in table.items():
            _, top, h, _ = where[name]
            pairs = sorted(pairs, key=lambda p: (where[p[other]][3], where[p[other]][1]))
            span = min(h - 20, 14 * len(pairs))
            for i, pair in enumerate(pairs):
                out[pair] = top + 14 + (span * i / max(1, len(pairs) - 1) if len(pairs) > 1 else 0)
    return {pair: (start[pair], end[pair]) for pair in links}


def _arrow(a: tuple[float, float, float, int], b: tuple[float, float, float, int], ends: tuple[float, float],
           src: str, dst: str) -> str:
    (ax, _, _, acol), (bx, _, _, bcol) = a, b
    y1, y2 = ends
    tip = f"{src} supplies {dst}"
    if acol < bcol:   # out of the right of the supplier's cell, into the left of the customer's box
        x1, x2 = ax + BOX_W + SIDE_W + 4, bx - 3
        bend = (x2 - x1) / 2
        d = f"M{x1:.0f},{y1:.0f} C{x1 + bend:.0f},{y1:.0f} {x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    else:             # within a column (or backwards): a loop on the left of the boxes
        x1, x2 = ax - 2, bx - 3
        left = max(2, min(x1, x2) - 40)
        d = f"M{x1:.0f},{y1:.0f} C{left:.0f},{y1:.0f} {left:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    return svg.path(d, tip=tip, fill="none", stroke="#666666", stroke_width=1.6, marker_end="url(#arrow)",
                    cls="supplies")


def status_counts(boxes: list[SegmentBox]) -> Counter:
    """Return how many boxes have each status (as words)."""
    return Counter(str(b.status) for b in boxes if b.status is not None)
