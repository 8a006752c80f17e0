"""Whole-graph maps of big stores without reading the whole graph into networkx.

A map of everything keeps only the most central nodes. Ranking them needs every
node's degree, not the graph: this module counts each node's edges in the store
(two index scans), ranks the nodes exactly as
:func:`chaingraph.render.select.select` does (relationships in and out, Source
nodes and their edges left out, ties by id) and loads only the kept nodes with the
edges among them. Firm stages come from the kept firms' BELONGS_TO edges to a
Segment with a ``stage``.
"""

from __future__ import annotations

import heapq
from collections import Counter

from chaingraph.model import Label, RelType, Stage
from chaingraph.render.select import Selection
from chaingraph.render.style import main_stage, normal_stage
from chaingraph.store import Store

def select_whole_store(store: Store, max_nodes: int) -> tuple[Selection, dict[str, Stage]] | None:
    """Return the selection of a whole-graph map of ``store`` and the stages of its
    firms when the store holds more than ``max_nodes`` drawable nodes; None when it
    holds fewer (then reading the whole graph is cheap and the caller does).

    >>> import tempfile, pathlib
    >>> from chaingraph.model import EdgeRecord, NodeRecord
    >>> with tempfile.TemporaryDirectory() as tmp, Store(pathlib.Path(tmp) / "g.db") as store:
    ...     _ = store.upsert([NodeRecord(i, "Firm", i) for i in "abcd"] +
    ...                      [EdgeRecord("SUPPLIES", "a", x) for x in "bcd"])
    ...     sel, stages = select_whole_store(store, 2)
    ...     sorted(sel.graph), dict(sel.left_out), sel.left_out_edges
    (['a', 'b'], {'Firm': 2}, 2)
    """
    with store.snapshot():  # the counts and the graph read from one state
        return _select(store, max_nodes)


def _select(store: Store, max_nodes: int) -> tuple[Selection, dict[str, Stage]] | None:
    labels = store.node_labels()
    hidden = sorted(n for n, label in labels.items() if label == Label.SOURCE.value)
    if len(labels) - len(hidden) <= max_nodes:
        return None
    degree, n_edges = store.degree_counts(leave_out=hidden)
    skip = set(hidden)
    drawable = [n for n in labels if n not in skip]
    scale = 1.0 / (len(drawable) - 1)
    kept = heapq.nsmallest(max_nodes, drawable, key=lambda n: (-degree[n], n))
    graph = store.to_networkx(around=kept, depth=0)
    centrality = {n: degree[n] * scale for n in kept}
    left_out = Counter(labels[n] for n in drawable)
    left_out.subtract(labels[n] for n in kept)
    left_out = +left_out
    selection = Selection(graph=graph, centrality=centrality, left_out=left_out,
                          left_out_edges=n_edges - graph.number_of_edges(),
                          min_kept_centrality=min(centrality.values()))
    firms = [n for n in kept if labels[n] == Label.FIRM.value]
    return selection, _stages(store, firms)


def _stages(store: Store, firms: list[str]) -> dict[str, Stage]:
    stage_of = {}
    for segment in store.iter_nodes(Label.SEGMENT):
        stage = normal_stage(segment.props.get("stage"))
        if stage:
            stage_of[segment.id] = stage
    found: dict[str, Counter] = {}
    for firm, segment in store.edge_pairs(firms, RelType.BELONGS_TO):
        if segment in stage_of:
            found.setdefault(firm, Counter())[stage_of[segment]] += 1
    return {firm: main_stage(counts) for firm, counts in found.items()}
