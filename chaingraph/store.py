"""The embedded default store: one SQLite file (WAL, versioned schema).

Upserts merge properties (newer values win per key, with ``json_patch``) and add
evidence without duplicates, so writing the same records twice changes nothing. The
store reads back into a networkx ``MultiDiGraph``, whole or around given nodes.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from chaingraph.errors import NotFoundError, StoreError
from chaingraph.identity import fold, name_key
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, Record, RelType
from chaingraph.store_evidence import decode_list, dedup, encode, ev_merge
from chaingraph.store_schema import SCHEMA_VERSION, INSERT_NAME, UPSERT_EDGE, UPSERT_NODE, migrate

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "StoreStats", "UpsertStats", "ev_merge"]

DEFAULT_DB = "chaingraph.db"


@dataclass
class UpsertStats:
    """How many records an upsert took, by kind."""

    nodes: int = 0
    edges: int = 0
    evidence: int = 0

    def add(self, other: "UpsertStats") -> None:
        """Add ``other``'s counts to these."""
        self.nodes += other.nodes
        self.edges += other.edges
        self.evidence += other.evidence


@dataclass
class StoreStats:
    """Counts of what a store holds."""

    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    nodes: int = 0
    edges: int = 0
    evidence: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as a JSON-ready dict."""
        return {"nodes": self.nodes, "edges": self.edges, "evidence": self.evidence,
                "labels": self.labels, "types": self.types}


def _clean_props(props: dict[str, Any]) -> dict[str, Any]:
    # json_patch deletes keys whose value is null; drop them up front so a batch
    # merged in Python and one merged in SQLite agree.
    if not props:
        return {}
    if None in props.values():
        return {k: v for k, v in props.items() if v is not None}
    return dict(props)


def _better_name(old: str, new: str) -> str:
    """The fuller of two names (the longer; the smaller on a tie), so the kept name
    does not depend on the order records arrive in."""
    if len(new) > len(old) or (len(new) == len(old) and new < old):
        return new
    return old


class Store:
    """A chaingraph graph in one SQLite file.

    Open with ``Store(path)`` (created when missing) and use as a context manager, or
    call :meth:`close`. Every write goes through :meth:`upsert`.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no store here; run 'chaingraph ingest' first")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.create_function("ev_merge", 2, ev_merge, deterministic=True)
            # Bigger pages mean fewer B-tree splits for the long text keys (measured
            # ~18% less CPU on bulk edge upserts); it only takes on a new file.
            self.conn.execute("PRAGMA page_size=16384")
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # Up to 1 GiB of page cache, taken only as the file grows: a 1M-firm store
            # (1.3 GB) then upserts mostly in memory (measured 29k -> 35k records/s).
            self.conn.execute("PRAGMA cache_size=-1048576")
            self.conn.execute("PRAGMA temp_store=MEMORY")
            self.conn.execute("PRAGMA wal_autocheckpoint=20000")
            migrate(self.conn, self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a chaingraph store ({exc})") from exc

    # -- lifecycle -------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------
    def upsert(self, records: Iterable[Record], *, batch_size: int = 20000,
               progress: Callable[[int], None] | None = None) -> UpsertStats:
        """Merge node and edge records into the store, ``batch_size`` to a
        transaction, and return how many of each were taken. ``progress`` is called
        with the number of records after each batch."""
        total = UpsertStats()
        batch: list[Record] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                total.add(self._write_batch(batch))
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            total.add(self._write_batch(batch))
            if progress:
                progress(len(batch))
        return total

    def _write_batch(self, batch: list[Record]) -> UpsertStats:
        with _gc_paused():
            return self._write_batch_now(batch)

    def _write_batch_now(self, batch: list[Record]) -> UpsertStats:
        # Records repeat within a batch (a city on every row of a list): merge them
        # here first, so that each node and edge is written once per batch.
        nodes: dict[str, list] = {}
        edges: dict[tuple[str, str, str], list] = {}
        names: set[tuple[str, str, str, str]] = set()
        n_nodes = n_edges = n_evidence = 0
        for rec in batch:
            items = [encode(ev) for ev in rec.evidence]
            n_evidence += len(items)
            if type(rec) is NodeRecord or isinstance(rec, NodeRecord):
                n_nodes += 1
                label = rec.label._value_
                entry = nodes.get(rec.id)
                if entry is None:
                    nodes[rec.id] = [label, rec.name, _clean_props(rec.props), items]
                else:
                    entry[1] = _better_name(entry[1], rec.name)
                    entry[2].update(_clean_props(rec.props))
                    entry[3] = entry[3] + items
                for surface in (rec.name, *rec.aliases) if rec.aliases else (rec.name,):
                    if surface:
                        names.add((label, _cached_key(surface), rec.id, surface))
            elif isinstance(rec, EdgeRecord):
                n_edges += 1
                key = (rec.src, rec.type._value_, rec.dst)
                entry = edges.get(key)
                if entry is None:
                    edges[key] = [_clean_props(rec.props), items]
                else:
                    entry[0].update(_clean_props(rec.props))
                    entry[1] = entry[1] + items
            else:
                raise StoreError(f"the store takes NodeRecord and EdgeRecord, not {type(rec).__name__}")
        dumps, opt = orjson.dumps, orjson.OPT_SORT_KEYS
        node_rows = [(i, e[0], e[1], dumps(e[2], option=opt).decode() if e[2] else "{}",
                      dumps(dedup(e[3])).decode()) for i, e in nodes.items()]
        edge_rows = [(*k, dumps(e[0], option=opt).decode() if e[0] else "{}",
                      dumps(dedup(e[1])).decode()) for k, e in edges.items()]
        # Key order keeps B-tree inserts local, which SQLite rewards.
        node_rows.sort(key=_first)
        edge_rows.sort(key=_first_three)
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            cur.executemany(UPSERT_NODE, node_rows)
            cur.executemany(INSERT_NAME, names)
            cur.executemany(UPSERT_EDGE, edge_rows)
            cur.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                cur.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed ({exc})") from exc
        return UpsertStats(nodes=n_nodes, edges=n_edges, evidence=n_evidence)

    # -- reading single items ----------------------------------------------------
    def get_node(self, node_id: str) -> NodeRecord | None:
        """Return the node with ``node_id`` and its evidence, or None."""
        row = self.conn.execute("SELECT id, label, name, props FROM nodes WHERE id=?", (node_id,)).fetchone()
        if row is None:
            return None
        aliases = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT surface FROM names WHERE node_id=? AND surface<>? ORDER BY surface",
            (node_id, row[2]))]
        return NodeRecord(id=row[0], label=Label(row[1]), name=row[2], props=json.loads(row[3]),
                          evidence=self.evidence(node_id), aliases=aliases)

    def evidence(self, owner: str) -> list[Evidence]:
        """Return the evidence kept for a node id or an edge key (``src|TYPE|dst``),
        ordered by source, row and start."""
        row = self.conn.execute("SELECT evidence FROM nodes WHERE id=?", (owner,)).fetchone()
        if row is None:
            for rel in RelType:
                marker = f"|{rel.value}|"
                if marker in owner:
                    src, dst = owner.split(marker, 1)
                    row = self.conn.execute("SELECT evidence FROM edges WHERE src=? AND type=? AND dst=?",
                                            (src, rel.value, dst)).fetchone()
                    if row is not None:
                        break
        return decode_list(row[0]) if row else []

    def rows_by_source(self, source: str, label: Label | None = None) -> dict[str, list[int]]:
        """Return, for every node with evidence from list ``source``, the rows of that
        source it was read from (direct readings only, not inferred ones)."""
        lab = label.value if label else None
        out: dict[str, list[int]] = {}
        for node_id, evidence in self.conn.execute(
                "SELECT id, evidence FROM nodes WHERE instr(evidence, ?) > 0 AND (? IS NULL OR label=?) ORDER BY id",
                (json.dumps(source), lab, lab)):
            rows = sorted({i[1] for i in orjson.loads(evidence) if i[0] == source and i[1] >= 0 and not i[4]})
            if rows:
                out[node_id] = rows
        return out

    def edges_of(self, node_id: str) -> list[EdgeRecord]:
        """Return every edge into or out of ``node_id``, with evidence."""
        rows = self.conn.execute(
            "SELECT src, type, dst, props FROM edges WHERE src=? UNION "
            "SELECT src, type, dst, props FROM edges WHERE dst=? ORDER BY 2, 1, 3",
            (node_id, node_id)).fetchall()
        out = []
        for src, typ, dst, props in rows:
            edge = EdgeRecord(type=RelType(typ), src=src, dst=dst, props=json.loads(props))
            edge.evidence = self.evidence(edge.key)
            out.append(edge)
        return out

    def find_nodes(self, name: str, label: Label | None = None, limit: int = 20) -> list[NodeRecord]:
        """Return the nodes ``name`` may mean, best first: an exact id, an exact
        name, a name or alias with the same key, then names containing it."""
        found: list[str] = []

        def add(ids: Iterable[str]) -> None:
            for node_id in ids:
                if node_id not in found:
                    found.append(node_id)

        lab = label.value if label else None
        add(r[0] for r in self.conn.execute(
            "SELECT id FROM nodes WHERE id=? AND (? IS NULL OR label=?)", (name, lab, lab)))
        add(r[0] for r in self.conn.execute(
            "SELECT id FROM nodes WHERE name=? AND (? IS NULL OR label=?) ORDER BY id", (name, lab, lab)))
        key = name_key(name)
        if key:
            add(self.ids_by_key(key, label))
        if not found and key:
            add(r[0] for r in self.conn.execute(
                "SELECT DISTINCT node_id FROM names WHERE key LIKE ? ESCAPE '\\' "
                "AND (? IS NULL OR label=?) ORDER BY length(key), node_id LIMIT ?",
                ("%" + _like_escape(key) + "%", lab, lab, limit)))
        nodes = [self.get_node(i) for i in found[:limit]]
        return [n for n in nodes if n is not None]

    def resolve(self, name: str, label: Label | None = None) -> NodeRecord:
        """Return the one node ``name`` means, or raise :class:`NotFoundError` naming
        the candidates when there are none or several."""
        nodes = self.find_nodes(name, label)
        if not nodes:
            raise NotFoundError(f"no node named {name!r}")
        exact = [n for n in nodes if n.id == name or n.name == name or fold(n.name) == fold(name)]
        if len(exact) == 1:
            return exact[0]
        keyed = [n for n in nodes if name_key(n.name) == name_key(name)
                 or any(name_key(a) == name_key(name) for a in n.aliases)]
        if len(keyed) == 1:
            return keyed[0]
        if len(nodes) == 1:
            return nodes[0]
        shown = ", ".join(f"{n.name} ({n.id})" for n in nodes[:5])
        raise NotFoundError(f"{name!r} is ambiguous: {shown}; give the id instead")

    def ids_by_key(self, key: str, label: Label | None = None) -> list[str]:
        """Return the ids of nodes one of whose names has ``key`` (see
        :func:`chaingraph.identity.name_key`)."""
        # Name the label column plainly so the primary key (label, key, node_id) is
        # used: "(? IS NULL OR label=?)" made SQLite scan the whole names table.
        labels = [label.value] if label else [lab.value for lab in Label]
        marks = ",".join("?" * len(labels))
        return [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT node_id FROM names WHERE label IN ({marks}) AND key=? ORDER BY node_id",
            (*labels, key))]

    # -- reading in bulk ----------------------------------------------------------
    def iter_nodes(self, label: Label | None = None) -> Iterator[NodeRecord]:
        """Yield every node (without evidence), optionally of one label, by id."""
        sql = "SELECT id, label, name, props FROM nodes"
        args: tuple = ()
        if label is not None:
            sql += " WHERE label=?"
            args = (label.value,)
        for node_id, lab, name, props in self.conn.execute(sql + " ORDER BY id", args):
            yield NodeRecord(id=node_id, label=Label(lab), name=name, props=json.loads(props))

    def iter_edges(self, rel: RelType | None = None) -> Iterator[EdgeRecord]:
        """Yield every edge (without evidence), optionally of one type."""
        sql = "SELECT src, type, dst, props FROM edges"
        args: tuple = ()
        if rel is not None:
            sql += " WHERE type=?"
            args = (rel.value,)
        for src, typ, dst, props in self.conn.execute(sql + " ORDER BY src, type, dst", args):
            yield EdgeRecord(type=RelType(typ), src=src, dst=dst, props=json.loads(props))

    def iter_evidence(self) -> Iterator[tuple[str, Evidence]]:
        """Yield ``(owner, evidence)`` for all evidence, grouped by owner: node ids
        first, then edge keys (``src|TYPE|dst``)."""
        for node_id, evidence in self.conn.execute("SELECT id, evidence FROM nodes ORDER BY id"):
            for ev in decode_list(evidence):
                yield node_id, ev
        for src, typ, dst, evidence in self.conn.execute(
                "SELECT src, type, dst, evidence FROM edges ORDER BY src, type, dst"):
            key = f"{src}|{typ}|{dst}"
            for ev in decode_list(evidence):
                yield key, ev

    def stats(self) -> StoreStats:
        """Return node counts per label, edge counts per type and the evidence count."""
        labels = dict(self.conn.execute("SELECT label, count(*) FROM nodes GROUP BY label ORDER BY label"))
        types = dict(self.conn.execute("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type"))
        evidence = sum(r[0] for r in self.conn.execute(
            "SELECT coalesce(sum(json_array_length(evidence)), 0) FROM nodes UNION ALL "
            "SELECT coalesce(sum(json_array_length(evidence)), 0) FROM edges"))
        return StoreStats(labels=labels, types=types, nodes=sum(labels.values()),
                          edges=sum(types.values()), evidence=evidence)

    # -- networkx ----------------------------------------------------------------
    def to_networkx(self, around: Iterable[str] | None = None, depth: int = 1) -> nx.MultiDiGraph:
        """Return the graph as a ``MultiDiGraph``: nodes carry ``label``, ``name`` and
        their properties; edges are keyed by type and carry ``type`` and their
        properties. With ``around`` (node ids), only the nodes within ``depth`` hops
        of them in either direction, and the edges among those."""
        graph = nx.MultiDiGraph()
        if around is None:
            with _gc_paused():
                rows = self.conn.execute("SELECT id, label, name, props FROM nodes")
                graph.add_nodes_from((i, _node_attrs(lab, name, props)) for i, lab, name, props in rows)
                rows = self.conn.execute("SELECT src, type, dst, props FROM edges")
                _add_keyed_edges(graph, rows)
            return graph
        keep = self._neighbourhood(set(around), depth)
        for chunk in _chunks(sorted(keep), 500):
            marks = ",".join("?" * len(chunk))
            for i, lab, name, props in self.conn.execute(
                    f"SELECT id, label, name, props FROM nodes WHERE id IN ({marks})", chunk):
                graph.add_node(i, **_node_attrs(lab, name, props))
            for s, t, d, p in self.conn.execute(
                    f"SELECT src, type, dst, props FROM edges WHERE src IN ({marks})", chunk):
                if d in keep:
                    graph.add_edge(s, d, key=t, **_edge_attrs(t, p))
        return graph

    def _neighbourhood(self, start: set[str], depth: int) -> set[str]:
        missing = [i for i in start if not self.conn.execute("SELECT 1 FROM nodes WHERE id=?", (i,)).fetchone()]
        if missing:
            raise NotFoundError(f"no node with id {missing[0]!r}")
        seen, frontier = set(start), set(start)
        for _ in range(depth):
            nxt: set[str] = set()
            for chunk in _chunks(sorted(frontier), 500):
                marks = ",".join("?" * len(chunk))
                nxt.update(r[0] for r in self.conn.execute(f"SELECT dst FROM edges WHERE src IN ({marks})", chunk))
                nxt.update(r[0] for r in self.conn.execute(f"SELECT src FROM edges WHERE dst IN ({marks})", chunk))
            frontier = nxt - seen
            seen |= frontier
            if not frontier:
                break
        return seen

    def node_labels(self) -> dict[str, str]:
        """Return every node id with its label's name."""
        return dict(self.conn.execute("SELECT id, label FROM nodes"))

    def degree_counts(self, leave_out: Iterable[str] = ()) -> tuple[Counter, int]:
        """Return each node's number of edges, in and out, and the number of edges,
        both without the edges that touch a node of ``leave_out``. Two index scans:
        no graph is read."""
        degree: Counter = Counter(dict(self.conn.execute("SELECT src, count(*) FROM edges GROUP BY src")))
        degree.update(dict(self.conn.execute("SELECT dst, count(*) FROM edges GROUP BY dst")))
        n_edges = self.conn.execute("SELECT count(*) FROM edges").fetchone()[0]
        seen: set[tuple[str, str, str]] = set()
        for chunk in _chunks(sorted(set(leave_out)), 500):
            marks = ",".join("?" * len(chunk))
            for column in ("src", "dst"):
                for edge in self.conn.execute(f"SELECT src, type, dst FROM edges WHERE {column} IN ({marks})", chunk):
                    if edge not in seen:
                        seen.add(edge)
                        degree[edge[0]] -= 1
                        degree[edge[2]] -= 1
        return degree, n_edges - len(seen)

    def edge_pairs(self, sources: Iterable[str], rel: RelType) -> list[tuple[str, str]]:
        """Return ``(src, dst)`` of every ``rel`` edge leaving one of ``sources``."""
        pairs: list[tuple[str, str]] = []
        for chunk in _chunks(sorted(set(sources)), 500):
            marks = ",".join("?" * len(chunk))
            pairs.extend(self.conn.execute(f"SELECT src, dst FROM edges WHERE type=? AND src IN ({marks})",
                                           (rel.value, *chunk)))
        return pairs


def _first(row: tuple) -> str:
    return row[0]


def _first_three(row: tuple) -> tuple:
    return row[:3]


@lru_cache(maxsize=200_000)
def _cached_key(surface: str) -> str:
    return name_key(surface)


def _node_attrs(label: str, name: str, props: str) -> dict[str, Any]:
    attrs = orjson.loads(props) if props != "{}" else {}
    attrs["label"] = label
    attrs["name"] = name
    return attrs


def _edge_attrs(typ: str, props: str) -> dict[str, Any]:
    # Most edges have no properties: skip the parse for them.
    attrs = orjson.loads(props) if props != "{}" else {}
    attrs["type"] = typ
    return attrs


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small dicts are made:
    they hold no cycles, and its repeated passes over them would double the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _add_keyed_edges(graph: nx.MultiDiGraph, rows: Iterable[tuple[str, str, str, str]]) -> None:
    """Add ``(src, type, dst, props)`` rows as edges keyed by type. Does what
    ``add_edges_from`` does, straight into the adjacency dicts: networkx's own loop
    costs more than the whole read otherwise (the store has one edge per key, so
    no key is ever taken twice)."""
    succ, pred, add_node = graph._succ, graph._pred, graph.add_node
    new_keydict = graph.edge_key_dict_factory
    for src, typ, dst, props in rows:
        if src not in succ:
            add_node(src)
        if dst not in succ:
            add_node(dst)
        keydict = succ[src].get(dst)
        if keydict is None:
            keydict = new_keydict()
            succ[src][dst] = keydict
            pred[dst][src] = keydict
        keydict[typ] = _edge_attrs(typ, props)
    nx._clear_cache(graph)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
