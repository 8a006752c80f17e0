"""Opening a store's file: with the settings of :func:`chaingraph.store.sqlite.connect`
and its schema brought up to date, read-only (immutable) on a read-only filesystem,
with the log's index in memory when a full disk will not let it grow, and a one-line
:class:`StoreError` for anything else that stops it.
"""

from __future__ import annotations

import os
from pathlib import Path

from chaingraph.errors import StoreError
from chaingraph.store.schema import SCHEMA_VERSION, migrate
from chaingraph.store.sqlite import connect, sqlite3

# SQLite's primary result codes for an I/O failure and a full disk or database.
_SQLITE_IOERR = 10
_SQLITE_FULL = 13


def open_store(path: Path) -> tuple[sqlite3.Connection, bool]:
    """Return a connection to the store at ``path`` (created when missing) and
    whether it is read-only. Raises :class:`StoreError` when it cannot be opened or
    is not a chaingraph store."""
    try:
        if path.exists() and _on_read_only_filesystem(path):
            return _open_immutable(path), True
        return _open(path, private_index=False), False
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode & 0xFF not in (_SQLITE_IOERR, _SQLITE_FULL):
            raise StoreError(_open_failure(path, exc)) from exc
        # A store whose log holds more than its -shm index covers needs that
        # file to grow before it can be read; on a full disk it cannot, so read
        # it with the index in memory instead.
        try:
            return _open(path, private_index=True), False
        except sqlite3.Error:
            raise StoreError(_open_failure(path, exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a chaingraph store ({exc})") from exc


def _open(path: Path, *, private_index: bool) -> sqlite3.Connection:
    conn = None
    try:
        conn = connect(path, private_index=private_index)
        migrate(conn, path)
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


def _open_immutable(path: Path) -> sqlite3.Connection:
    # On a read-only filesystem SQLite can neither take WAL locks nor map the
    # -shm file, and nothing can change the file, so it is read as immutable.
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        # immutable reads skip the log, so its commits would be silently missing
        raise StoreError(f"{path}: on a read-only filesystem with unmerged writes "
                         f"in {wal.name}; open it once where it is writable")
    uri = f"{path.resolve().as_uri()}?immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"{path}: on a read-only filesystem and at store schema "
                f"v{row[0] if row else '?'}, not v{SCHEMA_VERSION}; copy it somewhere "
                "writable once so chaingraph can bring it up to date")
    except BaseException:
        conn.close()
        raise
    return conn


def _on_read_only_filesystem(path: Path) -> bool:
    """Whether the filesystem holding ``path`` is mounted read-only."""
    try:
        return bool(os.statvfs(path.resolve().parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _open_failure(path: Path, exc: sqlite3.Error) -> str:
    """The one-line message for a store that cannot be opened: says so when the
    disk holding it is full, as SQLite may only report an I/O error then."""
    try:
        usage = os.statvfs(path.resolve().parent)
        full = usage.f_bavail == 0 or usage.f_favail == 0
    except (OSError, AttributeError):  # no statvfs on Windows
        full = False
    if full:
        return f"{path}: cannot open the store: the disk holding it is full ({exc}); free some space and try again"
    return f"{path}: cannot open the store ({exc})"
