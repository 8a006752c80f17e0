"""The planner's gap report as one self-contained HTML page: for a chain and a
region, a table of the chain's segments (status, local firms, outside suppliers,
candidate firms) and the chain map with missing segments marked.

The analysis is :func:`chaingraph.analytics.gaps.find_gaps`; this module only draws it. The
map shows the chain's segments in upstream -> downstream columns, each with its
first local firms and outside suppliers to its left and its candidate firms to its
right; the table lists everything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from chaingraph.analytics.chains import Chain
from chaingraph.analytics.gaps import PRESENT_MIN, WEAK_SHARE, GapReport, GapStatus, SegmentGap, find_gaps
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region
from chaingraph.errors import InputError
from chaingraph.model import Label, RelType, Stage
from chaingraph.render import Layout, map_data
from markupsafe import Markup

from chaingraph.render.html import asset, json_block, page, vis_network_js
from chaingraph.render.select import Selection
from chaingraph.render.style import MISSING_COLOUR, STAGE_COLOURS, normal_stage

#: How many local firms and outside suppliers each segment shows on the map.
MAP_FIRMS_PER_SEGMENT = 8
#: How many names a table cell lists before "and N more".
TABLE_NAMES = 30
_STAGE_COLUMN = {Stage.UPSTREAM: 2, Stage.MIDSTREAM: 5, Stage.DOWNSTREAM: 8}
_STATUS_BORDER = {GapStatus.MISSING: MISSING_COLOUR, GapStatus.WEAK: "#c98a00", GapStatus.PRESENT: "#333333"}


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
    ``placed``), with evidence in the map's tooltips from ``placed`` and
    ``sections`` (escaped HTML) after the segment table."""
    data = chain_map(placed, report)
    height = data.pop("height_px")
    counts = Counter(str(s.status) for s in report.segments)
    rows = [_row(s) for s in report.segments]
    title = f"Gap report: {report.chain} in {report.region}"
    return page("report.html.j2", scripts=[vis_network_js(), asset("map.js")], title=title,
                chain=report.chain, region=report.region, rows=rows, counts=counts,
                n_segments=len(report.segments), present_min=PRESENT_MIN, weak_share=f"{WEAK_SHARE:.0%}",
                map_limit=MAP_FIRMS_PER_SEGMENT, map_height=height, legend=data.pop("legend"),
                data_json=json_block(data), sections=Markup(sections))


def _names(names: list[str]) -> dict[str, Any]:
    return {"count": len(names), "shown": names[:TABLE_NAMES], "more": max(0, len(names) - TABLE_NAMES)}


def _row(seg: SegmentGap) -> dict[str, Any]:
    return {"segment": seg.segment, "stage": str(seg.stage), "status": str(seg.status),
            "status_class": str(seg.status) if seg.status in _STATUS_BORDER else "other",
            "local": _names(seg.local_firms), "outside": _names(seg.outside_suppliers),
            "candidates": [c.to_dict() for c in seg.candidates]}


def _segment_node(chain: Chain, name: str) -> str:
    return f"chain-segment:{chain.name}/{name}"


def chain_map(placed: PlacedGraph, report: GapReport) -> dict[str, Any]:
    """Return the page data (see :func:`chaingraph.render.map_data`) of the report's
    chain map: one node per segment coloured by stage (missing: red, dashed),
    linked by the chain's supply links; local firms and outside suppliers (the
    first :data:`MAP_FIRMS_PER_SEGMENT` of each) BELONG_TO it; candidates point at
    it with a dashed red CANDIDATE edge."""
    graph, chain = placed.graph, placed.chain
    shown = nx.MultiDiGraph()
    levels: dict[str, int] = {}
    stages: dict[str, Stage] = {}
    overrides: dict[str, dict[str, Any]] = {}
    partners: set[str] = set()
    extra_edges: list[dict[str, Any]] = []
    for seg in report.segments:
        node = _segment_node(chain, seg.segment)
        stage = normal_stage(seg.stage)
        column = _STAGE_COLUMN.get(stage, 5)
        shown.add_node(node, label=Label.SEGMENT.value, name=seg.segment, stage=stage or seg.stage)
        levels[node] = column
        missing = seg.status is GapStatus.MISSING
        overrides[node] = {
            "tip": _segment_tip(seg),
            "label": f"{seg.segment} ({str(seg.status)})",
            "color": {"background": MISSING_COLOUR if missing else STAGE_COLOURS.get(stage, STAGE_COLOURS[None]),
                      "border": _STATUS_BORDER.get(seg.status, "#333333")},
            "size": 18,
            "borderWidth": 4 if seg.status is not GapStatus.PRESENT else 1,
            "shapeProperties": {"borderDashes": [6, 4] if missing else False},
            "font": {"size": 15, "bold": True, "color": MISSING_COLOUR if missing else "#222222"},
        }
        for ids, outside in ((seg.local_ids, False), (seg.outside_ids, True)):
            for firm in ids[:MAP_FIRMS_PER_SEGMENT]:
                _add_firm(shown, graph, firm, levels, column - 1, stages, stage)
                shown.add_edge(firm, node, key=RelType.BELONGS_TO.value, type=RelType.BELONGS_TO.value)
                if outside:
                    partners.add(firm)
        for cand in seg.candidates:
            _add_firm(shown, graph, cand.firm_id, levels, column + 1, stages, stage)
            partners.add(cand.firm_id)
            extra_edges.append({"from": cand.firm_id, "to": node, "type": "CANDIDATE",
                                "tip": [["CANDIDATE", f"{cand.firm} could fill {seg.segment}"],
                                        ["score", f"{cand.score} (weight {cand.weight}, nearness "
                                                  f"{cand.nearness}, evidence items {cand.evidence})"]]})
    for supplier, customer in chain.links():
        a, b = _segment_node(chain, supplier), _segment_node(chain, customer)
        if a in shown and b in shown:
            shown.add_edge(a, b, key=RelType.SUPPLIES.value, type=RelType.SUPPLIES.value)
    firms = [n for n in shown if not n.startswith("chain-segment:")]
    for src in firms:
        for dst, edges in graph.succ[src].items():
            if RelType.SUPPLIES.value in edges and dst in shown:
                shown.add_edge(src, dst, key=RelType.SUPPLIES.value, type=RelType.SUPPLIES.value)
    centrality = _centrality(shown)
    selection = Selection(graph=shown, partners=partners, centrality=centrality)
    columns = {c: i for i, c in enumerate(sorted(set(levels.values())))}
    for node, level in levels.items():
        overrides.setdefault(node, {})["level"] = columns[level]
    legend_extra = [{"kind": "node", "text": "segment missing in the region", "color": MISSING_COLOUR,
                     "shape": "diamond"},
                    {"kind": "note", "text": "thick outline: a weak or missing segment"},
                    {"kind": "note", "text": "dashed firm outline: outside the region (supplier or candidate)"}]
    data = map_data(placed, selection, stages, layout=Layout.LR, extra_legend=legend_extra,
                    node_overrides=overrides, extra_edges=extra_edges)
    data["legend"] = [e for e in data["legend"] if not e["text"].startswith("dashed outline")]
    data["options"]["layout"]["hierarchical"].update(levelSeparation=230, nodeSpacing=100)
    tallest = max(Counter(levels.values()).values(), default=1)
    data["height_px"] = max(520, min(1600, 62 * tallest))
    return data


def _add_firm(shown: nx.MultiDiGraph, graph: nx.MultiDiGraph, firm: str, levels: dict[str, int], column: int,
              stages: dict[str, Stage], stage: Stage | None) -> None:
    if firm in shown:
        return
    attrs = dict(graph.nodes[firm]) if firm in graph else {"label": Label.FIRM.value, "name": firm}
    attrs = {k: v for k, v in attrs.items() if not k.startswith("_")}
    shown.add_node(firm, **attrs)
    levels[firm] = column
    if stage:
        stages[firm] = stage


def _centrality(graph: nx.MultiDiGraph) -> dict[str, float]:
    n = graph.number_of_nodes()
    return {node: len(set(graph.successors(node)) | set(graph.predecessors(node))) / max(1, n - 1)
            for node in graph}


def _segment_tip(seg: SegmentGap) -> list[list[str]]:
    lines = [["Segment", seg.segment], ["stage", str(seg.stage)], ["status", str(seg.status)],
             ["local firms", str(len(seg.local_firms))],
             ["outside suppliers", str(len(seg.outside_suppliers))],
             ["supply links into the region", f"{seg.links_in}, {seg.links_from_outside} from outside"]]
    for cand in seg.candidates[:5]:
        where = ", ".join(p for p in (cand.city, cand.province) if p) or "place unknown"
        lines.append(["candidate", f"{cand.firm} ({where}), score {cand.score}"])
    return lines
