"""The SQLite the embedded store runs on.

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

try:
    import pysqlite3.dbapi2 as sqlite3
except ImportError:  # no wheel for this platform: the system's SQLite
    import sqlite3

__all__ = ["sqlite3"]
