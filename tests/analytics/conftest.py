"""Fixtures for the analytics tests: the hand-made graph of tests/data/analytics/
loaded into a real store, and that store's networkx graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

DATA = Path(__file__).resolve().parent.parent / "data" / "analytics"
CHAINS = DATA / "chains"


@pytest.fixture
def analytics_store(tmp_path: Path):
    """A store holding tests/data/analytics/graph.jsonl (see the file for the firms)."""
    with Store(tmp_path / "analytics.db") as store:
        report = ingest_paths([DATA / "graph.jsonl"], store, IngestOptions(), rejects_path=tmp_path / "rejects.csv")
        assert not report.rejects
        yield store


@pytest.fixture
def analytics_graph(analytics_store):
    """The fixture store read into networkx."""
    return analytics_store.to_networkx()


@pytest.fixture
def toy_placed(analytics_store):
    """The store's graph placed in the toy chain (tests/data/analytics/chains)."""
    return PlacedGraph.from_store(analytics_store, "toy machinery", chains_dirs=[CHAINS])
