"""The embedded store's write path: records are merged and encoded in batches, and a
long stream of them is written by a thread while the next batch is being prepared.

Each batch goes to SQLite as a few statements that take all its rows as one JSON
array (see :data:`chaingraph.store.schema.UPSERT_NODES`); SQLite walks the array in
C with the interpreter lock let go, so the producer (an ingester) and the encoding
run on one core while the B-tree work runs on the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from chaingraph.errors import StoreError
from chaingraph.identity import has_cjk, name_key
from chaingraph.model import BATCH_END, BatchEnd, EdgeRecord, NodeRecord, Record
from chaingraph.scoped import gc_paused
from chaingraph.store.sqlite import sqlite3
from chaingraph.store.evidence import dedup
from chaingraph.store.schema import restore_bulk_index
from chaingraph.store.writer import WriterThread


@dataclass
class UpsertStats:
    """How many records an upsert took, by kind, and the evidence items they had."""

    nodes: int = 0
    edges: int = 0
    evidence: int = 0

    def add(self, other: "UpsertStats") -> None:
        """Add ``other``'s counts to these."""
        self.nodes += other.nodes
        self.edges += other.edges
        self.evidence += other.evidence

    def to_dict(self) -> dict[str, int]:
        """Return the counts as a JSON-ready dict."""
        return {"nodes": self.nodes, "edges": self.edges, "evidence": self.evidence}


@dataclass
class PreparedBatch:
    """One batch's rows, merged and encoded as the JSON arrays the
    batch statements of :mod:`chaingraph.store.schema` take: ``nodes`` sorted by
    id, ``placeholders`` (edge ends that may have no row yet) sorted, ``names`` in
    key order (the names B-tree fills faster that way than in arrival order), and
    ``edges``, which the statement sorts by their numbers; each as UTF-8 bytes."""

    nodes: bytes
    placeholders: bytes
    names: bytes
    edges: bytes
    stats: UpsertStats


class KnownIds:
    """Ids this store is known to hold a row for, each with its number (nid), or 0
    while the number is not known here: an id counts as known once it is handed to
    the writer, ahead of the batches that need it, and its number is noted once the
    batch that gave it is committed. Edges then need no placeholder for a known end
    and no look-up for a numbered one. Holds at most ``limit`` ids and forgets them
    all when full. Nodes are never deleted and numbers never change, so what is
    remembered is always right, unless a write failed: then :meth:`clear` must be
    called."""

    def __init__(self, limit: int = 2_000_000):
        self.limit = limit
        self.nids: dict[str, int] = {}

    def add(self, ids: Iterable[str]) -> None:
        """Remember that ``ids`` have rows (keeping numbers already noted)."""
        if len(self.nids) > self.limit:
            self.nids = {}
        nids = self.nids
        for i in ids:
            if i not in nids:
                nids[i] = 0

    def number(self, pairs: dict[str, int]) -> None:
        """Note committed numbers: ``pairs`` maps ids to their nid."""
        self.nids.update(pairs)

    def clear(self) -> None:
        """Forget every id (after a failed write)."""
        self.nids = {}


def prepare_batch(batch: list[Record], known: KnownIds) -> PreparedBatch:
    """Merge the records of one batch (a city repeats on every row of a list, so it
    is written once), key their names, and encode the rows as JSON; the ids of its
    nodes and edge ends then count as ``known``. Raises :class:`StoreError` for
    anything that is not a record."""
    nodes: dict[str, list] = {}
    edges: dict[tuple[str, str, str], list] = {}
    names: set[tuple[str, str, str, str]] = set()
    n_nodes = n_edges = n_evidence = 0
    last_evidence: object = None
    last_items: tuple = ()
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
        # evidence.encode(), written out; null props are dropped because
        # json_patch deletes keys whose value is null, and both merges must agree.
        evidence = rec.evidence
        if evidence is last_evidence:  # a list row's records share one list: encode it once
            items = last_items
        elif len(evidence) == 1:
            e = evidence[0]
            items = last_items = ((e.source, -1 if e.row is None else e.row, -1 if e.start is None else e.start,
                                   -1 if e.end is None else e.end, e.note or "", e.sentence or ""),)
        else:
            items = last_items = tuple((e.source, -1 if e.row is None else e.row, -1 if e.start is None else e.start,
                                        -1 if e.end is None else e.end, e.note or "", e.sentence or "")
                                       for e in evidence)
        last_evidence = evidence
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
                entry[1] = (*entry[1], *items)
        else:
            n_nodes += 1
            label = rec.label._value_
            node_id, name = rec.id, rec.name
            entry = nodes.get(node_id)
            if entry is None:
                nodes[node_id] = [node_id, label, name, props, items]
            else:
                entry[2] = better_name(entry[2], name)
                entry[3] = {**entry[3], **props} if props else entry[3]
                entry[4] = (*entry[4], *items)
            if name:
                names.add((label, name_key(name), node_id, name))
            for surface in rec.aliases:
                if surface:
                    names.add((label, name_key(surface), node_id, surface))
    for row in nodes.values():
        if len(row[4]) > 1:
            row[4] = dedup(row[4])
    # Edges to numbered ends carry the numbers; the others carry the ids, and an end
    # not known to have a row gets a placeholder.
    nid = known.nids.get
    ends: set[str] = set()
    add_end = ends.add
    edge_rows = []
    add_row = edge_rows.append
    for (src, typ, dst), (props, items) in edges.items():
        if len(items) > 1:
            items = dedup(items)
        s, d = nid(src), nid(dst)
        if s and d:
            add_row([s, typ, d, props, items])
            continue
        if s is None and src not in nodes:
            add_end(src)
        if d is None and dst not in nodes:
            add_end(dst)
        add_row([s or None, typ, d or None, props, items, src, dst])
    known.add(nodes)
    known.add(ends)
    dumps, sort_keys = orjson.dumps, orjson.OPT_SORT_KEYS
    return PreparedBatch(
        nodes=dumps([nodes[i] for i in sorted(nodes)], option=sort_keys),
        placeholders=dumps(sorted(ends)),
        names=dumps(sorted(names)),
        edges=dumps(edge_rows, option=sort_keys),
        stats=UpsertStats(n_nodes, n_edges, n_evidence))


# The first batch of an upsert is this small, so the writer starts early instead of
# idling while a whole batch is read and prepared.
FIRST_BATCH = 5000


def upsert_records(conn: sqlite3.Connection, known: KnownIds, path: Path, records: Iterable[Record],
                   batch_size: int, progress: Callable[[int], None] | None) -> UpsertStats:
    """Write ``records`` in batches of ``batch_size`` (a :data:`BATCH_END` among
    them ends a batch early) and return the counts taken; ``progress`` is called
    with each batch's size. The batches go to a :class:`WriterThread` while the
    next is being prepared; the batches written before an error stay written. The
    records' producer must not use ``conn``: the writer holds it until the end."""
    total = UpsertStats()
    batches = _batches(records, batch_size, min(batch_size, FIRST_BATCH))
    error: BaseException | None = None
    writer: WriterThread | None = None
    try:
        with gc_paused():
            batch = next(batches, None)
            if batch is None:
                return total
            writer = WriterThread(conn, path, known)
            while batch is not None:
                prepared = prepare_batch(batch, known)
                writer.send(prepared)
                total.add(prepared.stats)
                if progress:
                    progress(prepared.stats.nodes + prepared.stats.edges)
                batch = next(batches, None)
            writer.wait()
    except BaseException as exc:
        known.clear()
        error = exc
        raise
    finally:
        if writer is not None:
            writer.close()
            try:
                restore_bulk_index(conn, force=True)
            except sqlite3.Error as exc:
                cleanup = StoreError(f"{path}: could not build the edge index again ({exc}); "
                                     "opening the store again retries it")
                if error is None:
                    raise cleanup from exc
                # The write's own error says what was lost: it stays the one raised.
                error.add_note(str(cleanup))
    return total


def _batches(records: Iterable[Record | BatchEnd], size: int, first: int) -> Iterator[list[Record]]:
    """Yield ``records`` in lists of ``size``, the first of ``first``; at a
    :data:`BATCH_END` the list under way ends and the next is a first one again."""
    batch: list[Record] = []
    limit = first
    for record in records:
        if record is BATCH_END:
            if batch:
                yield batch
                batch = []
            limit = first
            continue
        batch.append(record)
        if len(batch) >= limit:
            yield batch
            batch = []
            limit = size
    if batch:
        yield batch


def better_name(old: str, new: str) -> str:
    """Return the name a node keeps of two: one in Chinese over one without (a list's
    or template's name over an article's translation), then the longer, then the
    smaller, so the kept name does not depend on the order records arrive in.

    >>> better_name("工程机械", "construction machinery"), better_name("Sany", "Sany Heavy Industry")
    ('工程机械', 'Sany Heavy Industry')
    """
    if has_cjk(new) != has_cjk(old):
        return new if has_cjk(new) else old
    if len(new) > len(old) or (len(new) == len(old) and new < old):
        return new
    return old
