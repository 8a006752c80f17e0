"""Connection settings and query files, without a server."""

from __future__ import annotations

import pytest

from chaingraph.errors import InputError, Neo4jError
from chaingraph.model import Label, RelType
from chaingraph.neo4j.connect import open_driver, settings_from
from chaingraph.neo4j.queries import load_query, parse_query, statement


def test_settings_come_from_options_then_environment():
    env = {"NEO4J_URI": "neo4j+s://abc.databases.neo4j.io", "NEO4J_USERNAME": "bob",
           "NEO4J_PASSWORD": "pw-env", "NEO4J_DATABASE": "graph"}
    s = settings_from(env=env)
    assert (s.uri, s.user, s.password, s.database) == ("neo4j+s://abc.databases.neo4j.io", "bob", "pw-env", "graph")
    s = settings_from("bolt://h:7687", "alice", "pw-opt", None, env=env)
    assert (s.uri, s.user, s.password, s.database) == ("bolt://h:7687", "alice", "pw-opt", "graph")
    assert "pw-opt" not in repr(s)


def test_missing_or_bad_settings_are_clear_errors():
    with pytest.raises(Neo4jError, match="no Neo4j URI"):
        settings_from(env={"NEO4J_PASSWORD": "x"})
    with pytest.raises(Neo4jError, match="no Neo4j password"):
        settings_from(env={"NEO4J_URI": "bolt://h"})
    with pytest.raises(Neo4jError, match="scheme 'http'") as info:
        settings_from(env={"NEO4J_URI": "http://u:topsecret@h:7474", "NEO4J_PASSWORD": "topsecret"})
    assert "topsecret" not in str(info.value)


def test_tls_uris_make_a_driver_without_error():
    for uri in ("neo4j+s://example.invalid", "bolt+ssc://example.invalid:7687"):
        with open_driver(settings_from(uri, "neo4j", "pw", env={}), verify=False) as driver:
            assert driver.encrypted


def test_statement_slots_take_only_enum_members():
    text = statement("_merge_edges", src=Label.FIRM, dst=Label.SEGMENT, type=RelType.SUPPLIES)
    assert "(a:`Firm` {id: r[2]})" in text and "[x:`SUPPLIES`]" in text and "{{" not in text
    with pytest.raises(TypeError):
        statement("_merge_nodes", label="Firm`) DETACH DELETE n //")
    with pytest.raises(KeyError):
        statement("_merge_nodes")


def test_query_header_errors_name_the_file_and_line():
    with pytest.raises(InputError, match=r"queries/q.cypher:1: no header"):
        parse_query("q", "MATCH (n) RETURN n")
    with pytest.raises(InputError, match=r"queries/q.cypher:2: bad param line"):
        parse_query("q", "// What it answers.\n// param bad name\nRETURN 1")


def test_a_list_parameter_is_marked_and_takes_names():
    [removed, depth] = load_query("removal_downstream").params
    assert (removed.name, removed.kind, removed.many) == ("removed", "Firm", True)
    assert (depth.kind, depth.many) == (None, False)
    q = parse_query("q", "// What it answers.\n// param ids (Firm|Segment[]): some\nRETURN $ids")
    assert (q.params[0].kind, q.params[0].many) == ("Firm|Segment", True)
