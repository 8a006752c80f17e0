"""Issue 5's benchmark: loading the embedded store into a real local Neo4j, batched
(``chaingraph load``) beside one statement per node and per relationship.

It starts its own Neo4j with ``scripts/neo4j-local`` in a temporary home (2 GB heap,
1 GB page cache), so a development database is never touched, and stops it at the end.
The first load runs on a server started just before it, whose JVM spends much of
that load compiling (the cold figure, the one the target is judged by); the load is
then repeated (nothing created), the database wiped and the load timed once more on
the now warm server (a long-running researcher's server), all three with the
server's CPU seconds (from /proc) and the loading process's, and the load average.
The one-by-one way is timed on a sample (auto-commit ``MERGE`` per item, with the
same uniqueness constraints and with parameters, which is kinder to it than the
string-built statements such loaders often use) and extrapolated to the whole graph;
the figures say so.

The second baseline is Neo4j's offline bulk importer: the server is stopped, the
store written with ``chaingraph export --format neo4j-csv`` (``export_s``) and
imported with ``scripts/neo4j-local import`` (``import_s``, a JVM of its own
included), into the same temporary home. It makes no constraints and keeps evidence
as one JSON text, so it does less than the load; ``ratio_vs_bulk_import`` is the
cold load's time over export plus import, ``ratio_vs_merge_per_row`` the cold
load's over one statement per item.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import tempfile
from itertools import islice
from pathlib import Path

from bench import Timer, benchmark
from bench.generate import generate_records
from bench.baselines import ratio
from chaingraph.store.export import export_store
from chaingraph.model import Label, RelType
from chaingraph.neo4j.connect import Neo4jSettings, open_driver
from chaingraph.neo4j.load import ensure_schema, load_store
from chaingraph.neo4j.props import row_props
from chaingraph.neo4j.queries import statement
from chaingraph.store import Store
from chaingraph.store.evidence import encode

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 3000


def _start(home: Path) -> tuple[Neo4jSettings, dict[str, str]]:
    env = dict(os.environ, NEO4J_LOCAL_HOME=str(home), NEO4J_LOCAL_HEAP="2g", NEO4J_LOCAL_PAGECACHE="1g",
               NEO4J_LOCAL_WATCH_PID=str(os.getpid()))
    out = subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "start"], capture_output=True, text=True,
                         env=env, check=True, timeout=900).stdout
    found = dict(re.findall(r"^export (\w+)=(\S+)$", out, re.M))
    return Neo4jSettings(found["NEO4J_URI"], found["NEO4J_USERNAME"], found["NEO4J_PASSWORD"]), env


def _server_cpu(home: Path) -> float:
    """CPU seconds (user + system) the Neo4j JVM of ``home`` has used so far."""
    pid = (home / "pid").read_text().strip()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed_load(store: Store, driver, home: Path) -> dict:
    """Load ``store`` and return its report with wall, server and own CPU seconds
    and the 1-minute load average at the end."""
    server, own = _server_cpu(home), _own_cpu()
    with Timer() as t:
        report = load_store(store, driver)
    return {"report": report, "seconds": t.seconds, "server_cpu": round(_server_cpu(home) - server, 1),
            "loader_cpu": round(_own_cpu() - own, 1), "loadavg": round(os.getloadavg()[0], 2)}


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
                        props=row_props(n.name, n.props, [encode(e) for e in store.evidence(n.id)])).consume()
    node_rate = len(nodes) / t_nodes.seconds
    # Relationships need their ends: load every node batched (not timed), then time
    # single MERGEs of supply links that are not there yet.
    _wipe(driver)
    load_nodes_only(store, driver)
    edges = list(islice(store.iter_edges(RelType.SUPPLIES), SAMPLE))
    with driver.session() as session, Timer() as t_edges:
        for e in edges:
            session.run(statement("_merge_edge_single", src=Label.FIRM, dst=Label.FIRM, type=RelType.SUPPLIES),
                        src=e.src, dst=e.dst, props=row_props(None, e.props, [encode(x) for x in store.evidence(e.key)])).consume()
    edge_rate = len(edges) / t_edges.seconds
    return {"node_rate": node_rate, "edge_rate": edge_rate}


def load_nodes_only(store: Store, driver) -> None:
    """Merge every node of ``store`` in batches (setup for the relationship sample)."""
    from chaingraph.neo4j.load import LoadReport, _batches, write_batch

    report = LoadReport()
    for label in Label:
        rows = ({"id": n.id, "props": row_props(n.name, n.props, [])} for n in store.iter_nodes(label))
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
                home = tmp_path / "neo4j"
                with open_driver(settings) as driver:
                    ensure_schema(driver)
                    cold = _timed_load(store, driver, home)
                    again = _timed_load(store, driver, home)
                    _wipe(driver)
                    warm = _timed_load(store, driver, home)
                    single = _one_by_one(store, driver)
            finally:
                subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "stop"], env=env, capture_output=True,
                               timeout=300)
            bulk = _bulk_import(store, tmp_path / "csv", env)
    single_seconds = stats.nodes / single["node_rate"] + stats.edges / single["edge_rate"]
    report, rerun, seconds = cold["report"], again["report"], cold["seconds"]
    return {
        "seconds": round(seconds, 1),
        "nodes": report.nodes, "relationships": report.edges,
        "rel_per_s": int(report.edges / seconds),
        "records_per_s": int((report.nodes + report.edges) / seconds),
        "server_cpu_s": cold["server_cpu"], "loader_cpu_s": cold["loader_cpu"], "loadavg": cold["loadavg"],
        "reload_s": round(again["seconds"], 1), "reload_created": rerun.nodes_created + rerun.relationships_created,
        "warm_s": round(warm["seconds"], 1), "warm_rel_per_s": int(warm["report"].edges / warm["seconds"]),
        "warm_created": warm["report"].nodes_created + warm["report"].relationships_created,
        "warm_server_cpu_s": warm["server_cpu"], "warm_loader_cpu_s": warm["loader_cpu"],
        "warm_loadavg": warm["loadavg"],
        "one_by_one_nodes_per_s": int(single["node_rate"]), "one_by_one_rels_per_s": int(single["edge_rate"]),
        "one_by_one_est_s": round(single_seconds), "one_by_one_sample": f"{SAMPLE}+{SAMPLE} extrapolated",
        "speedup": round(single_seconds / seconds, 1),
        "ratio_vs_merge_per_row": ratio(seconds, single_seconds),
        **bulk, "ratio_vs_bulk_import": ratio(seconds, bulk["export_s"] + bulk["import_s"]),
    }


def _bulk_import(store: Store, out: Path, env: dict[str, str]) -> dict:
    """Export ``store`` as neo4j-csv into ``out`` and bulk-import it into the stopped
    server of ``env``'s home; return both times and what the importer reports."""
    with Timer() as export:
        export_store(store, "neo4j-csv", out)
    with Timer() as imported:
        done = subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "import", str(out)], env=env,
                              capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"bulk import failed: {done.stderr.strip()[-300:]}")
    counts = {what: int(n) for n, what in re.findall(r"(\d+) (nodes|relationships)\b", done.stderr)}
    return {"export_s": round(export.seconds, 1), "import_s": round(imported.seconds, 1),
            "import_nodes": counts.get("nodes", 0), "import_relationships": counts.get("relationships", 0)}
