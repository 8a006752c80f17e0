"""Reads of a store that another process is writing to: each bulk read sees one
committed state, never the nodes of one and the edges of a later one.

A writer process commits small groups again and again; each group adds K firms and
K edges (hub -> f0 -> f1 -> ... -> f(K-1)), so every committed state has as many
nodes beyond the base as edges beyond it, and every edge's ends are nodes. Whether
a torn read is caught depends on timing; whether a read counts as whole does not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chaingraph.errors import StoreError
from chaingraph.store.export import export_store
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
K = 20  # nodes and edges each commit adds
BASE = 5000  # firms (and edges) stored before the writer starts
ROUNDS = 6
MAX_GROUPS = 1500

# The writer: commit group after group, pausing a moment between groups so the store
# stays small enough to read quickly, until told to stop or MAX_GROUPS are written;
# it writes how many groups it committed when it ends.
WRITER = r"""
import sys, time
from pathlib import Path
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
from chaingraph.store import Store

db, stop, done, k, max_groups = (Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]),
                                 int(sys.argv[4]), int(sys.argv[5]))
ev = [Evidence("source:w", row=1)]
group = 0
with Store(db) as store:
    while not stop.exists() and group < max_groups:
        ids = [f"firm:w{group}-{i}" for i in range(k)]
        records = [NodeRecord(i, Label.FIRM, i, {}, ev) for i in ids]
        records.append(EdgeRecord(RelType.SUPPLIES, "firm:hub", ids[0], {}, ev))
        records += [EdgeRecord(RelType.SUPPLIES, a, b, {}, ev) for a, b in zip(ids, ids[1:])]
        store.upsert(records)
        group += 1
        time.sleep(0.005)
done.write_text(str(group))
"""


def _base(store: Store) -> None:
    ev = [Evidence("source:base", row=0)]
    records: list = [NodeRecord("firm:hub", Label.FIRM, "Hub", {}, ev)]
    records += [NodeRecord(f"firm:b{i}", Label.FIRM, f"Base {i}", {"n": i}, ev) for i in range(BASE)]
    records += [EdgeRecord(RelType.SUPPLIES, f"firm:b{i}", f"firm:b{(i * 7 + 1) % BASE}", {}, ev)
                for i in range(BASE - 1)]
    records.append(EdgeRecord(RelType.SUPPLIES, "firm:hub", "firm:b0", {}, ev))
    store.upsert(records)


def _committed(nodes: int, edges: int) -> bool:
    """Whether ``nodes`` and ``edges`` are the counts of some committed state."""
    extra = nodes - (BASE + 1)
    return extra >= 0 and extra == edges - BASE and extra % K == 0


def _check_graph(store: Store, tmp_path: Path) -> str | None:
    graph = PlacedGraph.from_store(store).graph  # what gaps, key-firms and render read
    unread = [n for n, attrs in graph.nodes(data=True) if "label" not in attrs]
    if unread or not _committed(graph.number_of_nodes(), graph.number_of_edges()):
        return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {len(unread)} ends never read"
    return None


def _check_export(store: Store, tmp_path: Path) -> str | None:
    out = tmp_path / "g.json"
    export_store(store, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    ids = {n["id"] for n in data["nodes"]}
    dangling = [e for e in data["edges"] if e["src"] not in ids or e["dst"] not in ids]
    if dangling or not _committed(len(ids), len(data["edges"])):
        return f"{len(ids)} nodes, {len(data['edges'])} edges, {len(dangling)} dangling"
    return None


def _check_stats(store: Store, tmp_path: Path) -> str | None:
    stats = store.stats()
    if not _committed(stats.nodes, stats.edges) or stats.evidence != stats.nodes + stats.edges:
        return str(stats.to_dict())
    return None


def _check_degrees(store: Store, tmp_path: Path) -> str | None:
    degree, n_edges = store.degree_counts()
    if sum(degree.values()) != 2 * n_edges or (n_edges - BASE) % K:
        return f"{sum(degree.values())} edge ends, {n_edges} edges"
    return None


def _check_around(store: Store, tmp_path: Path) -> str | None:
    around = store.to_networkx(around=["firm:hub"], depth=1)
    if around.number_of_nodes() != around.number_of_edges() + 1:
        return f"{around.number_of_nodes()} nodes, {around.number_of_edges()} edges"
    return None


CHECKS = [_check_graph, _check_export, _check_stats, _check_degrees, _check_around]


def test_bulk_reads_beside_a_writing_process_are_whole(tmp_path):
    db = tmp_path / "g.db"
    with Store(db) as store:
        _base(store)
    stop, done = tmp_path / "stop", tmp_path / "done"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(stop), str(done), str(K), str(MAX_GROUPS)],
                              env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                              stderr=subprocess.PIPE, text=True)
    problems: list[str] = []
    try:
        with Store(db, create=False) as store:
            while store.stats().nodes == BASE + 1 and writer.poll() is None:
                pass  # wait for the writer's first group
            for round_ in range(ROUNDS):
                for check in CHECKS:
                    try:
                        problem = check(store, tmp_path)
                    except Exception as exc:  # a torn read can crash (KeyError on an unread node)
                        problem = f"raised {type(exc).__name__}: {exc}"
                    if problem:
                        problems.append(f"{check.__name__[7:]}, round {round_}: {problem}")
    finally:
        stop.touch()
        _, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors
    groups = int(done.read_text())
    assert groups > 1, "the writer did not run beside the reads"
    assert problems == []
    with Store(db, create=False) as store:  # the end state is whole too
        stats = store.stats()
        assert (stats.nodes, stats.edges) == (BASE + 1 + K * groups, BASE + K * groups)


def test_a_snapshot_sees_one_state_until_it_ends(tmp_path):
    db = tmp_path / "s.db"
    ev = [Evidence("source:t", row=1)]
    with Store(db) as reader, Store(db) as writer:
        writer.upsert([NodeRecord("firm:a", Label.FIRM, "A", {}, ev)])
        with reader.snapshot():
            assert reader.stats().nodes == 1
            writer.upsert([NodeRecord("firm:b", Label.FIRM, "B", {}, ev),
                           EdgeRecord(RelType.SUPPLIES, "firm:a", "firm:b", {}, ev)])
            with reader.snapshot():  # re-entrant: still the outer snapshot
                assert reader.stats().nodes == 1
                assert reader.to_networkx().number_of_edges() == 0
            assert [n.id for n in reader.iter_nodes()] == ["firm:a"]
            assert reader.get_node("firm:b") is None
            with pytest.raises(StoreError, match="inside a read snapshot"):
                reader.upsert([NodeRecord("firm:c", Label.FIRM, "C")])
        assert not reader.conn.in_transaction
        assert (reader.stats().nodes, reader.stats().edges) == (2, 1)
