"""Reading the store's nodes and edges as a graph: the whole ``MultiDiGraph``, the
part around given nodes, and degree counts read from the indexes without a graph.
Each function takes the store's connection and reads with plain statements; the
:class:`~chaingraph.store.Store` methods run them in one snapshot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
import orjson

from chaingraph.adjacency import add_keyed_edges
from chaingraph.errors import NotFoundError
from chaingraph.model import RelType
from chaingraph.scoped import gc_paused
from chaingraph.store.sqlite import sqlite3


def whole_graph(conn: sqlite3.Connection) -> nx.MultiDiGraph:
    """Return every node and edge as a ``MultiDiGraph``: nodes carry ``label``,
    ``name`` and their properties; edges are keyed by type and carry ``type`` and
    their properties. Nodes come in the order they were first stored."""
    graph = nx.MultiDiGraph()
    with gc_paused():
        id_of: dict[int, str] = {}
        described = []
        for nid, i, lab, name, props in conn.execute("SELECT nid, id, label, name, props FROM nodes"):
            id_of[nid] = i
            if lab:
                described.append((i, node_attrs(lab, name, props)))
        graph.add_nodes_from(described)
        del described
        rows = conn.execute("SELECT src, type, dst, props FROM edges")
        # networkx's own add_edges_from would cost more than the whole read.
        add_keyed_edges(graph, ((id_of[s], t, id_of[d], p) for s, t, d, p in rows), edge_attrs)
    return graph


def graph_around(conn: sqlite3.Connection, around: set[str], depth: int) -> nx.MultiDiGraph:
    """Return the nodes within ``depth`` hops of the ids ``around``, in either
    direction, and the edges among them, shaped as :func:`whole_graph`. Raises
    :class:`NotFoundError` for an id that is not a node."""
    graph = nx.MultiDiGraph()
    keep = _neighbourhood(conn, around, depth)
    for chunk in chunks(sorted(keep), 500):
        marks = ",".join("?" * len(chunk))
        for i, lab, name, props in conn.execute(
                f"SELECT id, label, name, props FROM nodes WHERE id IN ({marks}) AND label<>''", chunk):
            graph.add_node(i, **node_attrs(lab, name, props))
        for s, t, d, p in conn.execute(
                f"SELECT src, type, dst, props FROM edge_ids WHERE src IN ({marks})", chunk):
            if d in keep:
                graph.add_edge(s, d, key=t, **edge_attrs(t, p))
    return graph


def _neighbourhood(conn: sqlite3.Connection, start: set[str], depth: int) -> set[str]:
    missing = [i for i in start if not conn.execute("SELECT 1 FROM nodes WHERE id=? AND label<>''", (i,)).fetchone()]
    if missing:
        raise NotFoundError(f"no node with id {missing[0]!r}")
    seen, frontier = set(start), set(start)
    for _ in range(depth):
        nxt: set[str] = set()
        for chunk in chunks(sorted(frontier), 500):
            marks = ",".join("?" * len(chunk))
            nxt.update(r[0] for r in conn.execute(f"SELECT dst FROM edge_ids WHERE src IN ({marks})", chunk))
            nxt.update(r[0] for r in conn.execute(f"SELECT src FROM edge_ids WHERE dst IN ({marks})", chunk))
        frontier = nxt - seen
        seen |= frontier
        if not frontier:
            break
    return seen


def degree_counts(conn: sqlite3.Connection, leave_out: Iterable[str] = ()) -> tuple[Counter, int]:
    """Return each node's number of edges, in and out, and the number of edges,
    both without the edges that touch a node of ``leave_out``."""
    degree: Counter = Counter()
    for column in ("src", "dst"):  # a fixed column name, not a value
        degree.update(dict(conn.execute(
            f"SELECT n.id, c.k FROM (SELECT {column} AS nid, count(*) AS k FROM edges GROUP BY {column}) AS c "
            "JOIN nodes AS n ON n.nid = c.nid")))
    n_edges = conn.execute("SELECT count(*) FROM edges").fetchone()[0]
    seen: set[tuple[str, str, str]] = set()
    for chunk in chunks(sorted(set(leave_out)), 500):
        marks = ",".join("?" * len(chunk))
        for column in ("src", "dst"):
            for edge in conn.execute(f"SELECT src, type, dst FROM edge_ids WHERE {column} IN ({marks})", chunk):
                if edge not in seen:
                    seen.add(edge)
                    degree[edge[0]] -= 1
                    degree[edge[2]] -= 1
    return degree, n_edges - len(seen)


def edge_pairs(conn: sqlite3.Connection, sources: Iterable[str], rel: RelType) -> list[tuple[str, str]]:
    """Return ``(src, dst)`` of every ``rel`` edge leaving one of ``sources``."""
    pairs: list[tuple[str, str]] = []
    for chunk in chunks(sorted(set(sources)), 500):
        marks = ",".join("?" * len(chunk))
        pairs.extend(conn.execute(f"SELECT src, dst FROM edge_ids WHERE type=? AND src IN ({marks})",
                                  (rel.value, *chunk)))
    return pairs


def props(text: str) -> dict[str, Any]:
    """Return stored properties (JSON text) as a dict."""
    # Most nodes and edges have no properties: skip the parse for them.
    return orjson.loads(text) if text != "{}" else {}


def node_attrs(label: str, name: str, text: str) -> dict[str, Any]:
    """Return a node's graph attributes: its properties, ``label`` and ``name``."""
    attrs = props(text)
    attrs["label"] = label
    attrs["name"] = name
    return attrs


def edge_attrs(typ: str, text: str) -> dict[str, Any]:
    """Return an edge's graph attributes: its properties and ``type``."""
    attrs = props(text)
    attrs["type"] = typ
    return attrs


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Yield ``items`` in lists of ``size`` (for ``IN (...)`` statements)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]
