"""Issue 22's benchmarks: the what-if analyses on generated graphs of 10k and 100k
firms (about 3 supply links per firm; see :mod:`bench.generate`).

* ``impact``: :func:`chaingraph.analytics.impact.impact` removing the province 江苏
  (about a ninth of the firms) for the 8-segment 工程机械 chain of the generated
  graph, reporting on the five provinces most hit (``impact_s``; ``place_s`` is
  building the :class:`~chaingraph.analytics.placed.PlacedGraph` once, as the
  command does before it). The naive alternative (``naive_s``) is what one writes
  with networkx's public API: copy the graph, delete the province's firms, then
  scan every firm round after round (its suppliers before and after, grouped by
  segment) until no more firm stops; the two must find the same stopped firms.
* ``attract``: :func:`chaingraph.analytics.attract.attract` for a 10-segment chain
  (工程机械's eight and 动力电池's 电芯, 电池包) in 湖南 (``attract_s``). The naive
  alternative is re-running the gap analysis with each candidate moved into the
  region (:func:`~chaingraph.analytics.gaps.find_gaps` with the firm's location
  set to 长沙), timed on 20 candidates and scaled to all of them
  (``naive_per_firm_s``, ``naive_s``).

Ratios are chaingraph over the alternative (below 1: chaingraph is faster).
"""

from __future__ import annotations

import time

import networkx as nx

from bench import Timer, benchmark
from bench.baselines import ratio
from bench.bench_analytics import build_graph
from chaingraph.analytics.attract import attract
from chaingraph.analytics.chains import chain_from_chain_node, chain_from_dict
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.impact import impact
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.places import Location, canonical_place, PlaceKind

#: Candidates the naive attract re-runs the gap analysis for (then scaled up).
NAIVE_SAMPLE = 20


def naive_stopped(graph: nx.MultiDiGraph, removed: set[str], segment: dict[str, str]) -> set[str]:
    """Return the firms that stop when ``removed`` are deleted, the plain networkx
    way: on a copy without them, re-scan every firm each round."""
    before = {f: {s for s in graph.predecessors(f) if graph.nodes[s].get("label") == "Firm" and s != f}
              for f, a in graph.nodes(data=True) if a.get("label") == "Firm"}
    after = graph.copy()
    after.remove_nodes_from(removed)
    stopped: set[str] = set()
    changed = True
    while changed:
        changed = False
        for firm in list(after.nodes):
            if firm not in before or firm in stopped:
                continue
            by_seg: dict[str, int] = {}
            for s in before[firm]:
                by_seg.setdefault(segment.get(s, "other"), 0)
            for s in after.predecessors(firm):
                if s in before[firm] and s not in stopped:
                    by_seg[segment.get(s, "other")] = by_seg.get(segment.get(s, "other"), 0) + 1
            if any(n == 0 for n in by_seg.values()):
                stopped.add(firm)
                changed = True
    return stopped


def run_impact(n_firms: int) -> dict:
    """Time impact of removing 江苏 on ``n_firms`` generated firms, and the naive way."""
    graph = build_graph(n_firms)
    with Timer() as place:
        placed = PlacedGraph.from_graph(graph, chain_from_chain_node(graph, "chain:工程机械"))
    with Timer() as own:
        report = impact(placed, ["江苏"])
    # The naive scan groups suppliers by segment as impact does (a firm's first segment).
    segment = {f: segs[0] for f, segs in _segments(placed).items()}
    removed = {f for t in report.targets for f in t.firms}
    with Timer() as naive:
        stopped = naive_stopped(graph, removed, segment)
    assert stopped == {f.firm_id for f in report.stopped}, "the naive scan and impact disagree"
    return {"firms": n_firms, "edges": graph.number_of_edges(), "removed": report.removed,
            "losing": len(report.firms), "stopped": len(report.stopped),
            "place_s": round(place.seconds, 2), "impact_s": round(own.seconds, 2), "naive_s": round(naive.seconds, 2),
            "ratio_vs_naive": ratio(own.seconds, naive.seconds), "seconds": round(own.seconds, 2)}


def _segments(placed: PlacedGraph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for seg, members in placed.placed.items():
        for firm in members:
            out.setdefault(firm, []).append(seg)
    return out


def ten_segment_chain():
    """A 10-segment chain over the generated graph's segments (stated segments)."""
    names = [("钢材", "upstream"), ("液压件", "upstream"), ("发动机", "upstream"), ("传动件", "upstream"),
             ("电控系统", "midstream"), ("工程机械整机", "midstream"), ("租赁服务", "downstream"),
             ("再制造", "downstream"), ("电芯", "midstream"), ("电池包", "midstream")]
    return chain_from_dict({"name": "bench-10", "segments": [
        {"name": n, "stage": s, "industries": [n]} for n, s in names]})


def run_attract(n_firms: int) -> dict:
    """Time attract for a 10-segment chain in 湖南 on ``n_firms`` generated firms, and
    the naive way (the gap analysis re-run per candidate, sampled and scaled)."""
    graph = build_graph(n_firms)
    with Timer() as place:
        placed = PlacedGraph.from_graph(graph, ten_segment_chain())
    with Timer() as own:
        report = attract(placed, "湖南", top=10)
    region = placed.region("湖南")
    inside = placed.firms_in(region)
    candidates = sorted(f for f in placed.chain_firms if f not in inside)
    changsha = Location(city=canonical_place("长沙", PlaceKind.CITY), province=canonical_place("湖南", PlaceKind.PROVINCE))
    locations = placed.locations
    sample = candidates[:: max(1, len(candidates) // NAIVE_SAMPLE)][:NAIVE_SAMPLE]
    t0 = time.perf_counter()
    for firm in sample:
        kept = locations.get(firm)
        locations[firm] = changsha
        try:
            find_gaps(placed, region, top=0)
        finally:
            if kept is None:
                del locations[firm]
            else:
                locations[firm] = kept
    per_firm = (time.perf_counter() - t0) / len(sample)
    naive = per_firm * len(candidates)
    return {"firms": n_firms, "segments": len(placed.chain.segments), "candidates": report.considered,
            "first": report.candidates[0].firm if report.candidates else None,
            "place_s": round(place.seconds, 2), "attract_s": round(own.seconds, 2),
            "naive_per_firm_s": round(per_firm, 3), "naive_s": round(naive, 1),
            "ratio_vs_naive": ratio(own.seconds, naive), "seconds": round(own.seconds, 2)}


@benchmark("impact-10k")
def impact_10k() -> dict:
    """Impact of removing 江苏 on 10k firms."""
    return run_impact(10_000)


@benchmark("impact-100k")
def impact_100k() -> dict:
    """Impact of removing 江苏 on 100k firms (target: < 5 s)."""
    return run_impact(100_000)


@benchmark("attract-10k")
def attract_10k() -> dict:
    """Attract for a 10-segment chain in 湖南 on 10k firms."""
    return run_attract(10_000)


@benchmark("attract-100k")
def attract_100k() -> dict:
    """Attract for a 10-segment chain in 湖南 on 100k firms (target: < 10 s)."""
    return run_attract(100_000)
