"""The named query removal_downstream on a real Neo4j gives the networkx answer
(chaingraph.analytics.removal.downstream_exposure) on the what-if fixture and on the
Neo4j fixture graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph.analytics.removal import downstream_exposure
from chaingraph.errors import NotFoundError
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions
from chaingraph.neo4j.connect import open_driver
from chaingraph.neo4j.cypher import run_named
from chaingraph.neo4j.load import load_store
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parents[2]
WHATIF = ROOT / "tests" / "data" / "whatif" / "graph.jsonl"


def _load(store: Store, settings) -> None:
    with open_driver(settings) as driver:
        load_store(store, driver)


def _answer(settings, removed, depth):
    rows = run_named(settings, "removal_downstream", {"removed": sorted(removed), "depth": depth}).rows
    return rows, {r["id"]: r["depth"] for r in rows}


@pytest.fixture
def whatif_loaded(tmp_path, neo4j_settings):
    with Store(tmp_path / "whatif.db") as store:
        ingest_paths([WHATIF], store, IngestOptions(), rejects_path=tmp_path / "r.csv")
        _load(store, neo4j_settings)
        yield neo4j_settings, store.to_networkx()


def test_removal_downstream_on_the_whatif_fixture(whatif_loaded):
    settings, graph = whatif_loaded
    rows, got = _answer(settings, {"firm:h1"}, 2)
    # 恒液 supplies the three machine makers; they supply the two leasing firms.
    assert got == {"firm:m1": 1, "firm:m2": 1, "firm:m3": 1, "firm:l1": 2, "firm:l2": 2}
    assert got == downstream_exposure(graph, {"firm:h1"}, 2)
    lost = {r["id"]: (r["lost_suppliers"], r["suppliers"]) for r in rows}
    assert lost["firm:m1"] == (1, 3) and lost["firm:l1"] == (0, 2)
    # 江苏's firms: 沙钢, 恒液, 徐机, 苏租. Paths never pass through a removed firm.
    jiangsu = {"firm:s2", "firm:h1", "firm:m3", "firm:l2"}
    for depth in (1, 2, 3):
        assert _answer(settings, jiangsu, depth)[1] == downstream_exposure(graph, jiangsu, depth)
    assert _answer(settings, jiangsu, 3)[1] == {"firm:m1": 1, "firm:m2": 1, "firm:l1": 2}


def test_removal_downstream_takes_names_as_a_person_types_them(whatif_loaded):
    """`--param removed=恒液` used to reach Neo4j as text and fail on its type check."""
    settings, _ = whatif_loaded
    one = {r["id"] for r in run_named(settings, "removal_downstream", {"removed": "恒液", "depth": 1}).rows}
    assert one == {"firm:m1", "firm:m2", "firm:m3"}
    both = run_named(settings, "removal_downstream", {"removed": "恒液有限公司，沙钢, ", "depth": 1}).rows
    assert {r["id"]: r["lost_suppliers"] for r in both} == {"firm:m1": 2, "firm:m2": 2, "firm:m3": 2}
    with pytest.raises(NotFoundError, match="--param removed: no Firm named '恒立液压'"):
        run_named(settings, "removal_downstream", {"removed": "恒立液压"})


@pytest.mark.parametrize("depth", [1, 2, 4])
def test_removal_downstream_matches_networkx_on_the_neo4j_fixture(graph_store, neo4j_settings, depth):
    _load(graph_store, neo4j_settings)
    graph = graph_store.to_networkx()
    firms = sorted(n for n, a in graph.nodes(data=True) if a.get("label") == "Firm")
    for removed in ({firms[0]}, set(firms[::3]), {"firm:test:steel1"} & set(firms)):
        if removed:
            assert _answer(neo4j_settings, removed, depth)[1] == downstream_exposure(graph, removed, depth)
