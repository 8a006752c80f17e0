"""Issue 6's benchmarks: planner analytics on generated graphs of 10k, 100k and 1M
firms (about 3 supply links per firm).

Each benchmark builds the graph in memory the way ``Store.to_networkx()`` returns it
(node attributes label/name/props, edges keyed by type), then times

* ``gaps``: :func:`chaingraph.analytics.gaps.find_gaps` for the 8-segment 工程机械 chain of the
  generated graph in 湖南, first with building its
  :class:`~chaingraph.analytics.placed.PlacedGraph` (``gaps_s``: firms placed in the
  chain and located) and again on the same one (``gaps_warm_s``);
* ``upstream``: :func:`chaingraph.analytics.traverse.upstream` 3 hops deep from 200 firms of
  the chain's last segment: median and slowest, in milliseconds;
* ``key firms``: :func:`chaingraph.analytics.keyfirms.key_firms` for the same chain (PageRank,
  betweenness sampled from 128 sources above 2,000 firms, articulation points, sole
  suppliers, Louvain communities).
* ``pagerank``/``betweenness`` against igraph (issue 21): on the chain's supply
  network that key firms ranks, networkx's PageRank and sampled betweenness as key
  firms calls them (``nx_pagerank_s``, ``nx_betweenness_s``), then python-igraph's
  on the same network and the same 128 sources (``igraph_*_s``, median of five runs;
  ``igraph_build_s`` makes its graph from networkx's), and the ratios (networkx over igraph). The
  top-20 overlap of the two rankings shows they computed the same thing. Without
  igraph (the ``bench`` extra) these figures say so.

Peak memory is the whole process's (the runner adds it).
"""

from __future__ import annotations

import random
import statistics
import time

import networkx as nx
import numpy as np

from bench import Timer, benchmark
from bench.baselines import ratio
from bench.generate import generate_records
from chaingraph.analytics.chains import chain_from_chain_node
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.keyfirms import BETWEENNESS_K, EXACT_BETWEENNESS, key_firms, supply_network
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.traverse import upstream
from chaingraph.model import NodeRecord


def build_graph(n_firms: int, seed: int = 0) -> nx.MultiDiGraph:
    """Return the generated graph of ``n_firms`` firms as a MultiDiGraph shaped like
    the store's."""
    graph = nx.MultiDiGraph()
    for rec in generate_records(n_firms, seed=seed):
        if isinstance(rec, NodeRecord):
            graph.add_node(rec.id, **rec.props, label=rec.label.value, name=rec.name)
        else:
            graph.add_edge(rec.src, rec.dst, key=rec.type.value, **rec.props, type=rec.type.value)
    return graph


def run_analytics(n_firms: int, key_firms_too: bool = True) -> dict:
    """Build a graph of ``n_firms`` firms and time gaps, 3-hop upstream and key firms."""
    with Timer() as load:
        graph = build_graph(n_firms)
    chain = chain_from_chain_node(graph, "chain:工程机械")
    with Timer() as cold:
        placed = PlacedGraph.from_graph(graph, chain)
        report = find_gaps(placed, "湖南")
    with Timer() as warm:
        find_gaps(placed, "湖南")
    makers = sorted(f for f, e in graph.pred["segment:工程机械整机"].items() if "BELONGS_TO" in e)
    rng = np.random.default_rng(1)
    starts = [makers[i] for i in rng.choice(len(makers), size=min(200, len(makers)), replace=False)]
    times, reached = [], []
    for start in starts:
        t0 = time.perf_counter()
        reached.append(len(upstream(graph, start, 3)))
        times.append((time.perf_counter() - t0) * 1000)
    figures = {
        "firms": n_firms, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
        "load_s": round(load.seconds, 1), "gaps_s": round(cold.seconds, 2), "gaps_warm_s": round(warm.seconds, 2),
        "gaps_local_firms": sum(len(s.local_ids) for s in report.segments),
        "up3_median_ms": round(statistics.median(times), 2), "up3_max_ms": round(max(times), 2),
        "up3_median_reached": int(statistics.median(reached)),
    }
    if key_firms_too:
        with Timer() as kf:
            keys = key_firms(placed, top=20)
        figures.update({"key_firms_s": round(kf.seconds, 1), "key_network_firms": keys.network_firms,
                        "key_network_links": keys.network_links, "betweenness_k": keys.betweenness_k})
        figures.update(vs_igraph(placed))
    figures["seconds"] = round(cold.seconds, 2)
    return figures


def _top(scores: dict, n: int = 20) -> set:
    """Return the ``n`` keys of ``scores`` with the highest values."""
    return set(sorted(scores, key=lambda f: -scores[f])[:n])


def vs_igraph(placed: PlacedGraph) -> dict:
    """Time PageRank and betweenness on the supply network key firms ranks for the
    chain of ``placed``, with networkx as key firms calls them and with igraph;
    return the times, ratios (networkx over igraph) and the rankings' top-20 overlap."""
    net = supply_network(placed.graph, placed.chain_firms)
    n = net.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS else BETWEENNESS_K
    with Timer() as nx_pr:
        pagerank = nx.pagerank(net.reverse(copy=False), alpha=0.85)
    with Timer() as nx_bt:
        betweenness = nx.betweenness_centrality(net, k=k, seed=0)
    figures = {"nx_pagerank_s": round(nx_pr.seconds, 3), "nx_betweenness_s": round(nx_bt.seconds, 3)}
    try:
        import igraph
    except ImportError:
        return {**figures, "igraph": "not installed (pip install -e .[bench])"}
    with Timer() as build:
        names = list(net)
        index = {f: i for i, f in enumerate(names)}
        # Reversed, as key firms' PageRank runs over dependency links customer -> supplier.
        rev = igraph.Graph(n=n, edges=[(index[b], index[a]) for a, b in net.edges()], directed=True)
        fwd = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in net.edges()], directed=True)
    # The same sources networkx sampled: it draws them with random.Random(seed).sample.
    sources = None if k is None else [index[f] for f in random.Random(0).sample(list(net.nodes()), k)]
    # igraph takes milliseconds here, where one scheduling hiccup on a shared machine
    # would be the whole figure: the median of five runs.
    ig_pr, ig_bt = [], []
    for _ in range(5):
        with Timer() as t:
            ig_pagerank = rev.pagerank(damping=0.85, directed=True)
        ig_pr.append(t.seconds)
        with Timer() as t:
            ig_betweenness = fwd.betweenness(directed=True, sources=sources)
        ig_bt.append(t.seconds)
    ig_pr_s, ig_bt_s = statistics.median(ig_pr), statistics.median(ig_bt)
    return {**figures, "igraph_build_s": round(build.seconds, 2), "igraph_pagerank_s": round(ig_pr_s, 4),
            "igraph_betweenness_s": round(ig_bt_s, 4),
            "pagerank_ratio_vs_igraph": ratio(nx_pr.seconds, ig_pr_s),
            "betweenness_ratio_vs_igraph": ratio(nx_bt.seconds, ig_bt_s),
            "top20_overlap": f"{len(_top(pagerank) & _top(dict(zip(names, ig_pagerank))))}/"
                             f"{len(_top(betweenness) & _top(dict(zip(names, ig_betweenness))))}"}


@benchmark("analytics-10k")
def analytics_10k() -> dict:
    """Gaps, 3-hop upstream and key firms on 10k firms."""
    return run_analytics(10_000)


@benchmark("analytics-100k")
def analytics_100k() -> dict:
    """Gaps, 3-hop upstream and key firms on 100k firms (targets: gaps < 2 s,
    3-hop upstream < 50 ms, key firms < 60 s)."""
    return run_analytics(100_000)


@benchmark("analytics-1m")
def analytics_1m() -> dict:
    """Gaps, 3-hop upstream and key firms on 1M firms (target: fits in 8 GB)."""
    return run_analytics(1_000_000)
