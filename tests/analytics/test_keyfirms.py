"""Key firms of the toy chain on the fixture graph. By hand: 9 firms, 12 supply links;
articulation points f1 (only link of f5), f2 (only link of f7), f4 (only link of f9);
sole suppliers: f3 for f1 and f2 (steel), f6 for f1 (engines), f4 for f2 (hydraulics),
f9 for f4, f1 for f3; betweenness of f1 = 8 / 56."""

import json
from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.keyfirms import declared_groups, key_firms
from chaingraph.ingest import ingest_paths
from chaingraph.store import Store



def test_measures_worked_out_by_hand(toy_placed):
    report = key_firms(toy_placed)
    assert (report.network_firms, report.network_links, report.betweenness_k) == (9, 12, None)
    firms = {f.firm_id: f for f in report.firms}
    assert len(firms) == 9
    assert {f for f, x in firms.items() if x.articulation} == {"firm:f1", "firm:f2", "firm:f4"}
    sole = {f: x.sole_supplier_of for f, x in firms.items() if x.sole_supplier_of}
    assert sole == {"firm:f3": ["Zoomlion Heavy Industry", "三一重工股份有限公司"],
                    "firm:f6": ["三一重工股份有限公司"], "firm:f4": ["Zoomlion Heavy Industry"],
                    "firm:f9": ["江苏恒立液压股份有限公司"], "firm:f1": ["Xiangtan Iron & Steel"]}
    assert firms["firm:f1"].betweenness == pytest.approx(8 / 56, abs=1e-6)
    assert firms["firm:f8"].betweenness == 0
    # PageRank over customer -> supplier: the pure customer f8 ranks last.
    assert sum(f.pagerank for f in report.firms) == pytest.approx(1, abs=1e-4)
    assert min(report.firms, key=lambda f: f.pagerank).firm_id == "firm:f8"
    assert report.firms == sorted(report.firms, key=lambda f: (-f.pagerank, -f.betweenness, f.firm))
    assert firms["firm:f1"].groups == ["长株潭工程机械联盟", "长沙经开区"]


def test_communities_cover_the_network_and_compare_with_declared_groups(toy_placed, analytics_graph):
    report = key_firms(toy_placed)
    assert sum(c.size for c in report.communities) + report.singletons == 9
    assert all(c.size > 1 for c in report.communities)
    assert declared_groups(analytics_graph, ["firm:f1", "firm:f2", "firm:f7", "firm:f8"]) == {
        "长沙经开区": {"firm:f1"}, "长株潭工程机械联盟": {"firm:f1", "firm:f2", "firm:f7"}}
    members = {f.firm_id: f.community for f in report.firms}
    for community in report.communities:
        ids = {f for f, c in members.items() if c == community.id}
        assert len(ids) == community.size
        if community.best_group == "长株潭工程机械联盟":
            group = {"firm:f1", "firm:f2", "firm:f7"}
            assert community.jaccard == round(len(ids & group) / len(ids | group), 3)


def test_region_restricts_the_network_and_sampling_is_reported(toy_placed):
    report = key_firms(toy_placed, "Hunan")
    # Hunan: f1, f2, f3, f7 with links f3->f1, f3->f2, f7->f2, f1->f3.
    assert (report.network_firms, report.network_links, report.region) == (4, 4, "湖南")
    sampled = key_firms(toy_placed, betweenness_k=3)
    assert sampled.betweenness_k == 3
    empty = key_firms(toy_placed, "Gansu")
    assert empty.firms == [] and empty.network_firms == 0


def test_sparse_network_is_summarised_and_warned_of():
    import networkx as nx

    from chaingraph.analytics.chains import chain_from_dict

    g = nx.MultiDiGraph()
    for i in range(40):
        g.add_node(f"f{i:02d}", label="Firm", name=f"F{i:02d}", products="ore")
    # One supplier with two customers, one pair: PageRank ties among the customers.
    for s_, t in [("f00", "f01"), ("f00", "f02"), ("f10", "f11")]:
        g.add_edge(s_, t, key="SUPPLIES", type="SUPPLIES")
    chain = chain_from_dict({"name": "toy", "segments": [{"name": "ore", "stage": "upstream", "keywords": ["ore"]}]})
    report = key_firms(PlacedGraph.from_graph(g, chain))
    assert report.unlinked == 35 and {f.firm_id for f in report.firms} == {"f00", "f01", "f02", "f10", "f11"}
    assert report.singletons == 35 and [c.size for c in report.communities] == [3, 2]
    assert report.warnings and "3 supply link(s) among 40 firm(s) (0.07 per firm)" in report.warnings[0]
    assert report.to_frame()["firm"].tolist() == [f.firm for f in report.firms]


def test_key_firms_are_the_same_whatever_the_hash_seed(tmp_path):
    # Louvain and the rankings follow the network's node order: built from a set,
    # it changed with PYTHONHASHSEED, and so did the community numbers.
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest_paths([root / "data" / "lists", root / "data" / "articles"], store, rejects_path=tmp_path / "r.csv")
    code = f"import sys; sys.path.insert(0, {str(root)!r}); import cli; cli.main()"
    outputs = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", code, "--db", str(db), "key-firms", "--chain", "工程机械",
                               "--format", "json"], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert len({o for o in outputs}) == 1
    assert len({f["community"] for f in json.loads(outputs[0])["firms"]}) > 1
