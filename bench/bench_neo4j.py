"""Issue 5's benchmark: loading the embedded store into a real local Neo4j, batched
(``chaingraph load``) beside one statement per node and per relationship.

It starts its own Neo4j with ``scripts/neo4j-local`` in a temporary home (2 GB heap,
1 GB page cache), so a development database is never touched, and stops it at the end.
The one-by-one way is timed on a sample (auto-commit ``MERGE`` per item, with the
same uniqueness constraints and with parameters, which is kinder to it than the
string-built statements such loaders often use) and extrapolated to the whole graph;
the figures say so.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from itertools import islice
from pathlib import Path

from bench import Timer, benchmark
from bench.generate import generate_records
from chaingraph.model import Label, RelType
from chaingraph.neo4j_connect import Neo4jSettings, open_driver
from chaingraph.neo4j_load import _row_props, ensure_schema, load_store
from chaingraph.neo4j_queries import statement
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 3000


def _start(home: Path) -> tuple[Neo4jSettings, dict[str, str]]:
    env = dict(os.environ, NEO4J_LOCAL_HOME=str(home), NEO4J_LOCAL_HEAP="2g", NEO4J_LOCAL_PAGECACHE="1g",
               NEO4J_LOCAL_WATCH_PID=str(os.getpid()))
    out = subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "start"], capture_output=True, text=True,
                         env=env, check=True, timeout=900).stdout
    found = dict(re.findall(r"^export (\w+)=(\S+)$", out, re.M))
    return Neo4jSettings(found["NEO4J_URI"], found["NEO4J_USERNAME"], found["NEO4J_PASSWORD"]), env


def _wipe(driver) -> None:
    with driver.session() as session:
        session.run(statement("_wipe")).consume()


def _one_by_one(store: Store, driver) -> dict:
    """Time MERGE-per-statement on SAMPLE nodes (into an empty database) and SAMPLE
    relationships (between nodes already there); return rates per second."""
    _wipe(driver)
    nodes = list(islice(store.iter_nodes(Label.FIRM), SAMPLE))
    with driver.session() as session, Timer() as t_nodes:
        for n in nodes:
            session.run(statement("_merge_node_single", label=Label.FIRM), id=n.id,
                        props=_row_props(n.name, n.props, store.evidence(n.id))).consume()
    node_rate = len(nodes) / t_nodes.seconds
    # Relationships need their ends: load every node batched (not timed), then time
    # single MERGEs of supply links that are not there yet.
    _wipe(driver)
    load_nodes_only(store, driver)
    edges = list(islice(store.iter_edges(RelType.SUPPLIES), SAMPLE))
    with driver.session() as session, Timer() as t_edges:
        for e in edges:
            session.run(statement("_merge_edge_single", src=Label.FIRM, dst=Label.FIRM, type=RelType.SUPPLIES),
                        src=e.src, dst=e.dst, props=_row_props(None, e.props, store.evidence(e.key))).consume()
    edge_rate = len(edges) / t_edges.seconds
    return {"node_rate": node_rate, "edge_rate": edge_rate}


def load_nodes_only(store: Store, driver) -> None:
    """Merge every node of ``store`` in batches (setup for the relationship sample)."""
    from chaingraph.neo4j_load import LoadReport, _batches, write_batch

    report = LoadReport()
    for label in Label:
        rows = ({"id": n.id, "props": _row_props(n.name, n.props, [])} for n in store.iter_nodes(label))
        for batch in _batches(rows, 5000):
            write_batch(driver, statement("_merge_nodes", label=label), batch, report)


@benchmark("neo4j-load-100k")
def neo4j_load_100k() -> dict:
    """Load 100k firms with about 500k relationships from the store into a local
    Neo4j in UNWIND batches; beside it, one statement per item (sampled)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        with Store(tmp_path / "bench.db") as store:
            store.upsert(generate_records(100_000, seed=5, per_firm=3.0), batch_size=50_000)
            stats = store.stats()
            settings, env = _start(tmp_path / "neo4j")
            try:
                with open_driver(settings) as driver:
                    ensure_schema(driver)
                    with Timer() as t:
                        report = load_store(store, driver)
                    with Timer() as again:
                        rerun = load_store(store, driver)
                    single = _one_by_one(store, driver)
            finally:
                subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "stop"], env=env, capture_output=True,
                               timeout=300)
    single_seconds = stats.nodes / single["node_rate"] + stats.edges / single["edge_rate"]
    return {
        "seconds": round(t.seconds, 1),
        "nodes": report.nodes, "relationships": report.edges,
        "rel_per_s": int(report.edges / t.seconds),
        "records_per_s": int((report.nodes + report.edges) / t.seconds),
        "reload_s": round(again.seconds, 1), "reload_created": rerun.nodes_created + rerun.relationships_created,
        "one_by_one_nodes_per_s": int(single["node_rate"]), "one_by_one_rels_per_s": int(single["edge_rate"]),
        "one_by_one_est_s": round(single_seconds), "one_by_one_sample": f"{SAMPLE}+{SAMPLE} extrapolated",
        "speedup": round(single_seconds / t.seconds, 1),
    }
