"""Whole-graph maps of big stores without reading the whole graph into networkx.

A map of everything keeps only the most central nodes. Ranking them needs every
node's degree, not the graph: this module counts each node's edges in the store
(two index scans), ranks the nodes exactly as
:func:`chaingraph.render_select.select` does (relationships in and out, Source
nodes and their edges left out, ties by id) and loads only the kept nodes with the
edges among them. Firm stages come from the kept firms' BELONGS_TO edges to a
Segment with a ``stage``.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter

from chaingraph.model import Label, RelType
from chaingraph.render_select import Selection
from chaingraph.render_style import main_stage, normal_stage
from chaingraph.store import Store

_CHUNK = 500


def select_whole_store(store: Store, max_nodes: int) -> tuple[Selection, dict[str, str]] | None:
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
    conn = store.conn
    labels = dict(conn.execute("SELECT id, label FROM nodes"))
    hidden = sorted(n for n, label in labels.items() if label == Label.SOURCE.value)
    if len(labels) - len(hidden) <= max_nodes:
        return None
    degree: Counter = Counter(dict(conn.execute("SELECT src, count(*) FROM edges GROUP BY src")))
    degree.update(dict(conn.execute("SELECT dst, count(*) FROM edges GROUP BY dst")))
    n_edges = conn.execute("SELECT count(*) FROM edges").fetchone()[0]
    seen: set[tuple[str, str, str]] = set()
    for chunk in _chunks(hidden):
        marks = ",".join("?" * len(chunk))
        for column in ("src", "dst"):
            for edge in conn.execute(f"SELECT src, type, dst FROM edges WHERE {column} IN ({marks})", chunk):
                if edge not in seen:
                    seen.add(edge)
                    degree[edge[0]] -= 1
                    degree[edge[2]] -= 1
    n_edges -= len(seen)
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
    return selection, _stages(conn, firms)


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _stages(conn, firms: list[str]) -> dict[str, str]:
    stage_of = {}
    for node_id, props in conn.execute("SELECT id, props FROM nodes WHERE label=?", (Label.SEGMENT.value,)):
        stage = normal_stage(json.loads(props).get("stage"))
        if stage:
            stage_of[node_id] = stage
    found: dict[str, Counter] = {}
    for chunk in _chunks(firms):
        marks = ",".join("?" * len(chunk))
        for firm, segment in conn.execute(f"SELECT src, dst FROM edges WHERE type=? AND src IN ({marks})",
                                          (RelType.BELONGS_TO.value, *chunk)):
            if segment in stage_of:
                found.setdefault(firm, Counter())[stage_of[segment]] += 1
    return {firm: main_stage(counts) for firm, counts in found.items()}
