"""Issue 6's worked example on the real chainkg data set plus the sample list
(skipped where ../shared is absent)."""

from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.gaps import find_gaps
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

ROOT = Path(__file__).resolve().parents[2]
CHAINKG = ROOT.parent / "shared" / "data" / "chainkg"


@pytest.mark.skipif(not CHAINKG.exists(), reason="needs ../shared/data/chainkg")
def test_construction_machinery_gaps_in_hunan_on_real_data(store):
    ingest_paths([CHAINKG], store, IngestOptions(mapping=ROOT / "data" / "mappings" / "chainkg.toml"))
    ingest_paths([ROOT / "data" / "lists" / "chain_firms_sample.csv"], store)
    report = find_gaps(PlacedGraph.from_store(store, "工程机械整机"), "湖南").to_dict()
    segments = {s["segment"]: s for s in report["segments"]}
    whole = segments["工程机械整机"]
    assert whole["status"] == "present"
    assert any("三一重工" in f for f in whole["local_firms"])
    parts = segments["工程机械器件"]
    assert parts["status"] == "missing" and not parts["local_firms"]
    assert parts["candidates"] and all(c["province"] != "湖南" for c in parts["candidates"])
    assert "恒立液压" in parts["candidates"][0]["firm"]
    assert segments["板材"]["status"] == "present"
