"""The store's writer thread: it writes prepared batches (see
:func:`chaingraph.store.write.prepare_batch`) on the store's connection, in the order
they are sent, while the caller prepares the next ones, and commits every
:data:`COMMIT_RECORDS` records and at the end.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from chaingraph.errors import StoreError
from chaingraph.store.schema import (INSERT_NAMES, INSERT_PLACEHOLDERS, MAX_NID, NEW_NIDS, UPSERT_EDGES, UPSERT_NODES,
                                     drop_bulk_index, has_bulk_index, savepoint)
from chaingraph.store.sqlite import sqlite3

if TYPE_CHECKING:
    from chaingraph.store.write import KnownIds, PreparedBatch


def _write_batch(cur: sqlite3.Cursor, batch: PreparedBatch) -> dict[str, int]:
    """Write one batch inside the open transaction: nodes, placeholders for the
    edge ends without a row, names, then edges; return the numbers of the rows it
    added (id -> nid)."""
    last = cur.execute(MAX_NID).fetchone()[0]
    cur.execute(UPSERT_NODES, (batch.nodes,))
    cur.execute(INSERT_PLACEHOLDERS, (batch.placeholders,))
    added = orjson.loads(cur.execute(NEW_NIDS, (last,)).fetchone()[0])
    cur.execute(INSERT_NAMES, (batch.names,))
    cur.execute(UPSERT_EDGES, (batch.edges,))
    return added


def write_batch(conn: sqlite3.Connection, batch: PreparedBatch, path: Path) -> tuple[str, Any]:
    """Write ``batch`` in a savepoint of the open transaction (beginning one when
    none is open) and return ("ok", numbers of the rows it added), or ("error",
    message naming ``path``) with the batch rolled back and the batches before it
    kept. The caller commits: one commit for several batches saves rewriting the
    same pages into the log once a batch."""
    try:
        with savepoint(conn):
            added = _write_batch(conn.cursor(), batch)
    except sqlite3.Error as exc:
        return "error", f"{path}: write failed ({exc})"
    return "ok", added


# Records a write must reach before it drops the edge-end index (see WriterThread).
# Below about 2M records, keeping it costs no more than building it again at the end,
# and the build would be the one step nothing overlaps.
BULK_MIN = 1_000_000
# Records the writer writes before it commits, unless the caller waits first. Each
# commit writes every page changed since the last one to the log, and the log is
# copied into the database file again: on a 100k-row list (700k records, a 142 MB
# file) the log took ~340 MB with a commit every few batches, 250 MB with one every
# 250k records, 214 MB every 500k, 142 MB with this (one commit).
COMMIT_RECORDS = 1_000_000
# Asks the writer to commit what it has written (see WriterThread.wait).
_COMMIT = object()


class WriterThread:
    """A thread that writes prepared batches on ``conn``, in the order they are
    sent, while the caller prepares the next ones, noting in ``known`` the numbers
    of the rows they add. At most ``ahead`` batches wait. They are committed every
    :data:`COMMIT_RECORDS` records, at :meth:`wait` and at :meth:`close`, so one
    transaction holds several. :meth:`wait` returns once all are written; a failed
    batch (rolled back, those before it committed) raises
    :class:`StoreError` there or at the next :meth:`send`, and the batches after
    it are not written. The caller must not use ``conn`` until :meth:`wait`.

    Once the records taken reach :data:`BULK_MIN` and the number of nodes the store
    held at the start, the write counts as long: the index on edge ends is dropped
    (see :data:`chaingraph.store.schema.BULK_INDEX`) for the caller to build again
    at the end."""

    def __init__(self, conn: sqlite3.Connection, path: Path, known: KnownIds, ahead: int = 4):
        self.conn = conn
        self.path = path
        self.known = known
        self.failure: str | None = None
        self.pending: queue.Queue = queue.Queue(maxsize=ahead)
        self.long_write_at = max(BULK_MIN, conn.execute(MAX_NID).fetchone()[0])
        self.taken = 0
        self.uncommitted = 0  # records written since the last commit
        self.committed = 0  # records committed by this writer
        self.thread = threading.Thread(target=self._run, name="chaingraph-store-writer", daemon=True)
        self.thread.start()

    def send(self, batch: PreparedBatch) -> None:
        """Hand ``batch`` over, first waiting while ``ahead`` batches wait."""
        self._check()
        self.pending.put(batch)

    def wait(self) -> None:
        """Return once every batch sent is written and committed."""
        self.pending.put(_COMMIT)
        self.pending.join()
        self._check()

    def close(self) -> None:
        """Stop the thread once it has written and committed what it was sent."""
        self.pending.put(None)
        self.thread.join()

    def _check(self) -> None:
        if self.failure is not None:
            raise StoreError(self.failure_message())

    def failure_message(self) -> str:
        """Return the failure with how much of the write is kept: the records
        committed before it (counted as given, before merging), and what to do."""
        return (f"{self.failure}; {self.committed:,} record(s) of this write were committed before the failure "
                "and are kept, the rest were not written; fix the cause (a full disk: free some space) and "
                "write the same input again: what is already stored is merged, never duplicated")

    def _run(self) -> None:
        item: Any = _COMMIT
        while item is not None:
            item = self.pending.get()
            try:
                if item is None or item is _COMMIT:
                    self._commit()
                elif self.failure is None:
                    self._write(item)
            except Exception as exc:  # the caller must hear of it, whatever it is
                if self.failure is None:  # the first error is the one reported
                    self.failure = f"{self.path}: write failed ({exc})"
                try:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolls back a transaction it could not finish itself
            finally:
                self.pending.task_done()

    def _write(self, batch: PreparedBatch) -> None:
        size = batch.stats.nodes + batch.stats.edges
        self.taken += size
        if self.taken >= self.long_write_at and has_bulk_index(self.conn):
            try:
                with savepoint(self.conn):
                    drop_bulk_index(self.conn)
            except sqlite3.Error:
                pass  # the write goes on with the index kept
        status, detail = write_batch(self.conn, batch, self.path)
        if status == "ok":
            self.known.number(detail)
            self.uncommitted += size
            if self.uncommitted >= COMMIT_RECORDS:
                self._commit()
        else:
            try:
                self._commit()  # the batches before it stay written
            finally:
                # Set once the commit is done, so the count reported with it is final.
                self.failure = detail

    def _commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.committed += self.uncommitted
        self.uncommitted = 0
