"""Fixtures for the analytics tests: the hand-made graph of tests/data/analytics/
loaded into a real store, and that store's networkx graph."""

from __future__ import annotations

from pathlib import Path

import pytest

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
