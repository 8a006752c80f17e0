"""The SQLite the embedded store runs on, and the settings of its connections.

Where a wheel exists (Linux on x86-64), that is the recent SQLite bundled by
``pysqlite3-binary``; elsewhere Python's own ``sqlite3``, whichever SQLite the
system has (3.37 or later). The store's SQL works on both. A recent SQLite keeps
the JSON it has parsed, so the store's statements, which read every row of a batch
out of one JSON array, parse each row once instead of once a field: the writer
spent 3.6 s of SQLite work on a 100k-row list with SQLite 3.40 and 3.2 s with 3.51.

>>> sqlite3.connect(":memory:").execute("SELECT json_extract('[1, 2]', '$[1]')").fetchone()
(2,)
"""

from __future__ import annotations

from pathlib import Path

try:
    import pysqlite3.dbapi2 as sqlite3
except ImportError:  # no wheel for this platform: the system's SQLite
    import sqlite3

__all__ = ["connect", "sqlite3"]


def connect(path: Path, *, private_index: bool = False) -> sqlite3.Connection:
    """Open ``path`` with the settings every connection of the store uses (WAL, a
    large page cache) and return the connection. With ``private_index`` the WAL's
    index is kept in this process's memory instead of the ``-shm`` file beside the
    store, which a full disk cannot grow; the connection then locks the store for
    itself until it is closed."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
    try:
        if private_index:
            # Only takes effect before the first read: SQLite then never maps the -shm file.
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        # Bigger pages mean fewer B-tree splits on bulk edge upserts; it only takes on
        # a new file.
        conn.execute("PRAGMA page_size=16384")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # Up to 1 GiB of page cache, taken only as the file grows: a 1M-firm store then
        # upserts mostly in memory.
        conn.execute("PRAGMA cache_size=-1048576")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA wal_autocheckpoint=20000")
    except BaseException:
        conn.close()  # a failed connection left open keeps its locks on the log
        raise
    return conn
