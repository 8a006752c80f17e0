"""The embedded store's write path: records are merged and encoded in batches; a
long stream of them is written by a child process while the next batch is being
prepared, so that the producer (an ingester), the encoding and SQLite's B-tree work
use both cores.
"""

from __future__ import annotations

import gc
import os
import marshal
import sqlite3
import queue
import resource
import select
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from chaingraph.errors import StoreError
from chaingraph.identity import name_key, recent_name_key
from chaingraph.model import EdgeRecord, NodeRecord, Record
from chaingraph.store_evidence import dedup, ev_merge
from chaingraph.store_schema import (INSERT_NAME, INSERT_PLACEHOLDER, MAX_NID, NIDS_OF, UPSERT_EDGE, UPSERT_NODE,
                                     drop_bulk_index, has_bulk_index, restore_bulk_index, write_transaction)


@dataclass
class UpsertStats:
    """How many records an upsert took, by kind, and the peak memory (MB) of the
    writer process when one was used (0.0 otherwise)."""

    nodes: int = 0
    edges: int = 0
    evidence: int = 0
    writer_peak_mb: float = 0.0

    def add(self, other: "UpsertStats") -> None:
        """Add ``other``'s counts to these (and keep the larger writer peak)."""
        self.nodes += other.nodes
        self.edges += other.edges
        self.evidence += other.evidence
        self.writer_peak_mb = max(self.writer_peak_mb, other.writer_peak_mb)

    def to_dict(self) -> dict[str, int]:
        """Return the counts (not the memory figure) as a JSON-ready dict."""
        return {"nodes": self.nodes, "edges": self.edges, "evidence": self.evidence}


@dataclass
class PreparedBatch:
    """One transaction's worth of rows, merged and encoded. Edges whose ends already
    have numbers are keyed by them; the rest wait for the writer to number them.
    A name's key is None when this process has not computed it lately: the writer
    process computes those, as it has CPU to spare while this one prepares the next
    batch (an ingester has usually just computed the key of the names it gives)."""

    nodes: list[tuple[str, str, str, str, str]]      # id, label, name, props, evidence
    numbered: list[tuple[int, str, int, str, str]]   # src nid, type, dst nid, props, evidence
    named: list[tuple[str, str, str, str, str]]      # src, type, dst, props, evidence
    names: list[tuple[str, str | None, str, str]]    # label, key, node id, surface
    stats: UpsertStats


def prepare_batch(batch: list[Record], known: dict[str, int]) -> PreparedBatch:
    """Merge the records of one batch (a city repeats on every row of a list, so it
    is written once), encode their properties and evidence as JSON, and key the edges
    whose ends ``known`` numbers; return the rows, in the order the B-trees take
    them best. Raises :class:`StoreError` for anything that is not a record."""
    nodes: dict[str, list] = {}
    edges: dict[tuple[str, str, str], list] = {}
    names: set[tuple[str, str | None, str, str]] = set()
    recent_key = recent_name_key
    n_nodes = n_edges = n_evidence = 0
    # The loop is written out by hand (no helper calls, props copied only when two
    # records merge, one piece of evidence handled without a loop): it runs once per
    # record, millions of times.
    for rec in batch:
        kind = type(rec)
        if kind is not NodeRecord and kind is not EdgeRecord:
            if isinstance(rec, NodeRecord):
                kind = NodeRecord
            elif isinstance(rec, EdgeRecord):
                kind = EdgeRecord
            else:
                raise StoreError(f"the store takes NodeRecord and EdgeRecord, not {type(rec).__name__}")
        # store_evidence.encode(), written out; null props are dropped because
        # json_patch deletes keys whose value is null, and both merges must agree.
        evidence = rec.evidence
        if len(evidence) == 1:
            e = evidence[0]
            items = [(e.source, -1 if e.row is None else e.row, -1 if e.start is None else e.start,
                      -1 if e.end is None else e.end, e.note or "", e.sentence or "")]
            n_evidence += 1
        else:
            items = [(e.source, -1 if e.row is None else e.row, -1 if e.start is None else e.start,
                      -1 if e.end is None else e.end, e.note or "", e.sentence or "") for e in evidence]
            n_evidence += len(items)
        props = rec.props
        if props and None in props.values():
            props = {k: v for k, v in props.items() if v is not None}
        if kind is EdgeRecord:
            n_edges += 1
            key = (rec.src, rec.type._value_, rec.dst)
            entry = edges.get(key)
            if entry is None:
                edges[key] = [props, items]
            else:
                entry[0] = {**entry[0], **props} if props else entry[0]
                entry[1].extend(items)
        else:
            n_nodes += 1
            label = rec.label._value_
            node_id, name = rec.id, rec.name
            entry = nodes.get(node_id)
            if entry is None:
                nodes[node_id] = [label, name, props, items]
            else:
                entry[1] = better_name(entry[1], name)
                entry[2] = {**entry[2], **props} if props else entry[2]
                entry[3].extend(items)
            if name:
                names.add((label, recent_key(name), node_id, name))
            for surface in rec.aliases:
                if surface:
                    names.add((label, recent_key(surface), node_id, surface))
    dumps, opt = orjson.dumps, orjson.OPT_SORT_KEYS
    node_rows = [(i, e[0], e[1], dumps(e[2], option=opt).decode() if e[2] else "{}",
                  dumps(e[3] if len(e[3]) == 1 else dedup(e[3])).decode()) for i, e in nodes.items()]
    numbered, named = [], []
    add_numbered, add_named = numbered.append, named.append
    nid = known.get
    for (src, typ, dst), (props, items) in edges.items():
        props = dumps(props, option=opt).decode() if props else "{}"
        evidence = dumps(items if len(items) == 1 else dedup(items)).decode()
        s, d = nid(src), nid(dst)
        if s and d:
            add_numbered((s, typ, d, props, evidence))
        else:
            add_named((src, typ, dst, props, evidence))
    numbered.sort()
    return PreparedBatch(node_rows, numbered, named, list(names), UpsertStats(n_nodes, n_edges, n_evidence))


class NodeNumbers:
    """The node numbers (nid) of recently written ids, so that edges can be keyed
    without asking SQLite for each end. Holds at most ``limit`` ids; the older half
    is forgotten when full. A number never changes once given (nodes are never
    deleted), so a remembered one is always right."""

    def __init__(self, limit: int = 2_000_000):
        self.limit = limit
        self.known: dict[str, int] = {}

    def update(self, pairs: dict[str, int]) -> None:
        """Remember ``pairs`` (id -> nid), forgetting the oldest half when full."""
        self.known.update(pairs)
        if len(self.known) > self.limit:
            keep = list(self.known.items())[len(self.known) // 2:]
            self.known = dict(keep)


def _write_batch(cur: sqlite3.Cursor, known: dict[str, int], batch: PreparedBatch) -> dict[str, int]:
    """Write one batch inside the open transaction: number the new nodes (and give a
    placeholder row to ids only an edge names), then upsert nodes, names and edges;
    return the numbers of the ids it had to look up or give."""
    node_ids = {row[0] for row in batch.nodes}
    wanted = set(node_ids)
    for src, _, dst, _, _ in batch.named:
        wanted.add(src)
        wanted.add(dst)
    missing = [i for i in wanted if i not in known]
    found = dict(cur.execute(NIDS_OF, (orjson.dumps(missing).decode(),))) if missing else {}
    new_ids = sorted(i for i in missing if i not in found)
    if new_ids:
        # New numbers follow arrival order, so the edges of new nodes append; within
        # a batch they follow the ids, so the id index is written in order too.
        start = cur.execute(MAX_NID).fetchone()[0] + 1
        found.update(zip(new_ids, range(start, start + len(new_ids))))
    nid = known.get
    local = found.get
    cur.executemany(INSERT_PLACEHOLDER, [(found[i], i) for i in new_ids if i not in node_ids])
    node_rows = [(nid(r[0]) or local(r[0]), *r) for r in batch.nodes]
    node_rows.sort()
    cur.executemany(UPSERT_NODE, node_rows)
    # Key order keeps the inserts into the names B-tree local (measured 2x faster).
    cur.executemany(INSERT_NAME, sorted({(label, name_key(surface) if key is None else key, node_id, surface)
                                         for label, key, node_id, surface in batch.names}))
    edge_rows = batch.numbered
    if batch.named:
        edge_rows = edge_rows + [(nid(s) or local(s), t, nid(d) or local(d), p, e)
                                 for s, t, d, p, e in batch.named]
        edge_rows.sort()
    cur.executemany(UPSERT_EDGE, edge_rows)
    return found


def write_batches(conn: sqlite3.Connection, numbers: NodeNumbers, batches: list[PreparedBatch],
                  path: Path) -> list[tuple[str, Any, Any]]:
    """Write ``batches`` in one transaction, each in a savepoint of its own, and
    return one answer a batch: ("ok", stats, numbers of its nodes), ("error",
    message naming ``path``, None) for the one that failed, ("skipped", None, None)
    for those after it. The batches before a failed one are still committed, as
    they would be one transaction each; one commit for several saves rewriting the
    same index pages into the log once per batch."""
    cur = conn.cursor()
    answers: list[tuple[str, Any, Any]] = []
    found_all: dict[str, int] = {}
    try:
        cur.execute("BEGIN IMMEDIATE")
        for batch in batches:
            if answers and answers[-1][0] != "ok":
                answers.append(("skipped", None, None))
                continue
            cur.execute("SAVEPOINT batch")
            try:
                found = _write_batch(cur, numbers.known, batch)
            except sqlite3.Error as exc:
                cur.execute("ROLLBACK TO batch")
                answers.append(("error", f"{path}: write failed ({exc})", None))
            else:
                found_all.update(found)
                answers.append(("ok", batch.stats, found))
            cur.execute("RELEASE batch")
        cur.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            cur.execute("ROLLBACK")
        return [("error", f"{path}: write failed ({exc})", None)] + [("skipped", None, None)] * (len(batches) - 1)
    # Only numbers that are now committed may be remembered.
    numbers.update(found_all)
    return answers


def write_prepared(conn: sqlite3.Connection, numbers: NodeNumbers, batch: PreparedBatch,
                   path: Path) -> dict[str, int]:
    """Write one prepared batch in one transaction and return the numbers of the ids
    it had to look up or give. Raises :class:`StoreError` naming ``path`` when
    SQLite fails; nothing of the batch is then written."""
    status, detail, found = write_batches(conn, numbers, [batch], path)[0]
    if status != "ok":
        raise StoreError(detail)
    return found


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with the settings every connection of the store uses (WAL, the
    evidence-merging function, a large page cache) and return the connection."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
    conn.create_function("ev_merge", 2, ev_merge, deterministic=True)
    # Bigger pages mean fewer B-tree splits (measured ~18% less CPU on bulk edge
    # upserts); it only takes on a new file.
    conn.execute("PRAGMA page_size=16384")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    # Up to 1 GiB of page cache, taken only as the file grows: a 1M-firm store then
    # upserts mostly in memory (measured 29k -> 35k records/s).
    conn.execute("PRAGMA cache_size=-1048576")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA wal_autocheckpoint=20000")
    return conn


# Records a write must reach before it drops the edge-end index (see serve()).
BULK_MIN = 200_000


class WriterProcess:
    """A child process with a connection of its own that writes prepared batches in
    the order they are sent, while this process prepares the next ones: the two
    then run on two cores (a thread would wait on Python's lock for most of it).
    It is a plain ``python -m chaingraph.store_write`` child talking over its
    standard input and output, so the caller's main module is never imported again.

    The numbers the child gives new nodes come back with its answers and go into
    ``numbers``, so that later batches arrive with their edges already keyed. At
    most ``ahead`` batches are in flight. :meth:`wait` returns once all are
    written; a failed batch raises :class:`StoreError` there or at the next
    :meth:`send`, and the batches after it are not written.
    """

    def __init__(self, path: Path, numbers: NodeNumbers, ahead: int = 4):
        self.path = path
        self.numbers = numbers
        self.ahead = ahead
        self.outstanding = 0
        self.total = UpsertStats()
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen([sys.executable, "-m", "chaingraph.store_write", str(path), str(BULK_MIN)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        # Answers are drained as they come: a child blocked on a full pipe while
        # this process is blocked sending it the next batch would wait forever.
        self.answers: queue.Queue = queue.Queue()
        self.reader = threading.Thread(target=self._read_answers, name="chaingraph-writer-answers", daemon=True)
        self.reader.start()

    def send(self, batch: PreparedBatch) -> None:
        """Hand ``batch`` over, first waiting while ``ahead`` batches are in flight."""
        while self.outstanding >= self.ahead:
            self._collect()
        try:
            _write_frame(self.process.stdin, _encode_batch(batch))
        except OSError as exc:
            raise self._stopped() from exc
        self.outstanding += 1

    def wait(self) -> None:
        """Return once every batch sent is written."""
        while self.outstanding:
            self._collect()

    def close(self) -> None:
        """Stop the child once it has written what it was sent."""
        try:
            _write_frame(self.process.stdin, b"")
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join()
        self.process.stdout.close()

    def _read_answers(self) -> None:
        while data := _read_frame(self.process.stdout.fileno()):
            self.answers.put(data)
        self.answers.put(b"")

    def _collect(self) -> None:
        data = self.answers.get()
        if not data:
            self.outstanding = 0
            raise self._stopped()
        status, detail, found = marshal.loads(data)
        self.outstanding -= 1
        if status == "error":
            raise StoreError(detail)
        if status == "ok":
            self.total.add(UpsertStats(*detail))
            self.numbers.update(found)

    def _stopped(self) -> StoreError:
        return StoreError(f"{self.path}: the store's writer process stopped (exit code {self.process.poll()})")


# Frames are marshal data, not pickles: the rows are tuples of str and int. Version 2
# of the format (no back-references) wrote 1M records in 0.7 us each against
# pickle's 1.5, and reads them back in 0.85 us against 1.3.
MARSHAL_VERSION = 2


def _encode_batch(batch: PreparedBatch) -> bytes:
    stats = batch.stats
    return marshal.dumps((batch.nodes, batch.numbered, batch.named, batch.names,
                          (stats.nodes, stats.edges, stats.evidence)), MARSHAL_VERSION)


def _decode_batch(data: bytes) -> PreparedBatch:
    nodes, numbered, named, names, counts = marshal.loads(data)
    return PreparedBatch(nodes, numbered, named, names, UpsertStats(*counts))


def _write_frame(stream: Any, data: bytes) -> None:
    stream.write(len(data).to_bytes(8, "little"))
    stream.write(data)
    stream.flush()


def _read_frame(fd: int) -> bytes:
    """Read one frame from file descriptor ``fd`` (unbuffered, so that select()
    tells truly whether another is waiting); b"" at the end of the input."""
    head = _read_exactly(fd, 8)
    return _read_exactly(fd, int.from_bytes(head, "little")) if head else b""


def _read_exactly(fd: int, size: int) -> bytes:
    parts, left = [], size
    while left:
        part = os.read(fd, min(left, 1 << 24))
        if not part:
            return b""
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _frame_waiting(fd: int) -> bool:
    return bool(select.select([fd], [], [], 0)[0])


def serve(path: Path, incoming_fd: int, outgoing: Any, group: int = 4, bulk_min: int = BULK_MIN) -> None:
    """The writer process's loop: read batches from file descriptor ``incoming_fd``
    (unbuffered, so that what is waiting can be seen), write those already waiting,
    up to ``group`` of them, in one transaction (see :func:`write_batches`), and
    answer each on ``outgoing``; after an error, every later batch is answered
    ("skipped", None, None). Stop at an empty frame or the end of the input.

    Once the records taken reach ``bulk_min`` and the number of nodes the store
    held at the start, the write counts as long: the index on edge ends is dropped
    (see :data:`chaingraph.store_schema.BULK_INDEX`) for the caller to build again
    at the end."""
    conn = connect(path)
    numbers = NodeNumbers()
    failed = False
    ended = False
    taken = 0
    long_write_at = max(bulk_min, conn.execute(MAX_NID).fetchone()[0])
    with gc_paused():
        while not ended:
            batches = []
            while len(batches) < group and (not batches or _frame_waiting(incoming_fd)):
                data = _read_frame(incoming_fd)
                if not data:
                    ended = True
                    break
                batches.append(_decode_batch(data))
            if not batches:
                break
            taken += sum(b.stats.nodes + b.stats.edges for b in batches)
            if taken >= long_write_at and not failed and has_bulk_index(conn):
                try:
                    with write_transaction(conn):
                        drop_bulk_index(conn)
                except sqlite3.Error:
                    pass  # the write goes on with the index kept
            if failed:
                answers = [("skipped", None, None)] * len(batches)
            else:
                answers = write_batches(conn, numbers, batches, path)
                failed = any(a[0] != "ok" for a in answers)
            peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            for status, detail, found in answers:
                if status == "ok":
                    detail = (detail.nodes, detail.edges, detail.evidence, peak)
                _write_frame(outgoing, marshal.dumps((status, detail, found), MARSHAL_VERSION))
    conn.close()


class Pipeline:
    """The writer process of the upsert under way, if any, so that a read made by
    the records' producer can first wait for the batches in flight."""

    def __init__(self) -> None:
        self.writer: WriterProcess | None = None

    def wait(self) -> None:
        """Return once every batch handed to the writer is written."""
        if self.writer is not None and self.writer.outstanding:
            self.writer.wait()


def upsert_records(conn: sqlite3.Connection, numbers: NodeNumbers, pipeline: Pipeline, path: Path,
                   records: Iterable[Record], batch_size: int,
                   progress: Callable[[int], None] | None) -> UpsertStats:
    """Write ``records`` in transactions of ``batch_size`` and return the counts
    taken; ``progress`` is called with each batch's size. The first batch is written
    here; any further ones go to a :class:`WriterProcess` while the next is being
    prepared. Either way, a read the records' producer makes sees every earlier
    batch written, and the batches written before an error stay written."""
    total = UpsertStats()
    batches = _batches(records, batch_size)
    with gc_paused():
        batch = next(batches, None)
        if batch is None:
            return total
        prepared = prepare_batch(batch, numbers.known)
        write_prepared(conn, numbers, prepared, path)
        total.add(prepared.stats)
        if progress:
            progress(prepared.stats.nodes + prepared.stats.edges)
        batch = next(batches, None)
        if batch is None:
            return total
        writer = pipeline.writer = WriterProcess(path, numbers)
        try:
            while batch is not None:
                prepared = prepare_batch(batch, numbers.known)
                writer.send(prepared)
                if progress:
                    progress(prepared.stats.nodes + prepared.stats.edges)
                batch = next(batches, None)
            writer.wait()
        finally:
            pipeline.writer = None
            writer.close()
            try:
                restore_bulk_index(conn, force=True)
            except sqlite3.Error as exc:
                raise StoreError(f"{path}: could not build the edge index again ({exc}); "
                                 "opening the store again retries it") from exc
    total.add(writer.total)
    return total


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch


def better_name(old: str, new: str) -> str:
    """Return the fuller of two names (the longer; the smaller on a tie), so the kept
    name does not depend on the order records arrive in."""
    if len(new) > len(old) or (len(new) == len(old) and new < old):
        return new
    return old


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small dicts are made:
    they hold no cycles, and its repeated passes over them would double the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


if __name__ == "__main__":
    # The writer process (see WriterProcess): frames in on stdin, answers on stdout;
    # anything printed goes to stderr so it cannot corrupt the answers. Ctrl-C is
    # the parent's to act on: it stops sending, and this process ends at the end of
    # its input with every batch it took either committed or rolled back.
    import signal

    from chaingraph.store_write import serve as _serve  # not this __main__ copy: one set of classes

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _answers = sys.stdout.buffer
    sys.stdout = sys.stderr
    _serve(Path(sys.argv[1]), sys.stdin.fileno(), _answers, bulk_min=int(sys.argv[2]))
