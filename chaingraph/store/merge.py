"""Merging nodes that turned out to be one: the store-level operation entity
resolution uses, at ingest and in ``chaingraph resolve``.

A node merged away gives everything to its survivor: properties (the survivor's
win per key), evidence, every name and alias, and its edges with their evidence
(an edge both ends already have is merged into that edge). Its row is deleted and
``old id -> survivor id`` is kept in the ``merged`` table, so the old id still
finds the node (:func:`follow`) and a later record written under it goes to the
survivor. Merging is idempotent: a pair already merged changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import orjson

from chaingraph.model import RelType
from chaingraph.store.evidence import dedup, dumps
from chaingraph.store.schema import write_transaction
from chaingraph.store.sqlite import sqlite3


def redirects(conn: sqlite3.Connection) -> dict[str, str]:
    """Return every merged-away id with the id of the node that holds it now."""
    return dict(conn.execute("SELECT old_id, new_id FROM merged"))


def follow(conn: sqlite3.Connection, node_id: str) -> str:
    """Return the id that holds ``node_id`` now: itself unless it was merged away."""
    row = conn.execute("SELECT new_id FROM merged WHERE old_id=?", (node_id,)).fetchone()
    return row[0] if row else node_id


def _union_items(old: str, new: str) -> str:
    items = [tuple(i) for i in orjson.loads(old) + orjson.loads(new)]
    return dumps([list(i) for i in dedup(items)]) if items else "[]"


def _node_id(conn: sqlite3.Connection, nid: int) -> str:
    """The id of the node numbered ``nid``."""
    return conn.execute("SELECT id FROM nodes WHERE nid=?", (nid,)).fetchone()[0]


def merge_nodes(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]],
                choose_name: Callable[[str, str, dict, dict], str] | None = None) -> int:
    """Merge each ``(old id, survivor id)`` of ``pairs`` in one write transaction and
    return how many nodes were merged away. ``choose_name(survivor name, old name,
    survivor props, old props)`` picks the display name (default: the survivor's);
    the other stays an alias. Pairs whose old node is gone or is its own survivor
    are skipped; a survivor that was itself merged away is followed."""
    done = 0
    with write_transaction(conn):
        for old, new in pairs:
            new = follow(conn, new)
            if old == new:
                continue
            o = conn.execute("SELECT nid, label, name, props, evidence FROM nodes WHERE id=?", (old,)).fetchone()
            n = conn.execute("SELECT nid, label, name, props, evidence FROM nodes WHERE id=?", (new,)).fetchone()
            if o is None or n is None:
                continue
            o_nid, o_label, o_name, o_props, o_ev = o
            n_nid, n_label, n_name, n_props, n_ev = n
            props_old, props_new = orjson.loads(o_props), orjson.loads(n_props)
            name = n_name or o_name
            if choose_name is not None and o_name and n_name:
                name = choose_name(n_name, o_name, props_new, props_old)
            evidence = _union_items(n_ev, o_ev)
            # Edges between the two become loops: their evidence stays, on the node.
            for s, t, d, p, ev in conn.execute(
                    "SELECT src, type, dst, props, evidence FROM edges WHERE src=? OR dst=?", (o_nid, o_nid)).fetchall():
                conn.execute("DELETE FROM edges WHERE src=? AND type=? AND dst=?", (s, t, d))
                s2 = n_nid if s == o_nid else s
                d2 = n_nid if d == o_nid else d
                if s2 == d2:
                    evidence = _union_items(evidence, ev)
                    continue
                if t == RelType.SIGNED_WITH.value and _node_id(conn, d2) < _node_id(conn, s2):
                    s2, d2 = d2, s2  # undirected: its ends stay sorted by id, as EdgeRecord sorts them
                there = conn.execute("SELECT props, evidence FROM edges WHERE src=? AND type=? AND dst=?",
                                     (s2, t, d2)).fetchone()
                if there is None:
                    conn.execute("INSERT INTO edges (src, type, dst, props, evidence) VALUES (?, ?, ?, ?, ?)",
                                 (s2, t, d2, p, ev))
                else:
                    merged_props = {**orjson.loads(p), **orjson.loads(there[0])}
                    conn.execute("UPDATE edges SET props=?, evidence=? WHERE src=? AND type=? AND dst=?",
                                 (dumps(merged_props), _union_items(there[1], ev), s2, t, d2))
            props = {**props_old, **props_new}
            if "outside_list" in props:  # listed by either source: not outside the lists
                props["outside_list"] = bool(props_old.get("outside_list", True) and props_new.get("outside_list", True))
            conn.execute("UPDATE nodes SET label=?, name=?, props=?, evidence=? WHERE nid=?",
                         (n_label or o_label, name, dumps(props), evidence, n_nid))
            conn.execute("INSERT OR IGNORE INTO names (label, key, node_id, surface) "
                         "SELECT label, key, ?, surface FROM names WHERE node_id=?", (new, old))
            conn.execute("DELETE FROM names WHERE node_id=?", (old,))
            conn.execute("DELETE FROM nodes WHERE nid=?", (o_nid,))
            conn.execute("INSERT OR REPLACE INTO merged (old_id, new_id) VALUES (?, ?)", (old, new))
            conn.execute("UPDATE merged SET new_id=? WHERE new_id=?", (new, old))
            done += 1
    return done
