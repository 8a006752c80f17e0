"""What-if analyses (issue 22) on tests/data/whatif/, answers worked out by hand.

The fixture: steel 湘钢 (湖南) and 沙钢 (江苏); hydraulics 恒液 (江苏), 艾液 (山东), 湘液
(湖南); machine makers 三机, 中机 (湖南) and 徐机 (江苏); leasing 湘租 (湖南), 苏租 (江苏).
Supply links: 湘钢→湘液; 沙钢→三机 (weight 2), 恒液→三机 (1), 艾液→三机 (1); 沙钢→中机,
恒液→中机; 沙钢→徐机, 恒液→徐机; 三机→湘租, 中机→湘租; 徐机→苏租. Only 三机's links carry
weights, so its shares are 0.5/0.25/0.25 and every other firm's are equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chaingraph.analytics.attract import attract
from chaingraph.analytics.gaps import GapStatus, find_gaps
from chaingraph.analytics.impact import impact
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.removal import downstream_exposure
from chaingraph.errors import NotFoundError
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions
from chaingraph.store import Store

DATA = Path(__file__).resolve().parent.parent / "data" / "whatif"


@pytest.fixture
def whatif_store(tmp_path):
    with Store(tmp_path / "whatif.db") as store:
        report = ingest_paths([DATA / "graph.jsonl"], store, IngestOptions(), rejects_path=tmp_path / "r.csv")
        assert not report.rejects
        yield store


@pytest.fixture
def placed(whatif_store):
    return PlacedGraph.from_store(whatif_store, "假设机械", chains_dirs=[DATA / "chains"])


def by_name(report):
    return {f.firm: f for f in report.firms}


def test_the_fixture_places_every_firm_in_its_segment(placed):
    assert {seg: sorted(placed.graph.nodes[f]["name"][:2] for f in members)
            for seg, members in placed.placed.items()} == {
        "钢材": ["沙钢", "湘钢"], "液压件": ["恒液", "湘液", "艾液"], "整机": ["三机", "中机", "徐机"],
        "租赁": ["湘租", "苏租"]}


def test_a_sole_supplier_removed_stops_its_customers(placed):
    """恒液 is 中机's and 徐机's only hydraulics supplier: both stop; 三机 keeps 艾液
    and carries on having lost a quarter of its supply (weights 2:1:1). Round 2:
    湘租 loses 中机 (keeps 三机); 苏租 loses 徐机, its only machine maker, and stops."""
    report = impact(placed, ["恒液"], ["湖南"])
    assert [t.to_dict() for t in report.targets] == [{"query": "恒液", "kind": "firm", "name": "恒液有限公司",
                                                      "firms": 1}]
    got = {f.firm[:2]: (f.depth, f.stopped, f.stopped_segments, f.lost_share) for f in report.firms}
    assert got == {"三机": (1, False, [], 0.25), "中机": (1, True, ["液压件"], 0.5), "徐机": (1, True, ["液压件"], 0.5),
                   "湘租": (2, False, [], 0.5), "苏租": (2, True, ["整机"], 1.0)}
    su = by_name(report)["苏租有限公司"]
    assert su.path == ["恒液有限公司", "徐机有限公司", "苏租有限公司"]
    assert len(su.evidence) == 2 and all("graph.jsonl, row" in e for e in su.evidence)
    # 湖南's buying firms of the chain: 湘液 (loses 0), 三机 (0.25), 中机 (gone: 1), 湘租 (0.5).
    [hunan] = [r.to_dict() for r in report.regions]
    assert hunan == {"region": "湖南", "chain": "假设机械", "exposure": pytest.approx(1.75 / 4, abs=1e-3),
                     "buyers": 4, "losing": 3, "stopped": 1, "removed": 0}
    rows = {s.segment: (str(s.before), str(s.after), s.local_before, s.local_after, s.removed_share,
                        s.mostly_removed) for s in report.segments}
    # 液压件 into 湖南: 恒液→三机 (0.25) + 恒液→中机 (0.5) of 0.25 + 0.25 + 0.5.
    assert rows == {"液压件": ("weak", "weak", 1, 1, 0.75, True), "整机": ("present", "weak", 2, 1, 0.0, False)}
    assert report.weights == ("weights or deal amounts used for 3 supply links; equal weights assumed for 8 "
                              "(their customer has a link without one)")


def test_removing_a_province_turns_a_segment_missing(placed):
    """Removing 江苏 takes 沙钢, 恒液, 徐机 and 苏租: 三机 loses 沙钢, its only steel, and
    中机 both its suppliers: both stop, and then 湘租 loses both machine makers. 整机
    and 租赁 go missing in 湖南."""
    report = impact(placed, ["江苏"], ["湖南"])
    assert report.removed == 4 and report.targets[0].kind == "province"
    got = {f.firm[:2]: (f.depth, f.stopped, f.stopped_segments) for f in report.firms}
    assert got == {"三机": (1, True, ["钢材"]), "中机": (1, True, ["液压件", "钢材"]), "湘租": (2, True, ["整机"])}
    rows = {s.segment: (s.before, s.after, s.removed_share) for s in report.segments}
    assert rows["整机"] == (GapStatus.PRESENT, GapStatus.MISSING, 0.0)
    assert rows["租赁"][:2] == (GapStatus.WEAK, GapStatus.MISSING)
    assert rows["钢材"] == (GapStatus.WEAK, GapStatus.WEAK, 0.5)  # 0.5 is not "mostly"
    assert report.regions[0].exposure == 0.75


def test_statuses_before_a_removal_are_the_gap_analysis(placed):
    report = impact(placed, ["湘钢"], ["湖南"])
    gaps = {s.segment: s.status for s in find_gaps(placed, "湖南").segments}
    assert all(gaps[s.segment] is s.before for s in report.segments)
    # 湘钢 is 湘液's only steel: 湘液 stops, and with it 湖南's one hydraulics maker.
    assert {s.segment: str(s.after) for s in report.segments} == {"钢材": "missing", "液压件": "missing"}


def test_regions_default_to_the_provinces_most_hit(placed):
    report = impact(placed, ["恒液"])
    assert [r.region for r in report.regions] == ["湖南", "江苏"]  # 3 firms hit in 湖南, 2 in 江苏


def test_impact_without_a_chain_uses_every_firm(whatif_store):
    report = impact(PlacedGraph.from_store(whatif_store), ["恒液"], ["湖南"])
    # No segments: a customer stops only when every supplier is gone.
    assert {f.firm[:2]: f.stopped for f in report.firms} == {"三机": False, "中机": False, "徐机": False}
    assert report.segments == [] and report.chain == ""
    assert report.regions[0].chain == "all firms"


def test_impact_tables_and_frames(placed):
    report = impact(placed, ["恒液"], ["湖南"])
    assert [t.name for t in report.tables()] == ["firms", "regions", "segments", "removed"]
    frame = report.to_frame("firms")
    assert list(frame["firm"])[:3] == ["三机有限公司", "中机有限公司", "徐机有限公司"]
    assert json.loads(json.dumps(report.to_dict(), ensure_ascii=False))["removed"] == 1


def test_an_unknown_name_to_remove_is_an_error(placed):
    with pytest.raises(NotFoundError, match="nothing to remove named"):
        impact(placed, ["不存在的公司XYZ"])


def test_downstream_exposure_walks_past_firms_that_carry_on(placed):
    graph = placed.graph
    reach = downstream_exposure(graph, {"firm:h1"}, depth=2)
    assert reach == {"firm:m1": 1, "firm:m2": 1, "firm:m3": 1, "firm:l1": 2, "firm:l2": 2}
    assert downstream_exposure(graph, {"firm:h1"}, depth=1) == {"firm:m1": 1, "firm:m2": 1, "firm:m3": 1}


def test_attract_ranks_firms_by_the_gaps_they_close(placed):
    """In 湖南: 钢材 weak (1 local, 2 of 3 links from outside), 液压件 weak (1 local, 3 of
    3 from outside), 整机 present, 租赁 weak (1 local). 沙钢 would make 钢材 present
    (2 local, no link from outside) and is 三机's and 中机's only steel: 2 + 0.5 +
    0.5 * 1.0 (its links carry 0.5 + 0.5 of their customers' supply, the most) = 3.
    恒液: 液压件 present (1 of 3 from outside), sole supplier of 中机: 2 + 0.25 +
    0.5 * 0.75 = 2.625. 苏租: 租赁 (weight 0.5) weak → present: 1.0. 艾液 leaves 液压件
    weak: 0.5 * 0.25 = 0.125. 徐机: nothing."""
    report = attract(placed, "湖南")
    got = [(c.firm[:2], c.score) for c in report.candidates]
    assert got == [("沙钢", 3.0), ("恒液", 2.625), ("苏租", 1.0), ("艾液", 0.125), ("徐机", 0.0)]
    first = report.candidates[0]
    assert first.reasons[0] == "钢材: weak → present (local firms 1 → 2)"
    assert first.reasons[1].startswith("only supplier of 钢材 to 2 firm(s) in 湖南")
    assert report.considered == 5
    assert [c.rank for c in report.candidates] == [1, 2, 3, 4, 5]
    assert list(report.to_frame()["firm"])[:2] == ["沙钢有限公司", "恒液有限公司"]


def test_attract_one_firm(placed):
    report = attract(placed, "湖南", firm="恒液")
    [only] = report.candidates
    assert only.firm == "恒液有限公司" and only.score == 2.625
    # Its rank is the one it has in the full ranking (沙钢 is first), not 1.
    assert only.rank == 2 and report.tables()[0].rows[0]["rank"] == 2
    assert report.considered == 5
    assert attract(placed, "湖南", firm="徐机").candidates[0].rank == 5
    assert [m.to_dict() for m in only.moves] == [{"segment": "液压件", "before": "weak", "after": "present"}]
    inside = attract(placed, "湖南", firm="三机")
    assert inside.candidates[0].score == 0.0 and "already in 湖南" in inside.warnings[0]
    assert inside.candidates[0].rank is None


def test_a_two_character_typo_is_answered_with_the_province(placed):
    with pytest.raises(NotFoundError, match="nothing to remove named '江酥'.*did you mean 江苏"):
        impact(placed, ["江酥"], ["湖南"])


def test_a_city_and_a_cluster_are_removed_as_their_firms(placed):
    """常州 holds only 恒液: removing it is removing 恒液. A cluster is its members."""
    by_city = impact(placed, ["常州"], ["湖南"])
    assert by_city.targets[0].kind == "city" and by_city.removed == 1
    by_firm = impact(placed, ["firm:h1"], ["湖南"])
    assert [f.to_dict() for f in by_city.firms] == [f.to_dict() for f in by_firm.firms]
    import networkx as nx

    g = nx.MultiDiGraph(placed.graph)
    g.add_node("cluster:k", label="Cluster", name="三机园")
    g.add_edge("firm:m1", "cluster:k", key="MEMBER_OF", type="MEMBER_OF")
    cluster = impact(PlacedGraph.from_graph(g, placed.chain), ["三机园"], ["湖南"])
    # Its member 三机, not every firm of 长沙 (中机 and 湘租 are there too).
    assert cluster.targets[0].kind == "cluster" and cluster.targets[0].firms == ["firm:m1"]


def test_a_region_removed_whole_is_fully_exposed(placed):
    """Every firm of 江苏 is removed, those without suppliers (沙钢, 恒液) included."""
    [jiangsu] = impact(placed, ["江苏"], ["江苏"]).regions
    assert (jiangsu.exposure, jiangsu.buyers, jiangsu.removed) == (1.0, 4, 4)
