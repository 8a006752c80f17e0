"""The embedded store's tables, its SQL statements and the migrations between
schema versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from chaingraph.errors import StoreError
from chaingraph.store_evidence import dumps

SCHEMA_VERSION = 2

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL,
    evidence TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE INDEX IF NOT EXISTS nodes_name ON nodes(name);
CREATE TABLE IF NOT EXISTS edges (
    src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (src, type, dst)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, type);
CREATE TABLE IF NOT EXISTS names (
    label TEXT NOT NULL, key TEXT NOT NULL, node_id TEXT NOT NULL, surface TEXT NOT NULL,
    PRIMARY KEY (label, key, node_id)
) WITHOUT ROWID;
"""

# Evidence is kept inline, as a JSON array of [source, row, start, end, note, sentence]
# items (-1 and "" for absent values): one B-tree write per record instead of two,
# which is what makes bulk ingest fast. ev_merge() (chaingraph.store_evidence) adds only the items not yet there.
UPSERT_NODE = """
INSERT INTO nodes (id, label, name, props, evidence) VALUES (?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    name = CASE
        WHEN length(excluded.name) > length(nodes.name)
          OR (length(excluded.name) = length(nodes.name) AND excluded.name < nodes.name)
        THEN excluded.name ELSE nodes.name END,
    props = json_patch(nodes.props, excluded.props),
    evidence = ev_merge(nodes.evidence, excluded.evidence)
"""
UPSERT_EDGE = """
INSERT INTO edges (src, type, dst, props, evidence) VALUES (?, ?, ?, ?, ?)
ON CONFLICT(src, type, dst) DO UPDATE SET
    props = json_patch(edges.props, excluded.props),
    evidence = ev_merge(edges.evidence, excluded.evidence)
"""
INSERT_NAME = "INSERT OR IGNORE INTO names (label, key, node_id, surface) VALUES (?, ?, ?, ?)"


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Create the schema in a new file, or bring an older chaingraph store up to
    :data:`SCHEMA_VERSION`; raise :class:`StoreError` for a newer store or a file
    that is not a chaingraph store (``path`` names it in messages)."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if has_meta:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path}: store schema v{version} is newer than this "
                             f"chaingraph (v{SCHEMA_VERSION}); upgrade chaingraph")
        if version == SCHEMA_VERSION:
            return
        if version == 1:
            _v1_to_v2(conn)
            return
    elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path}: an SQLite file, but not a chaingraph store")
    conn.executescript("BEGIN;" + DDL + "COMMIT;")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

def _v1_to_v2(conn: sqlite3.Connection) -> None:
    # v1 kept evidence in a table of its own; v2 keeps it inline (see UPSERT_NODE).
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("ALTER TABLE nodes ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'")
        conn.execute("ALTER TABLE edges ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'")
        grouped: dict[str, list] = {}
        for owner, *item in conn.execute(
                'SELECT owner, source, row, start, "end", note, sentence FROM evidence ORDER BY owner'):
            grouped.setdefault(owner, []).append(item)
        for owner, items in grouped.items():
            text = dumps(items)
            if conn.execute("UPDATE nodes SET evidence=? WHERE id=?", (text, owner)).rowcount == 0:
                src, typ, dst = owner.split("|")[0], owner.split("|")[1], "|".join(owner.split("|")[2:])
                conn.execute("UPDATE edges SET evidence=? WHERE src=? AND type=? AND dst=?", (text, src, typ, dst))
        conn.execute("DROP TABLE evidence")
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        raise
