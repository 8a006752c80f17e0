"""PlacedGraph: the store is read once and every analysis computes from the one
object; nothing is cached on the graph; a changed graph is a new PlacedGraph."""

import doctest
from pathlib import Path

import pytest

from chaingraph.analytics.compare import compare_regions
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.keyfirms import key_firms
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.errors import InputError
from chaingraph.render import MapOptions, choose, draw_map
from chaingraph.render.report import render_report

from .conftest import CHAINS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_one_reading_of_the_store_serves_every_analysis(analytics_store, monkeypatch, tmp_path):
    reads = []
    read = analytics_store.to_networkx
    monkeypatch.setattr(analytics_store, "to_networkx", lambda *a, **k: reads.append(a or k) or read(*a, **k))
    placed = PlacedGraph.from_store(analytics_store, "toy machinery", chains_dirs=[CHAINS])
    before = {n: dict(a) for n, a in placed.graph.nodes(data=True)}
    gaps = find_gaps(placed, "Hunan")
    compare_regions(placed, ["Hunan", "Changsha"])
    key_firms(placed, "长株潭")
    render_report(placed, "Hunan", tmp_path / "report.html")
    draw_map(placed, choose(placed, placed.region("Hunan")), MapOptions(), tmp_path / "map.html")
    assert len(reads) == 1
    assert placed.graph.graph == {}  # no index left on the graph
    assert {n: dict(a) for n, a in placed.graph.nodes(data=True)} == before
    # The evidence the candidates' score counts is the store's, looked up through the object.
    hydraulics = {s.segment: s for s in gaps.segments}["液压件"]
    assert [c.evidence for c in hydraulics.candidates] == [len(analytics_store.evidence(c.firm_id))
                                                          for c in hydraulics.candidates]


def test_a_changed_graph_is_a_new_placed_graph(analytics_graph):
    before = PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS])
    assert {s.segment: str(s.status) for s in find_gaps(before, "Gansu").segments}["发动机"] == "missing"
    analytics_graph.add_node("firm:g", label="Firm", name="Gansu Engines", province="甘肃", products="diesel engines")
    after = PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS])
    seg = {s.segment: s for s in find_gaps(after, "Gansu").segments}["发动机"]
    assert (str(seg.status), seg.local_ids) == ("weak", ["firm:g"])
    assert "firm:g" not in before.chain_firms and "firm:g" in after.chain_firms


def test_a_region_is_chosen_in_one_place(analytics_store, tmp_path):
    (tmp_path / "mine.toml").write_text('[[region]]\nname = "湘江走廊"\ncities = ["湘潭", "株洲"]\n', encoding="utf-8")
    from chaingraph.analytics.regions import load_regions

    placed = PlacedGraph.from_store(analytics_store, "toy machinery", chains_dirs=[CHAINS],
                                    regions=load_regions(tmp_path / "mine.toml"))
    assert placed.firms_in(placed.region("湘江走廊")) == {"firm:f3", "firm:f7"}
    # The store's alias index finds the cluster by its English name; a bare graph has no aliases.
    assert placed.region("Changsha Economic Development Zone").key == "cluster:长沙经开区"
    assert find_gaps(placed, "湘江走廊").region == key_firms(placed, "湘江走廊").region == "湘江走廊"


def test_analyses_need_a_chain(analytics_graph):
    placed = PlacedGraph.from_graph(analytics_graph)
    assert placed.chain is None and placed.placed == {} and placed.chain_firms == set()
    for ask in (lambda: find_gaps(placed, "Hunan"), lambda: key_firms(placed),
                lambda: compare_regions(placed, ["Hunan"])):
        with pytest.raises(InputError, match="chain"):
            ask()


def test_the_docs_python_example_runs():
    result = doctest.testfile(str(DOCS / "analytics.md"), module_relative=False)
    assert result.attempted >= 10 and result.failed == 0
