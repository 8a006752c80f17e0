"""Issue 22's worked example on the real chainkg data set plus the sample list
(skipped where ../shared is absent): removing 江苏 and attracting firms to 湖南."""

from pathlib import Path

import pytest

from chaingraph.analytics.attract import attract
from chaingraph.analytics.gaps import GapStatus, find_gaps
from chaingraph.analytics.impact import impact
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

ROOT = Path(__file__).resolve().parents[2]
CHAINKG = ROOT.parent / "shared" / "data" / "chainkg"

pytestmark = pytest.mark.skipif(not CHAINKG.exists(), reason="needs ../shared/data/chainkg")


@pytest.fixture
def placed(store):
    ingest_paths([CHAINKG], store, IngestOptions(mapping=ROOT / "data" / "mappings" / "chainkg.toml"))
    ingest_paths([ROOT / "data" / "lists" / "chain_firms_sample.csv"], store)
    return PlacedGraph.from_store(store, "工程机械")


def test_removing_jiangsu_lists_the_hunan_machine_makers_that_lose_hengli(placed):
    report = impact(placed, ["江苏"], ["湖南"])
    assert report.targets[0].kind == "province" and report.removed > 100
    makers = set(placed.placed["工程机械整机"])
    losing = {f.firm for f in report.firms if f.province == "湖南" and f.firm_id in makers
              and any("恒立液压" in s for s in f.lost)}
    assert {"三一重工股份有限公司", "中联重科股份有限公司", "山河智能装备股份有限公司"} <= losing
    # 恒立液压 is 中联重科's only hydraulics supplier: it stops, with the path and the list row as evidence.
    zoomlion = next(f for f in report.firms if f.firm == "中联重科股份有限公司")
    assert zoomlion.stopped and "液压件" in zoomlion.stopped_segments
    assert zoomlion.path[0] == "江苏恒立液压股份有限公司"
    assert any("chain_firms_sample.csv, row" in e for e in zoomlion.evidence)
    hydraulics = next(s for s in report.segments if s.segment == "液压件")
    assert hydraulics.mostly_removed and hydraulics.region == "湖南"
    assert 0 < report.regions[0].exposure <= 1
    assert report.weights.startswith("equal weights assumed")


def test_attract_for_construction_machinery_in_hunan_ranks_a_gap_closer_first(placed):
    report = attract(placed, "湖南", top=5)
    first = report.candidates[0]
    statuses = {s.segment: s.status for s in find_gaps(placed, "湖南").segments}
    assert first.province != "湖南"
    assert any(statuses[seg] in (GapStatus.MISSING, GapStatus.WEAK) for seg in first.segments)
    assert "恒立液压" in first.firm
    assert first.reasons[0].startswith("液压件: weak → present")
    assert any(r.startswith("only supplier of 液压件") for r in first.reasons)
