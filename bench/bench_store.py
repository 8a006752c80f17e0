"""Issue 2's benchmarks: writing to the embedded store and reading it back.

Each also times, in a child process on the same records, what a user would write
by hand (issue 21): for the write, a plain ``sqlite3`` ``executemany`` into one
nodes and one edges table (``sqlite_s``, ``ratio_vs_sqlite``: chaingraph's time
over it); for the read, a plain ``SELECT`` of such tables and a networkx graph built
from the rows (``sqlite_nx_s``, ``ratio_vs_sqlite_nx``). The hand-written tables
replace a repeated record instead of merging its evidence and keep no name index.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import Timer, benchmark
from bench.baselines import in_child, ratio
from bench.generate import generate_firms, generate_records
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
from chaingraph.store import Store


def _nodes_and_edges(n_nodes: int, n_edges: int):
    """1M-scale raw write load: firm nodes, then supply edges between them."""
    firms = generate_firms(n_nodes, seed=7)
    for row, f in enumerate(firms):
        yield NodeRecord(f.id, Label.FIRM, f.name, {"city": f.city, "province": f.province},
                         [Evidence("source:bench", row=row)])
    step = max(1, n_nodes // 1000)
    for k in range(n_edges):
        i = k % n_nodes
        j = (i * 7919 + k // n_nodes * step + 1) % n_nodes
        if i == j:
            j = (j + 1) % n_nodes
        yield EdgeRecord(RelType.SUPPLIES, firms[i].id, firms[j].id, {}, [Evidence("source:bench", row=k)])


def _store_write(n_nodes: int, n_edges: int) -> dict:
    """Upsert ``n_nodes`` firms and ``n_edges`` supply links into a new store, then
    write the same records with plain sqlite3; return both times and their ratio."""
    records = list(_nodes_and_edges(n_nodes, n_edges))
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.db") as store, Timer() as t:
            stats = store.upsert(records, batch_size=50_000)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (Path(tmp) / "bench.db").stat().st_size
        del records  # the child builds its own copy; this one would only add to the machine's load
        plain = in_child("sqlite_write", n_nodes=n_nodes, n_edges=n_edges, db=str(Path(tmp) / "plain.db"))
    total = stats.nodes + stats.edges
    return {"seconds": round(t.seconds, 1), "records": total,
            "records_per_s": int(total / t.seconds), "db_mb": round(size / 2**20),
            "sqlite_s": plain["sqlite_s"], "ratio_vs_sqlite": ratio(t.seconds, plain["sqlite_s"]),
            "sqlite_db_mb": plain["sqlite_db_mb"], "sqlite_version": plain["sqlite_version"]}


@benchmark("store-write-1m")
def store_write_1m() -> dict:
    """Upsert 1M nodes and 3M edges (each with one evidence item) into a new store."""
    return _store_write(1_000_000, 3_000_000)


@benchmark("store-write-100k")
def store_write_100k() -> dict:
    """Upsert 100k nodes and 300k edges (each with one evidence item) into a new store."""
    return _store_write(100_000, 300_000)


@benchmark("store-read-100k")
def store_read_100k() -> dict:
    """Read a 100k-firm graph (about 300k supply links plus places and segments)
    back into networkx."""
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.db") as store:
            store.upsert(generate_records(100_000, seed=3), batch_size=50_000)
            with Timer() as t:
                graph = store.to_networkx()
            with Timer() as near:
                store.to_networkx(around=[next(iter(graph.nodes))], depth=2)
        nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
        del graph
        plain = in_child("sqlite_read", n_firms=100_000, seed=3, db=str(Path(tmp) / "plain.db"))
    return {"seconds": round(t.seconds, 2), "nodes": nodes,
            "edges": edges, "neighbourhood_2hop_s": round(near.seconds, 3),
            "sqlite_nx_s": plain["sqlite_nx_s"], "ratio_vs_sqlite_nx": ratio(t.seconds, plain["sqlite_nx_s"]),
            "sqlite_nx_edges": plain["sqlite_nx_edges"]}
