"""The embedded default store: one SQLite file (WAL, versioned schema).

Upserts merge properties (newer values win per key, with ``json_patch``) and add
evidence without duplicates, so writing the same records twice changes nothing. The
store reads back into a networkx ``MultiDiGraph``, whole or around given nodes.

Over 400 lines because :class:`Store` is the one object callers hold: its methods
are short, each one statement or a call into the modules that do the work
(:mod:`~chaingraph.store.opening`, :mod:`~chaingraph.store.write`,
:mod:`~chaingraph.store.graph`, :mod:`~chaingraph.store.merge`), and they read best
together.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from chaingraph.errors import NotFoundError, StoreError
from chaingraph.identity import fold, name_key
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, Record, RelType
from chaingraph.store import graph
from chaingraph.store.evidence import decode_list, load_items
from chaingraph.store.merge import follow, merge_nodes, redirects
from chaingraph.store.opening import open_store
from chaingraph.store.schema import SCHEMA_VERSION
from chaingraph.store.sqlite import sqlite3
from chaingraph.store.write import KnownIds, UpsertStats, upsert_records

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "StoreStats", "UpsertStats"]

DEFAULT_DB = "chaingraph.db"


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


def _in_snapshot(method: Callable) -> Callable:
    """Make a :class:`Store` method that reads with several statements run them in
    one :meth:`Store.snapshot` (not for generators: the block would end at the
    first item)."""
    @functools.wraps(method)
    def in_snapshot(self: "Store", *args: Any, **kwargs: Any) -> Any:
        with self.snapshot():
            return method(self, *args, **kwargs)
    return in_snapshot


class Store:
    """A chaingraph graph in one SQLite file.

    Open with ``Store(path)`` (created when missing) and use as a context manager, or
    call :meth:`close`. Every write goes through :meth:`upsert`. Every read that
    takes more than one statement (the bulk readers, :meth:`stats`, ...) runs in
    one :meth:`snapshot`, so it sees one committed state even while another
    process writes.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no store here; run 'chaingraph ingest' first")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        self._snapshots = 0  # depth of the open snapshot() blocks
        self.read_only = False  # set when the file sits on a read-only filesystem
        self._redirects: dict[str, str] = {}  # merged-away ids -> their survivors
        self._known = KnownIds()
        self._writing = False  # an upsert is under way
        self._conn, self.read_only = open_store(self.path)
        self._redirects = redirects(self._conn)

    # -- lifecycle -------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        """The SQLite connection. Raises :class:`StoreError` while an upsert is under
        way: its writer thread holds the connection, and a read then would see a
        part of the write (an ingester reads what it needs before, see
        :meth:`reader`)."""
        if self._writing:
            raise StoreError(f"{self.path}: cannot read or write the store while an upsert is under way "
                             "(the records given to upsert must not come from this store's reads)")
        return self._conn

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def reader(self) -> "Store":
        """Return another :class:`Store` on the same file, with a connection of its
        own, for reads made while this one writes: read inside its
        :meth:`snapshot`, it sees the store as it was when the snapshot began,
        whatever this one writes meanwhile. Close it when done."""
        if self._conn.execute("PRAGMA locking_mode").fetchone()[0].lower() == "exclusive":
            raise StoreError(f"{self.path}: opened with its log index in memory (the disk was full), "
                             "so no second connection can read it; free some space and try again")
        return Store(self.path, create=False)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run the block's reads in one read transaction: from its first read to the
        end of the block every statement sees the same committed state, whatever
        other connections or processes commit meanwhile. Re-entrant: a snapshot
        opened inside another is the outer one. Inside an open transaction (a
        caller's own ``BEGIN``) that transaction already is the snapshot and is
        left open. Nothing may be written through this store inside the block
        (:meth:`upsert` raises :class:`StoreError`); a generator that reads
        inside it should be used up or closed before the block ends, as its later
        reads are no longer part of the snapshot."""
        if self._snapshots:
            self._snapshots += 1
            try:
                yield
            finally:
                self._snapshots -= 1
            return
        conn = self.conn  # waits for the batches of an upsert under way
        # A deferred BEGIN: no lock until the first read, which fixes the
        # snapshot (WAL mode); it never blocks or is blocked by a writer.
        began = not conn.in_transaction
        if began:
            conn.execute("BEGIN")
        self._snapshots = 1
        try:
            yield
        finally:
            self._snapshots = 0
            if began and conn.in_transaction:
                conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: on a read-only filesystem; chaingraph can read "
                             "this store but not write to it")
        if self._snapshots:
            raise StoreError(f"{self.path}: cannot write inside a read snapshot")

    def upsert(self, records: Iterable[Record], *, batch_size: int = 50000,
               progress: Callable[[int], None] | None = None) -> UpsertStats:
        """Merge node and edge records into the store, ``batch_size`` to a batch
        (several batches to a transaction), and return how many of each were taken. ``progress`` is called
        with the number of records of each batch. The records must not come from
        reads of this store made while they are written (read first, or read
        through :meth:`reader`); a :data:`~chaingraph.model.BATCH_END` among them
        ends a batch early. Raises :class:`StoreError` inside a :meth:`snapshot`
        or another upsert."""
        self._check_writable()
        conn = self.conn
        if self._redirects:
            records = _redirected(records, self._redirects)
        self._writing = True
        try:
            return upsert_records(conn, self._known, self.path, records, batch_size, progress)
        finally:
            self._writing = False

    def merge(self, pairs: Iterable[tuple[str, str]],
              choose_name: Callable[[str, str, dict, dict], str] | None = None) -> int:
        """Merge each ``(old id, survivor id)`` of ``pairs`` (see
        :func:`chaingraph.store.merge.merge_nodes`) and return how many nodes were
        merged away; later records under an old id go to its survivor."""
        self._check_writable()
        try:
            done = merge_nodes(self.conn, pairs, choose_name)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not merge nodes ({exc})") from exc
        finally:
            self._known.clear()
        self._redirects = redirects(self.conn)
        return done

    def merged_ids(self) -> dict[str, str]:
        """Return every id merged away with the id of the node that holds it now."""
        return redirects(self.conn)

    def record_decisions(self, decisions: Iterable[tuple[str, str, str]]) -> None:
        """Keep reviewers' ``(id a, id b, 'accept' or 'reject')`` decisions on firm
        pairs; a later decision on a pair replaces the earlier."""
        from chaingraph.store.schema import write_transaction

        self._check_writable()
        with write_transaction(self.conn):
            self.conn.executemany("INSERT OR REPLACE INTO decisions (a, b, decision) VALUES (?, ?, ?)",
                                  list(decisions))

    # -- reading single items ----------------------------------------------------
    @_in_snapshot
    def get_node(self, node_id: str) -> NodeRecord | None:
        """Return the node with ``node_id`` (or the node it was merged into) and its
        evidence, or None."""
        node_id = follow(self.conn, node_id)
        row = self.conn.execute("SELECT id, label, name, props FROM nodes WHERE id=? AND label<>''", (node_id,)).fetchone()
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
        row = self.conn.execute("SELECT evidence FROM nodes WHERE id=? AND label<>''", (owner,)).fetchone()
        if row is None:
            for rel in RelType:
                marker = f"|{rel.value}|"
                if marker in owner:
                    src, dst = owner.split(marker, 1)
                    row = self.conn.execute("SELECT evidence FROM edge_ids WHERE src=? AND type=? AND dst=?",
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
                "SELECT id, evidence FROM nodes WHERE instr(evidence, ?) > 0 AND label<>'' AND (? IS NULL OR label=?) ORDER BY id",
                (json.dumps(source), lab, lab)):
            rows = sorted({i[1] for i in orjson.loads(evidence) if i[0] == source and i[1] >= 0 and not i[4]})
            if rows:
                out[node_id] = rows
        return out

    @_in_snapshot
    def edges_of(self, node_id: str) -> list[EdgeRecord]:
        """Return every edge into or out of ``node_id``, with evidence."""
        rows = self.conn.execute(
            "SELECT src, type, dst, props FROM edge_ids WHERE src=? UNION "
            "SELECT src, type, dst, props FROM edge_ids WHERE dst=? ORDER BY 2, 1, 3",
            (node_id, node_id)).fetchall()
        out = []
        for src, typ, dst, props in rows:
            edge = EdgeRecord(type=RelType(typ), src=src, dst=dst, props=json.loads(props))
            edge.evidence = self.evidence(edge.key)
            out.append(edge)
        return out

    @_in_snapshot
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
            "SELECT id FROM nodes WHERE id=? AND label<>'' AND (? IS NULL OR label=?)",
            (follow(self.conn, name), lab, lab)))
        key = name_key(name)
        if key:
            # Every name a node has been given is in the names table, under its key.
            labels = [label.value] if label else [x.value for x in Label]
            add(r[0] for r in self.conn.execute(
                f"SELECT DISTINCT node_id FROM names WHERE label IN ({','.join('?' * len(labels))}) "
                "AND key=? AND surface=? ORDER BY node_id", (*labels, key, name)))
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
    def iter_nodes(self, label: Label | None = None, *, evidence: bool = False) -> Iterator[NodeRecord]:
        """Yield every node, optionally of one label, by id; with its evidence
        (read from the same row) when ``evidence`` is set, else without. One
        statement: read nodes and edges inside one :meth:`snapshot` to get both
        from the same state."""
        sql = "SELECT id, label, name, props, " + ("evidence" if evidence else "''") + " FROM nodes WHERE "
        args: tuple = ()
        if label is not None:
            sql += "label=?"
            args = (label.value,)
        else:
            sql += "label<>''"
        labels = {label.value: label for label in Label}
        for node_id, lab, name, props, items in self.conn.execute(sql + " ORDER BY id", args):
            yield NodeRecord(id=node_id, label=labels[lab], name=name, props=graph.props(props),
                             evidence=decode_list(items) if evidence else [])

    def iter_edges(self, rel: RelType | None = None, *, evidence: bool = False) -> Iterator[EdgeRecord]:
        """Yield every edge, optionally of one type, grouped by their source node in
        the order the nodes were first stored; with its evidence when ``evidence``
        is set, else without (see :meth:`iter_nodes` on reading both)."""
        sql = "SELECT src, type, dst, props, " + ("evidence" if evidence else "''") + " FROM edge_ids"
        args: tuple = ()
        if rel is not None:
            sql += " WHERE type=?"
            args = (rel.value,)
        types = {rel.value: rel for rel in RelType}
        for src, typ, dst, props, items in self.conn.execute(sql + " ORDER BY src_nid, type, dst_nid", args):
            yield EdgeRecord(type=types[typ], src=src, dst=dst, props=graph.props(props),
                             evidence=decode_list(items) if evidence else [])

    def iter_node_rows(self, label: Label) -> Iterator[tuple[str, str, dict[str, Any], list[list]]]:
        """Yield ``(id, name, props, evidence items)`` for every node of ``label``, by
        id: the evidence as stored (see :func:`chaingraph.store.evidence.load_items`),
        for bulk readers such as the Neo4j loader that need no :class:`Evidence`
        objects (making them was a third of a load's reading)."""
        for node_id, name, props, items in self.conn.execute(
                "SELECT id, name, props, evidence FROM nodes WHERE label=? ORDER BY id", (label.value,)):
            yield node_id, name, graph.props(props), load_items(items)

    def iter_edge_rows(self, rel: RelType) -> Iterator[tuple[str, str, dict[str, Any], list[list]]]:
        """Yield ``(src id, dst id, props, evidence items)`` for every edge of type
        ``rel``, in :meth:`iter_edges` order, the evidence as :meth:`iter_node_rows`
        gives it."""
        for src, dst, props, items in self.conn.execute(
                "SELECT src, dst, props, evidence FROM edge_ids WHERE type=? ORDER BY src_nid, type, dst_nid",
                (rel.value,)):
            yield src, dst, graph.props(props), load_items(items)

    @_in_snapshot
    def stats(self) -> StoreStats:
        """Return node counts per label, edge counts per type and the evidence count."""
        labels = dict(self.conn.execute("SELECT label, count(*) FROM nodes WHERE label<>'' GROUP BY label ORDER BY label"))
        types = dict(self.conn.execute("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type"))
        evidence = sum(r[0] for r in self.conn.execute(
            "SELECT coalesce(sum(json_array_length(evidence)), 0) FROM nodes UNION ALL "
            "SELECT coalesce(sum(json_array_length(evidence)), 0) FROM edges"))
        return StoreStats(labels=labels, types=types, nodes=sum(labels.values()),
                          edges=sum(types.values()), evidence=evidence)

    # -- networkx ----------------------------------------------------------------
    @_in_snapshot
    def to_networkx(self, around: Iterable[str] | None = None, depth: int = 1) -> nx.MultiDiGraph:
        """Return the graph as a ``MultiDiGraph``: nodes carry ``label``, ``name`` and
        their properties; edges are keyed by type and carry ``type`` and their
        properties. With ``around`` (node ids), only the nodes within ``depth`` hops
        of them in either direction, and the edges among those. Raises
        :class:`NotFoundError` for an id of ``around`` that is not a node."""
        if around is None:
            return graph.whole_graph(self.conn)
        return graph.graph_around(self.conn, set(around), depth)

    def is_empty(self) -> bool:
        """True when the store holds no node."""
        return self.conn.execute("SELECT 1 FROM nodes WHERE label<>'' LIMIT 1").fetchone() is None

    def node_labels(self) -> dict[str, str]:
        """Return every node id with its label's name."""
        return dict(self.conn.execute("SELECT id, label FROM nodes WHERE label<>''"))

    @_in_snapshot
    def degree_counts(self, leave_out: Iterable[str] = ()) -> tuple[Counter, int]:
        """Return each node's number of edges, in and out, and the number of edges,
        both without the edges that touch a node of ``leave_out``. Two index scans:
        no graph is read."""
        return graph.degree_counts(self.conn, leave_out)

    @_in_snapshot
    def edge_pairs(self, sources: Iterable[str], rel: RelType) -> list[tuple[str, str]]:
        """Return ``(src, dst)`` of every ``rel`` edge leaving one of ``sources``."""
        return graph.edge_pairs(self.conn, sources, rel)


def _redirected(records: Iterable[Record], moved: dict[str, str]) -> Iterator[Record]:
    """Yield ``records`` with ids merged away replaced by their survivors'; an edge
    that becomes a loop by it (two names of one firm) is left out."""
    for rec in records:
        if type(rec) is EdgeRecord:
            src, dst = moved.get(rec.src, rec.src), moved.get(rec.dst, rec.dst)
            if src == dst and (rec.src != src or rec.dst != dst):
                continue
            rec.src, rec.dst = src, dst
        elif type(rec) is NodeRecord and rec.id in moved:
            rec.id = moved[rec.id]
        yield rec


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
