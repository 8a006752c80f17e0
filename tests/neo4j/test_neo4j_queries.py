"""Every named query of queries/, run on a real Neo4j holding the fixture graph: known
answers, and the same answers as networkx on the embedded store's graph."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from chaingraph.analytics import traverse

from . import questions
from chaingraph.errors import InputError, NotFoundError
from chaingraph.neo4j.cypher import run_named
from chaingraph.neo4j.load import load_store
from chaingraph.neo4j.connect import open_driver
from chaingraph.neo4j.queries import list_queries, load_query

EXCAVATOR = "chain:excavator"


@pytest.fixture
def loaded(graph_store, neo4j_settings):
    """(settings, networkx graph of the store) with the fixture graph in Neo4j."""
    with open_driver(neo4j_settings) as driver:
        load_store(graph_store, driver)
    return neo4j_settings, graph_store.to_networkx()


def ask(settings, name, **params):
    return run_named(settings, name, params).rows


def test_every_query_has_a_header_and_documented_params():
    names = {q.name for q in list_queries()}
    assert {"upstream", "downstream", "supply_path", "chain_firms_in_region", "chain_gaps_in_region",
            "deals_by_city", "chain_events", "group_members", "evidence"} <= names
    for q in list_queries():
        assert len(q.answers) > 20, q.name
        assert all(p.help for p in q.params), q.name
        for p in q.params:
            assert f"${p.name}" in q.text, f"{q.name} declares {p.name} but never uses it"


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_upstream_and_downstream_match_traverse(loaded, depth):
    settings, graph = loaded
    for name, walk, start in (("upstream", traverse.upstream, "firm:test:oem1"),
                              ("downstream", traverse.downstream, "firm:test:steel1")):
        rows = ask(settings, name, id=start, depth=depth)
        assert {(r["id"], r["depth"]) for r in rows} == {(r.node, r.depth) for r in walk(graph, start, depth)}
    up3 = {(r["id"], r["depth"]) for r in ask(settings, "upstream", id="firm:test:oem1", depth=3)}
    if depth == 3:
        assert up3 == {("firm:test:hyd1", 1), ("firm:test:eng1", 1), ("firm:test:steel1", 2),
                       ("firm:test:cast1", 2), ("firm:test:oem2", 3)}


def test_supply_path_matches_networkx(loaded):
    settings, graph = loaded
    rows = ask(settings, "supply_path", **{"from": "firm:test:steel1", "to": "firm:test:oem1"})
    assert [r["ids"] for r in rows] == [["firm:test:steel1", "firm:test:eng1", "firm:test:oem1"],
                                        ["firm:test:steel1", "firm:test:hyd1", "firm:test:oem1"]]
    assert [r["ids"] for r in rows] == questions.supply_paths(graph, "firm:test:steel1", "firm:test:oem1")
    longer = ask(settings, "supply_path", **{"from": "firm:test:cast1", "to": "firm:test:oem2"})
    assert [r["hops"] for r in longer] == [3]
    assert [r["ids"] for r in longer] == questions.supply_paths(graph, "firm:test:cast1", "firm:test:oem2")
    assert ask(settings, "supply_path", **{"from": "firm:test:alu1", "to": "firm:test:oem1"}) == []
    assert questions.supply_paths(graph, "firm:test:alu1", "firm:test:oem1") == []


@pytest.mark.parametrize("region", ["province:湖南", "city:长沙", "province:江苏", "city:常州"])
def test_chain_firms_in_a_region_match_networkx(loaded, region):
    settings, graph = loaded
    firms = ask(settings, "chain_firms_in_region", chain=EXCAVATOR, region=region)
    assert firms == questions.chain_firms_in_region(graph, EXCAVATOR, region)
    if region == "province:湖南":
        assert [(r["segment_id"], r["firm_ids"]) for r in firms] == [
            ("segment:assembly", ["firm:test:oem1", "firm:test:oem2"]), ("segment:steel", ["firm:test:steel1"])]
    if region == "province:江苏":  # eng1 is located in the province itself, not through a city
        assert "segment:engines" in {r["segment_id"] for r in firms}


@pytest.mark.parametrize("region", ["湖南", "Hunan", "湖南省", "长沙", "江苏", "常州", "长株潭", "长三角"])
@pytest.mark.parametrize("thresholds", [{}, {"present_min": 1, "weak_share": 0.2}])
def test_chain_gaps_query_gives_the_statuses_of_gaps(loaded, region, thresholds):
    """One definition of gap status: the named query and find_gaps agree, segment by segment."""
    from chaingraph.analytics.chains import chain_from_chain_node
    from chaingraph.analytics.gaps import find_gaps
    from chaingraph.analytics.placed import PlacedGraph

    settings, graph = loaded
    rows = ask(settings, "chain_gaps_in_region", chain="Excavator", region=region, **thresholds)
    report = find_gaps(PlacedGraph.from_graph(graph, chain_from_chain_node(graph, EXCAVATOR)), region, top=0, **thresholds)
    assert {r["segment"]: r["status"] for r in rows} == {s.segment: str(s.status) for s in report.segments}
    assert {r["segment"]: r["local_firms"] for r in rows} == {s.segment: len(s.local_ids) for s in report.segments}
    assert {r["segment"]: (r["links_in"], r["from_outside"]) for r in rows} == \
        {s.segment: (s.links_in, s.links_from_outside) for s in report.segments}
    if region == "湖南" and not thresholds:
        assert {r["segment_id"]: r["status"] for r in rows}["segment:hydraulics"] == "missing"


def test_named_queries_take_what_a_person_types(loaded):
    settings, _ = loaded
    by_id = ask(settings, "chain_firms_in_region", chain=EXCAVATOR, region="province:湖南")
    for chain, region in (("Excavator", "湖南"), ("excavator", "Hunan"), ("chain:excavator", "湖南省")):
        assert ask(settings, "chain_firms_in_region", chain=chain, region=region) == by_id
    with pytest.raises(NotFoundError, match="Excavater.*did you mean Excavator"):
        ask(settings, "chain_firms_in_region", chain="Excavater", region="湖南")
    with pytest.raises(NotFoundError, match="region"):
        ask(settings, "chain_firms_in_region", chain="Excavator", region="Atlantis")


@pytest.mark.parametrize("province", [None, "province:湖南"])
def test_deals_by_city_match_networkx(loaded, province):
    settings, graph = loaded
    rows = ask(settings, "deals_by_city", province=province)
    expected = questions.deals_by_city(graph, province)
    assert [(r["city_id"], r["events"], r["deals"]) for r in rows] == \
        [(r["city_id"], r["events"], r["deals"]) for r in expected]
    assert [r["amount"] for r in rows] == pytest.approx([r["amount"] for r in expected])
    if province is None:
        assert [(r["city_id"], r["events"], r["deals"]) for r in rows] == [("city:长沙", 2, 15), ("city:常州", 1, 5)]
        assert rows[0]["amount"] == pytest.approx(3.6e9)
    else:
        assert [r["city_id"] for r in rows] == ["city:长沙"]


def test_chain_events_match_networkx(loaded):
    settings, graph = loaded
    rows = ask(settings, "chain_events", chain=EXCAVATOR)
    assert [r["id"] for r in rows] == ["event:expo", "event:forum", "event:summit"]
    assert rows == questions.chain_events(graph, EXCAVATOR)
    assert [r["id"] for r in ask(settings, "chain_events", chain="chain:aluminium")] == ["event:alu"]


@pytest.mark.parametrize("group", ["cluster:test", "alliance:test"])
def test_group_members_match_networkx(loaded, group):
    settings, graph = loaded
    rows = ask(settings, "group_members", group=group)
    assert rows == questions.group_members(graph, group)
    if group == "cluster:test":
        assert [(r["id"], r["via"]) for r in rows] == [("firm:test:oem1", ["BELONGS_TO", "MEMBER_OF"]),
                                                      ("firm:test:steel1", ["MEMBER_OF"])]


def test_evidence_query_matches_the_store(loaded, graph_store):
    settings, _ = loaded
    rows = ask(settings, "evidence", src="firm:test:steel1", dst="firm:test:hyd1")
    stored = graph_store.evidence("firm:test:steel1|SUPPLIES|firm:test:hyd1")
    assert sorted((r["source_id"], r["row"], r["sentence"], r["start"], r["end"], r["note"]) for r in rows) == \
        sorted((e.source, e.row, e.sentence, e.start, e.end, e.note) for e in stored)
    article = [r for r in rows if r["sentence"]]
    assert article and article[0]["source"] == "test_article.txt" and article[0]["kind"] == "article"
    # SIGNED_WITH is undirected: either order of the ends finds it, with its note.
    for src, dst in (("firm:test:oem1", "agency:test"), ("agency:test", "firm:test:oem1")):
        signed = ask(settings, "evidence", src=src, dst=dst, type="SIGNED_WITH")
        assert [r["note"] for r in signed if r["sentence"]] == ["signed at the summit"]
    # SUPPLIES is directed: the wrong order finds nothing.
    assert ask(settings, "evidence", src="firm:test:hyd1", dst="firm:test:steel1", type="SUPPLIES") == []


def test_missing_and_unknown_params_and_unknown_queries_are_refused(loaded):
    settings, _ = loaded
    with pytest.raises(InputError, match="needs --param id"):
        run_named(settings, "upstream", {})
    with pytest.raises(InputError, match="has no parameter 'nope'"):
        run_named(settings, "upstream", {"id": "x", "nope": 1})
    with pytest.raises(NotFoundError, match="no query named"):
        load_query("_merge_nodes")
    with pytest.raises(NotFoundError):
        load_query("../queries/upstream")


def test_query_command_lists_and_runs(loaded, neo4j_env):
    run = lambda *a: subprocess.run([sys.executable, "-c", "import cli; cli.main()", *a],  # noqa: E731
                                    capture_output=True, text=True, env=neo4j_env, timeout=300)
    listed = run("query", "--list", "--format", "json")
    assert listed.returncode == 0
    assert {q["name"] for q in json.loads(listed.stdout)} == {q.name for q in list_queries()}
    up = run("query", "upstream", "--param", "id=firm:test:oem1", "--param", "depth=1", "--format", "json")
    assert up.returncode == 0, up.stderr
    assert {r["id"] for r in json.loads(up.stdout)} == {"firm:test:hyd1", "firm:test:eng1"}
    csv_out = run("query", "chain_gaps_in_region", "--param", "chain=Excavator", "--param", "region=长沙",
                  "--format", "csv")
    assert csv_out.stdout.splitlines()[0] == \
        "segment_id,segment,stage,status,local_firms,firms_anywhere,links_in,from_outside"
    unknown = run("query", "chain_firms_in_region", "--param", "chain=Excavator", "--param", "region=Atlantis")
    assert unknown.returncode == 1 and "Atlantis" in unknown.stderr
    missing = run("query", "upstream")
    assert missing.returncode == 1 and missing.stderr.startswith("Error: ") and "--param id" in missing.stderr
