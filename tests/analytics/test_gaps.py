"""Gap analysis on the fixture graph. By hand, for the toy chain (tests/data/analytics/
chains/toy_machinery.toml): 钢材 = {f3 Xiangtan (Hunan), f9 宝钢 (Shanghai)}, 液压件 =
{f5 艾迪 (segment 液压元件), f4 恒立 (products 液压油缸)}, 发动机 = {f6 潍柴, f7 株齿},
整机 = {f1 三一, f2 Zoomlion}, 租赁 = {f8 Shenzhen leasing}. Hunan holds f1, f2, f3, f7."""

import json

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.chains import resolve_chain
from chaingraph.errors import NotFoundError
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.places import distance_km

from .conftest import CHAINS


def _by_segment(report):
    return {s.segment: s for s in report.segments}


def test_hunan_statuses_local_firms_and_outside_suppliers(toy_placed):
    report = find_gaps(toy_placed, "Hunan")
    seg = _by_segment(report)
    assert report.chain == "玩具机械" and report.region == "湖南"
    assert [s.segment for s in report.segments] == ["钢材", "液压件", "发动机", "整机", "租赁"]
    assert {k: v.status for k, v in seg.items()} == {
        "钢材": "weak", "液压件": "missing", "发动机": "weak", "整机": "present", "租赁": "missing"}
    assert seg["钢材"].local_firms == ["Xiangtan Iron & Steel"]
    assert seg["整机"].local_firms == ["三一重工股份有限公司", "Zoomlion Heavy Industry"]
    # 恒立 supplies two Hunan firms, 艾迪 one: most links first.
    assert seg["液压件"].outside_suppliers == ["江苏恒立液压股份有限公司", "烟台艾迪精密机械股份有限公司"]
    assert (seg["发动机"].links_in, seg["发动机"].links_from_outside) == (3, 2)
    assert seg["整机"].candidates == [] and seg["租赁"].outside_suppliers == []


def test_candidate_scores_follow_the_documented_formula(toy_placed):
    seg = _by_segment(find_gaps(toy_placed, "湖南省"))
    hengli, aidi = seg["液压件"].candidates
    # Chain degree: 恒立 3 (f1, f2, f9), 艾迪 1 (f1); one evidence item each.
    assert (hengli.firm_id, hengli.weight, hengli.evidence) == ("firm:f4", 1.0, 1)
    assert (aidi.firm_id, aidi.weight) == ("firm:f5", 0.333)
    assert (hengli.province, hengli.city) == ("江苏", "常州")
    for cand, place in ((hengli, "320400"), (aidi, "370600")):
        near = 0.8 * (1 - distance_km(place, "430000") / 2500)
        assert cand.nearness == pytest.approx(near, abs=1e-3)
        assert cand.score == pytest.approx(0.5 * cand.weight + 0.3 * near + 0.2 * 1 / 5, abs=2e-3)
    assert 500 < distance_km("320400", "430000") < 1000


def test_city_region_prefers_firms_of_the_same_province(toy_placed):
    seg = _by_segment(find_gaps(toy_placed, "Changsha"))
    assert seg["钢材"].status == "missing" and seg["整机"].status == "present"
    steel = seg["钢材"].candidates
    # Xiangtan is in Hunan like Changsha: nearness 1, weight 1 (3 links), 1 evidence item.
    assert steel[0].firm == "Xiangtan Iron & Steel" and steel[0].score == 0.84
    engines = {c.firm_id: c for c in seg["发动机"].candidates}
    assert engines["firm:f7"].score == 0.59  # 0.5 * 1/2 + 0.3 * 1 + 0.04
    assert seg["发动机"].outside_suppliers == ["潍柴动力股份有限公司", "株洲齿轮有限责任公司"]


def test_region_with_no_firms_has_every_segment_missing(toy_placed):
    report = find_gaps(toy_placed, "Gansu", top=10)
    assert report.region == "甘肃"
    assert all(s.status == "missing" and not s.local_firms and not s.outside_suppliers for s in report.segments)
    assert {c.firm_id for c in _by_segment(report)["整机"].candidates} == {"firm:f1", "firm:f2"}
    # The place is named once: not "located in 甘肃: 甘肃: every segment is missing".
    assert report.warnings[0].startswith("no firm of the graph is located in 甘肃: every segment is missing")


def test_cluster_region_by_name_and_by_english_alias(toy_placed):
    zh = find_gaps(toy_placed, "长沙经开区")
    en = find_gaps(toy_placed, "Changsha Economic Development Zone")
    assert zh.to_dict() | {"region": ""} == en.to_dict() | {"region": ""}
    # A cluster is the places of its members: its one member is in 长沙, so 长沙's firms are local.
    assert zh.places == "长沙经开区: 长沙"
    assert sorted(_by_segment(zh)["整机"].local_firms) == ["Zoomlion Heavy Industry", "三一重工股份有限公司"]
    assert _by_segment(zh)["整机"].status == "present"


def test_thresholds_can_be_changed(toy_placed):
    seg = _by_segment(find_gaps(toy_placed, "Hunan", present_min=1,
                                weak_share=0.7))
    assert seg["钢材"].status == "present" and seg["发动机"].status == "present"


def test_segment_chain_with_a_cycle(analytics_graph):
    # 工程机械整机 <-> 钢铁 is a cycle; upstream of 工程机械整机: 钢铁 (w 4), 液压元件 (w 2), then 铁矿石.
    chain = resolve_chain(analytics_graph, "工程机械整机", depth=3)
    assert [(s.name, s.stage, s.weight) for s in chain.segments] == [
        ("铁矿石", "upstream", 1.0), ("钢铁", "upstream", 1.0), ("液压元件", "upstream", 0.5),
        ("工程机械整机", "midstream", 1.0)]
    assert [s.name for s in resolve_chain(analytics_graph, "工程机械整机", depth=1).segments] == [
        "钢铁", "液压元件", "工程机械整机"]
    seg = _by_segment(find_gaps(PlacedGraph.from_graph(analytics_graph, "工程机械整机"), "湖南"))
    assert seg["工程机械整机"].status == "present" and seg["液压元件"].status == "missing"
    assert [c.firm for c in seg["液压元件"].candidates] == ["烟台艾迪精密机械股份有限公司"]


def test_json_shape_is_exactly_the_documented_one(toy_placed):
    data = json.loads(json.dumps(find_gaps(toy_placed, "Hunan").to_dict()))
    assert set(data) == {"chain", "chain_is", "region", "places", "segments", "warnings"}
    for seg in data["segments"]:
        assert set(seg) == {"segment", "stage", "status", "local_firms", "outside_suppliers", "candidates", "note"}
        for cand in seg["candidates"]:
            assert set(cand) == {"firm", "province", "city", "score"}


def test_unknown_region_and_chain_are_reported(toy_placed, analytics_store):
    with pytest.raises(NotFoundError, match="Atlantis"):
        find_gaps(toy_placed, "Atlantis")
    with pytest.raises(NotFoundError, match="no chain template"):
        PlacedGraph.from_store(analytics_store, "no such chain", chains_dirs=[CHAINS])


def test_template_with_a_cycle(analytics_store, tmp_path):
    # Machines go back to the steel mill as scrap: 整机 supplies 钢材, which supplies 整机.
    (tmp_path / "loop.toml").write_text(
        'name = "loop"\n'
        '[[segments]]\nname = "钢材"\nstage = "upstream"\nindustries = ["钢铁"]\nsupplies = ["整机"]\n'
        '[[segments]]\nname = "整机"\nstage = "midstream"\nindustries = ["工程机械整机"]\nsupplies = ["钢材"]\n',
        encoding="utf-8")
    chain = resolve_chain(analytics_store.to_networkx(), "loop", dirs=[tmp_path])
    assert chain.links() == [("钢材", "整机"), ("整机", "钢材")]
    seg = _by_segment(find_gaps(PlacedGraph.from_store(analytics_store, "loop", chains_dirs=[tmp_path]), "Hunan"))
    assert (seg["钢材"].status, seg["钢材"].local_firms) == ("weak", ["Xiangtan Iron & Steel"])
    assert seg["整机"].status == "present"
