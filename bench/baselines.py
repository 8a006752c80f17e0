"""Baselines: what a user would reach for instead of chaingraph, timed in the same
benchmark run on the same data, so each benchmark can print its time as a ratio.

Absolute times differ up to fourfold between machines of the same kind (issue 21);
a ratio to a baseline measured moments apart on the same machine does not. Each
function here returns a dict of figures; :func:`in_child` runs one in a child
process, so the baseline's memory does not count in the benchmark's peak and its
imports (pandas, igraph) do not change the benchmark's own process.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench import Timer

ROOT = Path(__file__).resolve().parent.parent


def in_child(func: str, **kwargs: Any) -> dict:
    """Run ``bench.baselines.<func>(**kwargs)`` (JSON-able arguments) in a child
    Python process and return the dict of figures it returns."""
    code = (f"import json, sys; from bench.baselines import {func}; "
            f"print(json.dumps({func}(**json.loads(sys.argv[1]))))")
    out = subprocess.run([sys.executable, "-c", code, json.dumps(kwargs)], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def ratio(own: float, base: float) -> float:
    """Return ``own / base`` to three significant digits (above 1: chaingraph is
    slower), or NaN when the baseline took no measurable time."""
    return float(f"{own / base:.3g}") if base > 0 else float("nan")


def pandas_read(path: str, encoding: str = "utf-8", repeat: int = 5) -> dict:
    """Time ``pandas.read_csv`` of the list at ``path`` (every cell as text, as the
    ingester reads it) ``repeat`` times; return the median as ``pandas_s`` and the
    rows read."""
    import pandas as pd

    times = []
    # A read this short is at the mercy of one scheduling hiccup on a shared machine.
    for _ in range(repeat):
        with Timer() as t:
            frame = pd.read_csv(path, encoding=encoding, dtype=str)
        times.append(t.seconds)
    return {"pandas_s": round(statistics.median(times), 3), "pandas_rows": len(frame)}


def pandas_to_sqlite(path: str, db: str, encoding: str = "utf-8") -> dict:
    """Time the do-it-yourself ingest: ``pandas.read_csv`` of ``path``, then one
    plain ``sqlite3`` ``executemany`` of its rows, as they are, into a new table of
    the list's columns in ``db``, committed. No ids, places, names or supply links
    are made: it is the floor of a pipeline, not the same work. Return ``diy_s``."""
    import pandas as pd

    with Timer() as t:
        frame = pd.read_csv(path, encoding=encoding, dtype=str)
        conn = sqlite3.connect(db)
        columns = ", ".join(f'"c{i}" TEXT' for i in range(len(frame.columns)))
        conn.execute(f"CREATE TABLE firms ({columns})")
        marks = ", ".join("?" * len(frame.columns))
        with conn:
            conn.executemany(f"INSERT INTO firms VALUES ({marks})",
                             frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None))
        conn.close()
    return {"diy_s": round(t.seconds, 3)}


_SIMPLE_SCHEMA = """
CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE edges (src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
                    PRIMARY KEY (src, type, dst));
"""


def _write_simple(conn: sqlite3.Connection, records: list) -> None:
    """Write ``records`` into the simple nodes/edges tables, props and evidence as
    one JSON text with the standard library's json, a repeated key replacing the row."""
    from chaingraph.model import NodeRecord

    def blob(rec) -> str:
        return json.dumps({"props": rec.props, "evidence": [e.to_dict() for e in rec.evidence]},
                          ensure_ascii=False)

    with conn:
        conn.executemany("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?)",
                         ((r.id, r.label.value, r.name, blob(r)) for r in records if type(r) is NodeRecord))
        conn.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?)",
                         ((r.src, r.type.value, r.dst, blob(r)) for r in records if type(r) is not NodeRecord))


def sqlite_write(n_nodes: int, n_edges: int, db: str) -> dict:
    """Time a plain ``sqlite3`` write of store-write's records (``n_nodes`` firms,
    ``n_edges`` supply links, built before the timing) into a new ``db`` with one
    nodes and one edges table: two ``executemany`` calls in one transaction. Return
    ``sqlite_s``, the records, the database's size and the SQLite version."""
    from bench.bench_store import _nodes_and_edges

    records = list(_nodes_and_edges(n_nodes, n_edges))
    with Timer() as t:
        conn = sqlite3.connect(db)
        conn.executescript(_SIMPLE_SCHEMA)
        _write_simple(conn, records)
        conn.close()
    return {"sqlite_s": round(t.seconds, 2), "sqlite_records": len(records),
            "sqlite_db_mb": round(Path(db).stat().st_size / 2**20), "sqlite_version": sqlite3.sqlite_version}


def sqlite_read(n_firms: int, seed: int, db: str) -> dict:
    """Write the generated graph of ``n_firms`` (``seed``) into the simple tables of
    a new ``db`` (not timed), then time a plain ``SELECT`` of both tables and a
    networkx MultiDiGraph built from them, props decoded, shaped like
    ``Store.to_networkx()``'s. Return ``sqlite_nx_s`` and the graph's size."""
    import networkx as nx

    from bench.generate import generate_records

    conn = sqlite3.connect(db)
    conn.executescript(_SIMPLE_SCHEMA)
    _write_simple(conn, list(generate_records(n_firms, seed=seed)))
    conn.close()
    with Timer() as t:
        conn = sqlite3.connect(db)
        graph = nx.MultiDiGraph()
        for node_id, label, name, blob in conn.execute("SELECT id, label, name, props FROM nodes"):
            graph.add_node(node_id, label=label, name=name, **json.loads(blob)["props"])
        for src, typ, dst, blob in conn.execute("SELECT src, type, dst, props FROM edges"):
            graph.add_edge(src, dst, key=typ, type=typ, **json.loads(blob)["props"])
        conn.close()
    return {"sqlite_nx_s": round(t.seconds, 2), "sqlite_nx_nodes": graph.number_of_nodes(),
            "sqlite_nx_edges": graph.number_of_edges()}


def pandas_dedupe(db: str) -> dict:
    """Find duplicate firms the way a user with pandas might: read the store's firm
    ids and names, key each name (case, width and legal suffixes folded) and group
    by the key; return the seconds and the number of ids in groups of two or more."""
    import pandas as pd

    from chaingraph.identity import name_key

    with Timer() as t:
        with sqlite3.connect(db) as conn:
            frame = pd.read_sql_query("SELECT id, name FROM nodes WHERE label='Firm'", conn)
        frame["key"] = frame["name"].map(name_key)
        sizes = frame.groupby("key")["id"].transform("size")
        duplicates = int((sizes > 1).sum())
    return {"pandas_s": round(t.seconds, 3), "pandas_duplicates": duplicates}
