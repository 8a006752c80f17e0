"""Issue 6's benchmarks: planner analytics on generated graphs of 10k, 100k and 1M
firms (about 3 supply links per firm).

Each benchmark builds the graph in memory the way ``Store.to_networkx()`` returns it
(node attributes label/name/props, edges keyed by type), then times

* ``gaps``: :func:`chaingraph.gaps.find_gaps` for the 8-segment 工程机械 chain of the
  generated graph in 湖南, first call (``gaps_s``, builds the location and placement
  indexes) and again (``gaps_warm_s``);
* ``upstream``: :func:`chaingraph.traverse.upstream` 3 hops deep from 200 firms of
  the chain's last segment: median and slowest, in milliseconds;
* ``key firms``: :func:`chaingraph.keyfirms.key_firms` for the same chain (PageRank,
  betweenness sampled from 128 sources above 2,000 firms, articulation points, sole
  suppliers, Louvain communities).

Peak memory is the whole process's (the runner adds it).
"""

from __future__ import annotations

import statistics
import time

import networkx as nx
import numpy as np

from bench import Timer, benchmark
from bench.generate import generate_records
from chaingraph.chains import chain_from_chain_node
from chaingraph.gaps import find_gaps
from chaingraph.keyfirms import key_firms
from chaingraph.model import NodeRecord
from chaingraph.traverse import upstream


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
        report = find_gaps(graph, chain, "湖南")
    with Timer() as warm:
        find_gaps(graph, chain, "湖南")
    makers = sorted(f for f, e in graph._pred["segment:工程机械整机"].items() if "BELONGS_TO" in e)
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
            keys = key_firms(graph, chain, top=20)
        figures.update({"key_firms_s": round(kf.seconds, 1), "key_network_firms": keys.network_firms,
                        "key_network_links": keys.network_links, "betweenness_k": keys.betweenness_k})
    figures["seconds"] = round(cold.seconds, 2)
    return figures


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
