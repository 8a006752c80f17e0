"""The embedded store's tables, its SQL statements and the migrations between
schema versions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chaingraph.errors import StoreError
from chaingraph.store.sqlite import sqlite3
from chaingraph.store.evidence import dumps

SCHEMA_VERSION = 4

# The index a long write drops and builds again at its end (see restore_bulk_index):
# its entries arrive in random order, and maintaining it row by row cost a 1M-node,
# 3M-edge write about 17 s of the writer's 47 s; building it afterwards costs 3-4 s.
BULK_INDEX = "edges_dst"
CREATE_BULK_INDEX = f"CREATE INDEX IF NOT EXISTS {BULK_INDEX} ON edges(dst, type)"
DROP_BULK_INDEX = f"DROP INDEX IF EXISTS {BULK_INDEX}"
BULK_WRITER_KEY = "bulk_writer_pid"

# Nodes are numbered (nid) in the order they first arrive, and edges are keyed by those
# numbers: a batch of new records then mostly appends to the edge B-tree instead of
# touching pages all over it, and integer keys are a fifth the size of text ids
# (figures in docs/performance.md). A node named only by an edge gets a placeholder row (label '') so the
# edge has a number to point at; it is filled in when its own record arrives.
DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    nid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, name TEXT NOT NULL,
    props TEXT NOT NULL, evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE TABLE IF NOT EXISTS edges (
    src INTEGER NOT NULL, type TEXT NOT NULL, dst INTEGER NOT NULL, props TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (src, type, dst)
) WITHOUT ROWID;
{CREATE_BULK_INDEX};
CREATE TABLE IF NOT EXISTS names (
    label TEXT NOT NULL, key TEXT NOT NULL, node_id TEXT NOT NULL, surface TEXT NOT NULL,
    PRIMARY KEY (label, key, node_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_node ON names(node_id);
CREATE TABLE IF NOT EXISTS merged (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merged_new ON merged(new_id);
CREATE TABLE IF NOT EXISTS decisions (
    a TEXT NOT NULL, b TEXT NOT NULL, decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS edge_ids AS
    SELECT s.id AS src, e.type AS type, d.id AS dst, e.props AS props, e.evidence AS evidence,
           e.src AS src_nid, e.dst AS dst_nid
    FROM edges e JOIN nodes s ON s.nid = e.src JOIN nodes d ON d.nid = e.dst;
"""

# A batch is written by a few statements that each take all its rows as one JSON
# array, walked by json_each in SQLite's C code: Python's sqlite3 module lets go of
# the interpreter lock while a statement runs, so the store's writer thread fills the
# B-trees on one core while the caller prepares the next batch on the other (row by
# row, each step would wait for the lock again). The arrays come as UTF-8 bytes, cast
# to text: a str would be decoded from orjson's bytes and encoded again to be bound,
# both holding the lock.
# Evidence is kept inline, as a JSON array of [source, row, start, end, note,
# sentence] items (-1 and "" for absent values); _EVIDENCE_MERGE adds the items of the new array whose first five fields
# are not in the old one yet. It is SQL rather than a Python function because a
# Python function would take the interpreter lock back for every row that merges.
# The old array is searched as text: an item's first five fields, written as JSON,
# can only occur where an item starts (quotes inside strings are escaped), and
# SQLite writes a JSON array of those values exactly as orjson does.
_EVIDENCE_MERGE = """CASE WHEN {new} = {old} OR {new} = '[]' THEN {old} WHEN {old} = '[]' THEN {new}
    ELSE coalesce((
        SELECT substr({old}, 1, length({old}) - 1) || ',' || group_concat(item.value, ',') || ']'
        FROM json_each({new}) AS item
        WHERE instr({old}, rtrim(json_array(json_extract(item.value, '$[0]'), json_extract(item.value, '$[1]'),
                                            json_extract(item.value, '$[2]'), json_extract(item.value, '$[3]'),
                                            json_extract(item.value, '$[4]')), ']') || ',') = 0
        HAVING count(*) > 0), {old}) END"""

# Rows: [id, label, name, props, evidence]. A new node's number (nid) follows
# arrival order, so the edges of new nodes append to the edge B-tree. The name kept
# is the one better_name (store/write.py) keeps: a Chinese name (identity.has_cjk's
# range, U+3400-U+9FFF) over a translation, then the fuller, whatever order they came in.
UPSERT_NODES = f"""
INSERT INTO nodes (id, label, name, props, evidence)
SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
       json_extract(value, '$[3]'), json_extract(value, '$[4]')
FROM json_each(CAST(? AS TEXT)) WHERE true
ON CONFLICT(id) DO UPDATE SET
    label = CASE nodes.label WHEN '' THEN excluded.label ELSE nodes.label END,
    name = CASE
        WHEN (excluded.name GLOB '*[㐀-鿿]*') > (nodes.name GLOB '*[㐀-鿿]*')
          OR ((excluded.name GLOB '*[㐀-鿿]*') = (nodes.name GLOB '*[㐀-鿿]*')
              AND (length(excluded.name) > length(nodes.name)
                   OR (length(excluded.name) = length(nodes.name) AND excluded.name < nodes.name)))
        THEN excluded.name ELSE nodes.name END,
    props = json_patch(nodes.props, excluded.props),
    evidence = {_EVIDENCE_MERGE.format(old="nodes.evidence", new="excluded.evidence")}
"""
# Ids an edge names that may have no row yet get a placeholder (label ''), so the
# edge has a number to point at; it is filled in when the node's own record arrives.
INSERT_PLACEHOLDERS = """
INSERT OR IGNORE INTO nodes (id, label, name, props, evidence)
SELECT value, '', '', '{}', '[]' FROM json_each(CAST(? AS TEXT))
"""
# Rows: [src nid, type, dst nid, props, evidence, src id, dst id], written in key
# order. An end whose number the caller does not know (null) is looked up by id.
UPSERT_EDGES = f"""
INSERT INTO edges (src, type, dst, props, evidence)
SELECT coalesce(json_extract(j.value, '$[0]'), (SELECT nid FROM nodes WHERE id = json_extract(j.value, '$[5]'))),
       json_extract(j.value, '$[1]'),
       coalesce(json_extract(j.value, '$[2]'), (SELECT nid FROM nodes WHERE id = json_extract(j.value, '$[6]'))),
       json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]')
FROM json_each(CAST(? AS TEXT)) AS j
WHERE true ORDER BY 1, 2, 3
ON CONFLICT(src, type, dst) DO UPDATE SET
    props = json_patch(edges.props, excluded.props),
    evidence = {_EVIDENCE_MERGE.format(old="edges.evidence", new="excluded.evidence")}
"""
# Rows: [label, key, node id, surface].
INSERT_NAMES = """
INSERT OR IGNORE INTO names (label, key, node_id, surface)
SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
       json_extract(value, '$[3]')
FROM json_each(CAST(? AS TEXT))
"""
MAX_NID = "SELECT coalesce(max(nid), 0) FROM nodes"
# One JSON object, not a row a node: each row fetched would be a step, and each
# step gives up the interpreter lock and waits to get it back.
NEW_NIDS = "SELECT json_group_object(id, nid) FROM nodes WHERE nid > ?"


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
            try:
                restore_bulk_index(conn)
            except sqlite3.OperationalError:
                pass  # a read-only or busy file: its queries are right without the index
            return
        if version == 1:
            _v1_to_v2(conn)
            version = 2
        if version == 2:
            _v2_to_v3(conn)
            version = 3
        if version == 3:
            _v3_to_v4(conn)
        return
    elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path}: an SQLite file, but not a chaingraph store")
    with write_transaction(conn):
        _create_tables(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def has_bulk_index(conn: sqlite3.Connection) -> bool:
    """Return whether the index a long write drops (:data:`BULK_INDEX`) is there."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='index' AND name=?",
                        (BULK_INDEX,)).fetchone() is not None


def drop_bulk_index(conn: sqlite3.Connection) -> None:
    """Drop :data:`BULK_INDEX` for a long write, inside the caller's open
    transaction, noting this process (see :func:`writer_token`) so that a store
    opened meanwhile leaves it to this process to build again."""
    conn.execute(DROP_BULK_INDEX)
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (BULK_WRITER_KEY, writer_token(os.getpid())))


def restore_bulk_index(conn: sqlite3.Connection, *, force: bool = False) -> bool:
    """Build :data:`BULK_INDEX` again when a long write dropped it and its process
    has ended (it was killed, or this is its caller finishing up) or ``force`` is
    set; return whether it was built. A store whose writer is still at work is left
    alone: queries stay right without the index, only slower."""
    if has_bulk_index(conn):
        return False
    row = conn.execute("SELECT value FROM meta WHERE key=?", (BULK_WRITER_KEY,)).fetchone()
    if row and not force and _writer_alive(row[0]):
        return False
    with write_transaction(conn):
        conn.execute(CREATE_BULK_INDEX)
        conn.execute("DELETE FROM meta WHERE key=?", (BULK_WRITER_KEY,))
    return True


def writer_token(pid: int) -> str:
    """Return what names process ``pid`` as a store's writer: ``pid:start`` with
    the process's start time where Linux tells it (``/proc``), so that a number
    reused by a later process does not pass for the writer; ``pid:`` elsewhere."""
    stat = _proc_stat(pid)
    return f"{pid}:{stat[19] if stat else ''}"


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _writer_alive(token: str) -> bool:
    """Whether the writer ``token`` names (see :func:`writer_token`) is another
    process still running: one that has ended, is a zombie, or is a later process
    with a reused number is not; nor is this process, whose writes are over when it
    opens the store."""
    pid_text, _, start = token.partition(":")
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    stat = _proc_stat(pid)
    if stat is not None:
        return stat[0] != "Z" and (not start or stat[19] == start)
    if Path("/proc/self/stat").exists():
        return False  # Linux, and no such process
    try:  # no /proc: trust the signal test
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction: committed if it ends, rolled back
    (and the error raised again) if SQLite fails in it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in a savepoint of the open write transaction, beginning one
    when none is open, and leave the transaction open for the caller to commit: if
    SQLite fails in the block, only its work is rolled back and the error is raised
    again."""
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
    conn.execute("SAVEPOINT step")
    try:
        yield
    except sqlite3.Error:
        conn.execute("ROLLBACK TO step")
        conn.execute("RELEASE step")
        raise
    conn.execute("RELEASE step")


def _create_tables(conn: sqlite3.Connection) -> None:
    # One statement at a time: executescript() would commit the open transaction.
    for statement in DDL.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    # v1 kept evidence in a table of its own; v2 keeps it inline (see UPSERT_NODE).
    with write_transaction(conn):
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
        conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    # v2 keyed edges by text ids; v3 numbers the nodes and keys edges by number.
    with write_transaction(conn):
        for index in ("nodes_label", "nodes_name", "edges_dst"):
            conn.execute(f"DROP INDEX IF EXISTS {index}")
        conn.execute("ALTER TABLE nodes RENAME TO nodes_v2")
        conn.execute("ALTER TABLE edges RENAME TO edges_v2")
        _create_tables(conn)
        conn.execute("INSERT INTO nodes (id, label, name, props, evidence) "
                     "SELECT id, label, name, props, evidence FROM nodes_v2 ORDER BY id")
        conn.execute("INSERT INTO nodes (id, label, name, props, evidence) SELECT id, '', '', '{}', '[]' FROM "
                     "(SELECT src AS id FROM edges_v2 UNION SELECT dst FROM edges_v2 EXCEPT SELECT id FROM nodes_v2) "
                     "ORDER BY id")
        conn.execute("INSERT INTO edges (src, type, dst, props, evidence) "
                     "SELECT s.nid, e.type, d.nid, e.props, e.evidence FROM edges_v2 AS e "
                     "JOIN nodes AS s ON s.id = e.src JOIN nodes AS d ON d.id = e.dst ORDER BY 1, 2, 3")
        conn.execute("DROP TABLE nodes_v2")
        conn.execute("DROP TABLE edges_v2")
        conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    # v4 adds the tables of entity resolution: merged ids and reviewers' decisions.
    with write_transaction(conn):
        _create_tables(conn)
        conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
