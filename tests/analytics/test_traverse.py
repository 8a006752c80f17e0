"""Upstream and downstream walks on the fixture graph; answers worked out by hand
from tests/data/analytics/graph.jsonl (f1 三一重工 … f9 宝钢, with the cycle f1 -> f3 -> f1)."""

import pytest

from chaingraph.errors import NotFoundError
from chaingraph.analytics.stored import trace_in_store
from chaingraph.analytics.traverse import downstream, trace, upstream


def _found(reached):
    return {r.node: (r.depth, r.path) for r in reached}


def test_upstream_depth_one_is_the_direct_suppliers(analytics_graph):
    assert _found(upstream(analytics_graph, "firm:f1", 1)) == {
        "firm:f3": (1, ["firm:f3", "firm:f1"]), "firm:f4": (1, ["firm:f4", "firm:f1"]),
        "firm:f5": (1, ["firm:f5", "firm:f1"]), "firm:f6": (1, ["firm:f6", "firm:f1"])}


def test_upstream_follows_the_cycle_once_and_leaves_out_the_start(analytics_graph):
    # f1 -> f3 -> f1 is a cycle: f1 is its own ancestor but is not reported.
    unlimited = _found(upstream(analytics_graph, "firm:f1", None))
    assert set(unlimited) == {"firm:f3", "firm:f4", "firm:f5", "firm:f6", "firm:f9"}
    assert unlimited["firm:f9"] == (2, ["firm:f9", "firm:f4", "firm:f1"])
    assert _found(upstream(analytics_graph, "firm:f1", 2)) == unlimited


def test_downstream_by_depth(analytics_graph):
    assert _found(downstream(analytics_graph, "firm:f9", 2)) == {
        "firm:f4": (1, ["firm:f9", "firm:f4"]), "firm:f1": (2, ["firm:f9", "firm:f4", "firm:f1"]),
        "firm:f2": (2, ["firm:f9", "firm:f4", "firm:f2"])}
    deep = _found(downstream(analytics_graph, "firm:f9", 0))
    assert deep["firm:f8"][0] == 3 and deep["firm:f3"] == (3, ["firm:f9", "firm:f4", "firm:f1", "firm:f3"])
    assert [r.depth for r in downstream(analytics_graph, "firm:f9", 0)] == [1, 2, 2, 3, 3]


def test_segments_walk_over_segment_supplies_edges(analytics_graph):
    found = _found(upstream(analytics_graph, "segment:工程机械整机", 0))
    assert found == {"segment:液压元件": (1, ["segment:液压元件", "segment:工程机械整机"]),
                     "segment:钢铁": (1, ["segment:钢铁", "segment:工程机械整机"]),
                     "segment:铁矿石": (2, ["segment:铁矿石", "segment:钢铁", "segment:工程机械整机"])}


def test_trace_resolves_names_in_both_languages_and_attaches_evidence(analytics_store):
    start, reached = trace_in_store(analytics_store, "Sany Heavy Industry", "upstream", 1)
    assert start == "firm:f1"
    assert trace_in_store(analytics_store, "三一重工", "upstream", 1)[0] == "firm:f1"
    steel = next(r for r in reached if r.node == "firm:f3")
    sentences = [e.sentence for e in steel.evidence["firm:f3|SUPPLIES|firm:f1"]]
    assert "湘钢向三一重工供应钢板。" in sentences
    assert steel.name == "Xiangtan Iron & Steel" and steel.label == "Firm"


def test_trace_on_a_plain_graph_matches_aliases(analytics_graph):
    # The networkx graph has no alias index; names and ids still work.
    assert trace(analytics_graph, "潍柴动力股份有限公司", "downstream", 1)[0] == "firm:f6"
    with pytest.raises(NotFoundError):
        trace(analytics_graph, "No Such Firm", "upstream", 1)
    with pytest.raises(NotFoundError):
        upstream(analytics_graph, "firm:nobody", 1)
