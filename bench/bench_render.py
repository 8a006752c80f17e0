"""Issue 7's benchmarks: maps and gap reports from a store of 100k generated firms
(about 3 supply links per firm; ``bench.generate.generate_records``).

* ``render-map-2k``: ``render_map`` of the whole graph capped at 2,000 nodes (the
  most central kept; the ranking reads degrees from the store, not the graph).
* ``render-map-chain-100k``: ``render_map --chain 工程机械 --region 湖南`` capped at
  2,000 nodes; this path reads the whole graph (``Store.to_networkx``), timed apart
  as ``load_s``.
* ``render-report-100k``: ``render_report 工程机械 湖南``, end to end, with its parts
  timed apart: reading the graph (``load_s``), the gap analysis (``gaps_s``) and the
  page itself (``page_s``).

The maps also time their drawing alone (``draw_s``: the page data with tips and
evidence, the page, the file, for the selection ``render_map`` made) beside pyvis's
own default way of drawing the same nodes and edges, labels only (``Network``,
``add_node``, ``add_edge``, ``write_html``: ``pyvis_s``), and print the ratio
(``draw_ratio_vs_pyvis``); selecting the nodes has no such baseline. The report has
none at all: nothing else writes a gap report.

Targets: under 5 s for the 2,000-node map and for the report. The store is built
once (not timed) and kept in ``bench/results/`` (git-ignored), named after the
generator's source hash so a changed generator builds a new one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from bench import Timer, benchmark
from bench.baselines import ratio
from bench.generate import generate_records
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.render import Layout, MapOptions, choose, left_out_line, map_data, render_map, summary_line
from chaingraph.render.big import select_whole_store
from chaingraph.render.html import asset, json_block, page, vis_network_js
from chaingraph.render.select import select
from chaingraph.render.style import firm_stages
from chaingraph.render.report import render_report, report_page
from chaingraph.store import Store

N_FIRMS = 100_000
RESULTS = Path(__file__).resolve().parent / "results"


def store_path(n_firms: int = N_FIRMS, seed: int = 3) -> Path:
    """Return the path of a store holding the generated graph of ``n_firms``,
    building it first when missing."""
    source = (Path(__file__).resolve().parent / "generate.py").read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:10]
    path = RESULTS / f"render-store-{n_firms}-{seed}-{digest}.db"
    if not path.exists():
        RESULTS.mkdir(exist_ok=True)
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        with Store(partial) as store:
            store.upsert(generate_records(n_firms, seed=seed), batch_size=50_000)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        partial.rename(path)
    return path


def _map(options: MapOptions, time_load: bool) -> dict:
    db = store_path()
    with tempfile.TemporaryDirectory() as tmp, Store(db) as store:
        out = Path(tmp) / "map.html"
        with Timer() as t:
            result = render_map(store, options, out)
        figures = {"seconds": round(t.seconds, 2), "nodes": result.nodes, "edges": result.edges,
                   "left_out_nodes": sum(result.left_out.values()), "file_mb": round(result.bytes / 2**20, 2)}
        if time_load:
            with Timer() as load:
                store.to_networkx()
            figures["load_s"] = round(load.seconds, 2)
        figures.update(_draw_vs_pyvis(store, options, Path(tmp)))
    return figures


def _draw_vs_pyvis(store: Store, options: MapOptions, tmp: Path) -> dict:
    """Make the selection ``render_map`` makes for ``options`` (not timed), then time
    drawing it as ``render_map`` does and with pyvis's defaults; return both times
    and their ratio."""
    if options.chain is options.region is None:
        selection, stages = select_whole_store(store, options.max_nodes)
        placed = PlacedGraph.from_store(store, graph=selection.graph)
        anchors: set[str] = set()
    else:
        placed = PlacedGraph.from_store(store, options.chain, chains_dirs=options.chains_dirs)
        choice = choose(placed, placed.region(options.region) if options.region else None)
        anchors = choice.anchors
        selection = select(placed.graph, firms=choice.firms, anchors=anchors, max_nodes=options.max_nodes)
        stages = {**choice.stages, **firm_stages(placed.graph, selection.graph)}
    # The same steps as render_map after its selection.
    with Timer() as draw:
        data = map_data(placed, selection, stages, layout=Layout(options.layout), seed=options.seed, focus=anchors)
        html = page("map.html.j2", scripts=[vis_network_js(), asset("map.js")], title="bench",
                    summary=summary_line(selection), left_out=left_out_line(selection, options.max_nodes),
                    legend=data.pop("legend"), data_json=json_block(data), notice=None)
        (tmp / "draw.html").write_text(html, encoding="utf-8")
    pyvis_s = _pyvis_default(selection.graph, tmp / "pyvis")
    return {"draw_s": round(draw.seconds, 2), "pyvis_s": round(pyvis_s, 2),
            "draw_ratio_vs_pyvis": ratio(draw.seconds, pyvis_s)}


def _pyvis_default(graph: nx.MultiDiGraph, folder: Path) -> float:
    """Draw ``graph`` the way pyvis's documentation does (a node's name as its label,
    an edge's type as its title) into ``folder``; return the seconds taken."""
    folder.mkdir()
    here = Path.cwd()
    # write_html's default (cdn_resources="local") copies its scripts into ./lib.
    os.chdir(folder)
    try:
        with Timer() as t:
            net = Network(directed=True)
            for node, attrs in graph.nodes(data=True):
                net.add_node(node, label=str(attrs.get("name") or node))
            for src, dst, typ in graph.edges(keys=True):
                net.add_edge(src, dst, title=typ)
            net.write_html("map.html")
    finally:
        os.chdir(here)
    return t.seconds


@benchmark("render-map-2k")
def render_map_2k() -> dict:
    """A 2,000-node map of the whole 100k-firm graph (target < 5 s)."""
    return _map(MapOptions(max_nodes=2000, view="network"), time_load=False)


@benchmark("render-map-chain-100k")
def render_map_chain_100k() -> dict:
    """A chain-and-region map from the 100k-firm graph, capped at 2,000 nodes."""
    return _map(MapOptions(chain="工程机械", region="湖南", max_nodes=2000), time_load=True)


@benchmark("render-report-100k")
def render_report_100k() -> dict:
    """The gap report of 工程机械 in 湖南 on the 100k-firm graph (target < 5 s)."""
    db = store_path()
    with tempfile.TemporaryDirectory() as tmp, Store(db) as store:
        out = Path(tmp) / "report.html"
        with Timer() as t:
            result = render_report(PlacedGraph.from_store(store, "工程机械"), "湖南", out)
    with Store(db) as store:
        t0 = time.perf_counter()
        graph = store.to_networkx()
        t1 = time.perf_counter()
        placed = PlacedGraph.from_store(store, "工程机械", graph=graph)
        report = find_gaps(placed, "湖南")
        t2 = time.perf_counter()
        report_page(placed, report)
        t3 = time.perf_counter()
    return {"seconds": round(t.seconds, 2), "load_s": round(t1 - t0, 2), "gaps_s": round(t2 - t1, 2),
            "page_s": round(t3 - t2, 2), "segments": len(report.segments),
            "statuses": "/".join(f"{k}:{v}" for k, v in result.statuses.items()),
            "file_kb": round(result.bytes / 1024)}


# --- issue 20: the chain, geo and overview views ------------------------------------

def _view(n_firms: int, options: MapOptions) -> dict:
    """Time ``render_map`` of a static view on the generated store of ``n_firms``
    beside the user's alternative, pyvis: for chain and geo, reading the graph, the
    network map's selection of the chain in the region (at most 2,000 nodes) and
    pyvis's default drawing of it; for the overview, the 1,000 most central nodes
    (the old whole-graph map, ranked from the store's degrees) drawn by pyvis. For
    chain and geo, reading and placing the graph (``load_s``) and the gap analysis
    (``gaps_s``) are also timed apart; the baseline's time leaves the gap analysis out."""
    db = store_path(n_firms)
    with tempfile.TemporaryDirectory() as tmp, Store(db) as store:
        out = Path(tmp) / "view.html"
        with Timer() as t:
            result = render_map(store, options, out)
        figures = {"seconds": round(t.seconds, 2), "drawn": result.nodes, "links": result.edges,
                   "file_kb": round(result.bytes / 1024)}
        with Timer() as base:
            if options.view == "overview":
                selection, _ = select_whole_store(store, 1000)
            else:
                with Timer() as load:
                    placed = PlacedGraph.from_store(store, options.chain)
                figures["load_s"] = round(load.seconds, 2)
                with Timer() as gaps:   # as the view runs it, first use of the firms' places included
                    find_gaps(placed, options.region)
                figures["gaps_s"] = round(gaps.seconds, 2)
                choice = choose(placed, placed.region(options.region))
                selection = select(placed.graph, firms=choice.firms, anchors=choice.anchors, max_nodes=2000)
            pyvis_s = _pyvis_default(selection.graph, Path(tmp) / "pyvis")
        base_s = base.seconds - figures.get("gaps_s", 0.0)
        figures.update({"pyvis_nodes": selection.graph.number_of_nodes(), "pyvis_s": round(base_s, 2),
                        "pyvis_draw_s": round(pyvis_s, 2), "ratio_vs_pyvis": ratio(t.seconds, base_s)})
    return figures


@benchmark("render-chain-view-100k")
def render_chain_view_100k() -> dict:
    """The chain view of 工程机械 in 湖南 on the 100k-firm graph (target < 5 s)."""
    return _view(N_FIRMS, MapOptions(chain="工程机械", region="湖南", view="chain"))


@benchmark("render-geo-view-100k")
def render_geo_view_100k() -> dict:
    """The geographic view of 工程机械 in 湖南 on the 100k-firm graph (target < 5 s)."""
    return _view(N_FIRMS, MapOptions(chain="工程机械", region="湖南", view="geo"))


@benchmark("render-overview-300k")
def render_overview_300k() -> dict:
    """The overview of a 300k-firm graph (aggregate queries only)."""
    return _view(300_000, MapOptions(view="overview"))


@benchmark("render-overview-1m")
def render_overview_1m() -> dict:
    """The overview of a 1M-firm graph (target < 30 s; building the store takes long)."""
    return _view(1_000_000, MapOptions(view="overview"))
