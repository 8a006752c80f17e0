"""Maps: a part of the graph drawn as one self-contained HTML file that opens with
no network. ``MapOptions.view`` (:class:`~chaingraph.render.views.View`) picks the
drawing: the interactive network map (pyvis/vis-network, this module), or the static
chain, geographic and overview pages (:mod:`chaingraph.render.chainview`,
:mod:`chaingraph.render.geoview`, :mod:`chaingraph.render.overview`).

``render_map(store, MapOptions(chain=..., region=...), "map.html")`` reads the store
once into a :class:`~chaingraph.analytics.placed.PlacedGraph`, picks the nodes
(:func:`choose` the firms, :mod:`chaingraph.render.select` the rest, or
:mod:`chaingraph.render.big` for a whole big store), turns them into page data
(:mod:`chaingraph.render.network`, styled by :mod:`chaingraph.render.style`, with
tooltips from :mod:`chaingraph.render.tips`) and writes the page
(:mod:`chaingraph.render.html`). Tooltips travel as data and are built in the page
as text nodes, never parsed as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region, RegionKind, group_members
from chaingraph.errors import InputError
from chaingraph.model import Label, NodeRecord, RelType, Stage
from chaingraph.render.big import select_whole_store
from chaingraph.render.html import asset, json_block, page, vis_network_js
from chaingraph.render.network import Layout, map_data, vis_options
from chaingraph.render.select import Selection, select
from chaingraph.render.style import firm_stages
from chaingraph.render.views import View, chain_page
from chaingraph.store import Store

#: Above this many nodes a map keeps only the most central ones (``--max-nodes``).
DEFAULT_MAX_NODES = 1000


@dataclass
class MapOptions:
    """What to draw: filters (``chain``, ``region``, ``cluster``: names or ids,
    combined), or the neighbourhood of ``around`` within ``depth`` hops; ``layout``
    (a :class:`Layout` or its name, checked by :func:`check_options`: "force", seeded
    physics, or "lr", upstream -> downstream columns); at most
    ``max_nodes`` nodes; ``seed`` for the force layout; an optional page ``title``;
    extra directories of chain templates (``chains_dirs``). Chains and regions are
    resolved as the gap analysis does (:mod:`chaingraph.analytics.chains`,
    :mod:`chaingraph.analytics.regions`), so a map shows the firms a report counts."""

    chain: str | None = None
    region: str | None = None
    cluster: str | None = None
    around: str | None = None
    depth: int = 1
    layout: Layout = Layout.FORCE
    view: View = View.AUTO
    max_nodes: int = DEFAULT_MAX_NODES
    seed: int = 7
    title: str | None = None
    chains_dirs: tuple[str | Path, ...] = ()


@dataclass
class MapResult:
    """What a written map holds: its ``path`` and size in ``bytes``, how many
    ``nodes`` and ``edges`` it draws and what the size limit ``left_out``."""

    path: str
    nodes: int
    edges: int
    bytes: int
    left_out: dict[str, int] = field(default_factory=dict)
    left_out_edges: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dict."""
        return {"path": self.path, "nodes": self.nodes, "edges": self.edges, "bytes": self.bytes,
                "left_out": self.left_out, "left_out_edges": self.left_out_edges}


def check_options(options: MapOptions) -> None:
    """Raise :class:`InputError` when ``options`` cannot make a map."""
    if options.view not in {x.value for x in View}:
        raise InputError(f"unknown view {str(options.view)!r}; choose one of {', '.join(x.value for x in View)}")
    if options.view == View.CHAIN.value and not options.chain:
        raise InputError("--view chain needs --chain")
    if options.view in (View.CHAIN.value, View.GEO.value) and (options.around or options.cluster):
        raise InputError("--view chain and --view geo take --chain and --region, not --around or --cluster")
    if options.layout not in {x.value for x in Layout}:
        raise InputError(f"unknown layout {str(options.layout)!r}; choose one of {', '.join(x.value for x in Layout)}")
    if options.max_nodes < 1:
        raise InputError("--max-nodes must be at least 1")
    if options.depth < 0:
        raise InputError("--depth must be 0 or more")
    if options.around and (options.chain or options.region or options.cluster):
        raise InputError("--around draws a neighbourhood; it does not combine with --chain, --region or --cluster")


def render_map(store: Store, options: MapOptions, out_path: str | Path) -> MapResult:
    """Draw the map ``options`` describe from ``store`` into the HTML file
    ``out_path`` and return a :class:`MapResult`. The store is read once: only the
    most central nodes of a big whole-graph map (:mod:`chaingraph.render.big`), the
    neighbourhood of ``around``, or else the whole graph placed in the chain asked
    for (a :class:`~chaingraph.analytics.placed.PlacedGraph`). Raises
    :class:`InputError` for bad options and :class:`NotFoundError` for a name that
    matches nothing."""
    check_options(options)
    view = View(options.view)
    whole = options.chain is options.region is options.cluster is options.around is None
    if view is View.AUTO:
        view = View.OVERVIEW if whole and drawable_nodes(store) > options.max_nodes else View.NETWORK
    if view is not View.NETWORK:
        return render_static(store, options, view, out_path)
    big = select_whole_store(store, options.max_nodes) if whole else None
    if big is not None:
        selection, stages = big
        placed = PlacedGraph.from_store(store, graph=selection.graph)
        return write_map(placed, selection, stages, options, out_path, MapChoice(None, set(), {}, "the whole graph"),
                         names=store_names(store, selection.graph))
    if options.around:
        centre = store.resolve(options.around)
        placed = PlacedGraph.from_store(store, graph=store.to_networkx(around=[centre.id], depth=options.depth))
        choice = MapChoice(None, {centre.id}, {}, f"{options.depth} hop(s) around {centre.name}")
    else:
        placed = PlacedGraph.from_store(store, options.chain, chains_dirs=options.chains_dirs)
        region = placed.region(options.region) if options.region else None
        cluster = store.resolve(options.cluster, Label.CLUSTER) if options.cluster else None
        choice = choose(placed, region, cluster)
    selection, stages = select_choice(placed, choice, options.max_nodes)
    return write_map(placed, selection, stages, options, out_path, choice, names=store_names(store, selection.graph))


def drawable_nodes(store: Store) -> int:
    """Return how many nodes of ``store`` a whole-graph map would draw (all but Source nodes)."""
    row = store.conn.execute("SELECT COUNT(*) FROM nodes WHERE label NOT IN ('', ?)", (Label.SOURCE.value,)).fetchone()
    return int(row[0])


def render_static(store: Store, options: MapOptions, view: View, out_path: str | Path) -> MapResult:
    """Write the static ``view`` (chain, geo or overview) that ``options`` ask for."""
    if view is View.OVERVIEW:
        from chaingraph.render.overview import overview_page

        size, nodes, edges = overview_page(store, out_path, title=options.title)
        return MapResult(path=str(out_path), nodes=nodes, edges=edges, bytes=size)
    placed = PlacedGraph.from_store(store, options.chain, chains_dirs=options.chains_dirs)
    if view is View.CHAIN:
        size, nodes, edges = chain_page(placed, options.region, out_path, title=options.title)
    else:
        from chaingraph.render.geoview import geo_page

        size, nodes, edges = geo_page(placed, options.region, out_path, title=options.title)
    return MapResult(path=str(out_path), nodes=nodes, edges=edges, bytes=size)


def store_names(store: Store, graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Return node id -> the names and aliases ``store`` knows it by, for the nodes
    of ``graph`` (what a map's search box finds them by)."""
    out: dict[str, list[str]] = {}
    ids = sorted(graph)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = store.conn.execute(
            f"SELECT node_id, surface FROM names WHERE node_id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY node_id, surface", chunk)
        for node, surface in rows:
            out.setdefault(node, []).append(surface)
    return out


@dataclass
class MapChoice:
    """What the filters of a map chose: the ``firms`` (None: no filter), the
    ``anchors`` drawn whatever the size limit (the chain, region or cluster named),
    ``stages`` learnt from the chain's segments, and ``what`` the map shows, in words."""

    firms: set[str] | None
    anchors: set[str]
    stages: dict[str, Stage]
    what: str
    firsts: set[str] = field(default_factory=set)


def choose(placed: PlacedGraph, region: Region | None = None, cluster: NodeRecord | None = None) -> MapChoice:
    """Return the firms a map of ``placed`` draws: those placed in its chain (when it
    has one), of ``region`` and of ``cluster`` (a Cluster node), all that apply at
    once."""
    graph = placed.graph
    chosen: list[set[str]] = []
    anchors: set[str] = set()
    stages: dict[str, Stage] = {}
    what = []
    chain = placed.chain
    if chain is not None:
        chosen.append(placed.chain_firms)
        for seg in chain.segments:
            for firm in placed.placed.get(seg.name, {}):
                stages.setdefault(firm, seg.stage)
        for nodes in placed.segment_nodes.values():
            anchors.update(nodes)
        anchors.update(n for n, a in graph.nodes(data=True)
                       if a.get("label") == Label.CHAIN.value and a.get("name") == chain.name)
        what.append(f"chain {chain.name}")
    if region is not None:
        chosen.append(placed.firms_in(region))
        anchor = region.key if region.kind is RegionKind.CLUSTER else f"{region.kind}:{region.key}"
        if anchor in graph:
            anchors.add(anchor)
        what.append(f"{region.kind} {region.name}")
    if cluster is not None:
        chosen.append(group_members(graph, cluster.id) if cluster.id in graph else set())
        anchors.add(cluster.id)
        what.append(f"cluster {cluster.name}")
    if not chosen:
        return MapChoice(None, set(), {}, "the whole graph")
    firms = set.intersection(*chosen)
    return MapChoice(firms, anchors, stages, ", ".join(what), firms if region is not None else set())


def draw_map(placed: PlacedGraph, choice: MapChoice, options: MapOptions, out_path: str | Path) -> MapResult:
    """Select from ``placed`` what ``choice`` chose (:func:`chaingraph.render.select.select`,
    at most ``options.max_nodes``) and write the map as :func:`write_map` does."""
    selection, stages = select_choice(placed, choice, options.max_nodes)
    return write_map(placed, selection, stages, options, out_path, choice)


def select_choice(placed: PlacedGraph, choice: MapChoice, max_nodes: int) -> tuple[Selection, dict[str, Stage]]:
    """Return the :class:`Selection` of ``placed`` that ``choice`` chose (at most
    ``max_nodes``) and the stages its firms are drawn in."""
    selection = select(placed.graph, firms=choice.firms, anchors=choice.anchors, max_nodes=max_nodes)
    return selection, {**choice.stages, **firm_stages(placed.graph, selection.graph)}


def write_map(placed: PlacedGraph, selection: Selection, stages: dict[str, Stage], options: MapOptions,
              out_path: str | Path, choice: MapChoice, names: dict[str, list[str]] | None = None) -> MapResult:
    """Write the map page of ``selection`` (firm ``stages`` colour the firms,
    evidence and file names in tooltips come from ``placed``) to ``out_path`` and
    return a :class:`MapResult`. Raises :class:`InputError` when the file cannot
    be written."""
    notice = None
    if choice.firms is not None and not choice.firms:
        notice = f"No firm matches {choice.what}: only what was named is drawn."
    if selection.graph.number_of_nodes() == 0:
        notice = "Nothing to draw: the selection holds no nodes."
    data = map_data(placed, selection, stages, layout=Layout(options.layout), seed=options.seed,
                    focus=choice.anchors, firsts=choice.firsts, names=names)
    title = options.title or f"chaingraph map: {choice.what}"
    html = page("map.html.j2", scripts=[vis_network_js(), asset("map.js")], title=title,
                summary=summary_line(selection), left_out=left_out_line(selection, options.max_nodes),
                legend=data.pop("legend"), data_json=json_block(data),
                notice=notice)
    out = Path(out_path)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the map ({exc.strerror})", path=str(out)) from exc
    return MapResult(path=str(out), nodes=selection.graph.number_of_nodes(),
                     edges=selection.graph.number_of_edges(), bytes=len(html.encode("utf-8")),
                     left_out=dict(sorted(selection.left_out.items())),
                     left_out_edges=selection.left_out_edges)


def summary_line(selection: Selection) -> str:
    """Return the one-line summary printed at the top of a map page."""
    g = selection.graph
    firms = sum(1 for _, a in g.nodes(data=True) if a.get("label") == Label.FIRM.value)
    return (f"{g.number_of_nodes():,} nodes ({firms:,} firms) and {g.number_of_edges():,} edges; "
            f"node size shows degree centrality; hover a node or edge for its facts and evidence.")


def left_out_line(selection: Selection, max_nodes: int) -> str | None:
    """Return the sentence saying what the size limit left out, or None.

    >>> from collections import Counter
    >>> sel = Selection(graph=nx.MultiDiGraph(), left_out=Counter(Firm=5, City=1), left_out_edges=7,
    ...                 min_kept_centrality=0.25)
    >>> left_out_line(sel, 10)
    'Left out 6 nodes (5 Firm, 1 City) and their 7 edges: this map keeps the 10 most central nodes (degree centrality at least 0.2500). Narrow it with --chain, --region, --cluster or --around, or raise --max-nodes.'
    """
    if not selection.left_out:
        return None
    total = sum(selection.left_out.values())
    parts = ", ".join(f"{n:,} {label}" for label, n in selection.left_out.most_common())
    floor = selection.min_kept_centrality or 0.0
    return (f"Left out {total:,} nodes ({parts}) and their {selection.left_out_edges:,} edges: this map "
            f"keeps the {max_nodes:,} most central nodes (degree centrality at least {floor:.4f}). "
            f"Narrow it with --chain, --region, --cluster or --around, or raise --max-nodes.")
