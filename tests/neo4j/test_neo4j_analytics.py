"""Planner analytics (issue 6) give the same answers on the graph read back from a real
Neo4j as on the embedded store's graph: the analytics fixture is loaded into Neo4j,
read with graph_from_neo4j, and every question is asked of both."""

from __future__ import annotations

from pathlib import Path

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.compare import compare_regions
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.keyfirms import key_firms
from chaingraph.neo4j.connect import open_driver
from chaingraph.neo4j.readback import graph_from_neo4j
from chaingraph.neo4j.sync import push_to_neo4j
from chaingraph.store import Store
from chaingraph.analytics.traverse import downstream, upstream
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

DATA = Path(__file__).resolve().parents[1] / "data" / "analytics"
CHAINS = [DATA / "chains"]


def test_analytics_agree_between_store_and_neo4j(neo4j_settings, tmp_path):
    with Store(tmp_path / "a.db") as store:
        ingest_paths([DATA / "graph.jsonl"], store, IngestOptions(), rejects_path=tmp_path / "r.csv")
        push_to_neo4j(neo4j_settings, store)
        local = store.to_networkx()
    with open_driver(neo4j_settings) as driver:
        remote = graph_from_neo4j(driver, neo4j_settings.database)
    toy_remote = PlacedGraph.from_graph(remote, "toy machinery", chains_dirs=CHAINS)
    toy_local = PlacedGraph.from_graph(local, "toy machinery", chains_dirs=CHAINS)
    for region in ("Hunan", "长沙", "Gansu", "长沙经开区"):
        assert find_gaps(toy_remote, region).to_dict() == find_gaps(toy_local, region).to_dict()
    assert find_gaps(PlacedGraph.from_graph(remote, "工程机械整机"), "湖南").to_dict() == \
        find_gaps(PlacedGraph.from_graph(local, "工程机械整机"), "湖南").to_dict()
    assert key_firms(toy_remote).to_dict() == key_firms(toy_local).to_dict()
    assert compare_regions(toy_remote, ["湖南", "Changsha"]).to_dict() == \
        compare_regions(toy_local, ["湖南", "Changsha"]).to_dict()
    for walk, start in ((upstream, "firm:f1"), (downstream, "firm:f9"), (upstream, "segment:工程机械整机")):
        assert [(r.node, r.depth, r.path) for r in walk(remote, start, 0)] == \
            [(r.node, r.depth, r.path) for r in walk(local, start, 0)]
    hunan = {s["segment"]: s["status"] for s in find_gaps(toy_remote, "Hunan").to_dict()["segments"]}
    assert hunan == {"钢材": "weak", "液压件": "missing", "发动机": "weak", "整机": "present", "租赁": "missing"}
