"""chaingraph cypher on a real Neo4j: read-only by default, writes with --write,
values only as parameters, and credentials never printed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from chaingraph.neo4j.cypher import run_cypher, run_on, unsafe_parts
from chaingraph.neo4j.load import load_store
from chaingraph.neo4j.connect import Neo4jSettings, open_driver

HOSTILE = ["a'}) DETACH DELETE n //", "back`tick`", 'q"uo\'te', "back\\slash\\\\", "中文（测试）", "$x {id: 1}"]


def cli(env, *args):
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def count(settings) -> int:
    return run_cypher(settings, "MATCH (n) RETURN count(n) AS c").rows[0]["c"]


@pytest.mark.parametrize("statement", [
    "CREATE (n:Firm {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Firm) SET n.name = 'x'",
    "merge (n:Firm {id: 'x'}) return n",
    "MATCH (n) REMOVE n.name",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS",
    "LOAD CSV FROM 'file:///x' AS r RETURN r",
])
def test_write_clauses_are_refused_without_write(neo4j_env, neo4j_settings, statement):
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("CREATE (:Firm {id: 'keep', name: 'Keep'})")
    result = cli(neo4j_env, "cypher", statement)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: refused: the statement ") and "--write" in result.stderr
    assert result.stderr.count("\n") == 1
    assert count(neo4j_settings) == 1


def test_the_server_enforces_read_mode_for_writes_the_check_cannot_see(neo4j_driver):
    # A procedure that writes (creates a label token) has no write keyword in it; the
    # check refuses it as a procedure off the read-only list, and were it let through,
    # the read transaction it runs in would refuse it too.
    import neo4j.exceptions as ne

    assert unsafe_parts("CALL db.createLabel('Sneaky')") == ["procedure db.createLabel"]
    with pytest.raises(ne.ClientError, match="read access mode|not allowed"):
        run_on(neo4j_driver, "CALL db.createLabel('Sneaky')", {}, check=False)


def test_write_flag_allows_writes_and_reports_counters(neo4j_env, neo4j_settings):
    result = cli(neo4j_env, "cypher", "--write", "MERGE (n:Firm {id: $id}) SET n.name = $name RETURN n.id AS id",
                 "--param", "id=firm:new", "--param", "name=New")
    assert result.returncode == 0, result.stderr
    assert "firm:new" in result.stdout and "nodes_created: 1" in result.stderr
    assert count(neo4j_settings) == 1


def test_keywords_inside_strings_names_and_comments_are_not_writes():
    assert unsafe_parts("MATCH (n) WHERE n.name = 'CREATE' OR n.`DELETE` = 1 RETURN n // SET x") == []
    assert unsafe_parts("/* MERGE */ RETURN {set: 1, remove: 2} AS m") == []
    assert unsafe_parts("MATCH (n) SET n.x = 1") == ["SET"]


def test_hostile_values_as_params_arrive_intact_and_change_nothing(graph_store, neo4j_env, neo4j_settings):
    with open_driver(neo4j_settings) as driver:
        load_store(graph_store, driver)
    before = count(neo4j_settings)
    for value in HOSTILE:
        result = cli(neo4j_env, "cypher", "RETURN $v AS v, size($v) AS n", "--param", f"v={value}",
                     "--format", "json")
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)
        assert rows == [{"v": value, "n": len(value)}]
        found = cli(neo4j_env, "query", "evidence", "--param", f"src={value}", "--param", "dst=x",
                    "--format", "json")
        # Named queries look names up before they run: an unknown node is an error, not an empty table.
        assert found.returncode == 1 and found.stderr.startswith("Error: --param src: no node named")
    assert count(neo4j_settings) == before


def test_output_formats(neo4j_env, neo4j_settings):
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("CREATE (:Firm {id: 'f1', name: '三一'})-[:SUPPLIES]->(:Firm {id: 'f2', name: 'B'})")
    q = "MATCH (a:Firm)-[r:SUPPLIES]->(b) RETURN a.name AS a, b.id AS b, a AS node"
    as_json = json.loads(cli(neo4j_env, "cypher", q, "--format", "json").stdout)
    assert as_json == [{"a": "三一", "b": "f2", "node": {"_labels": ["Firm"], "id": "f1", "name": "三一"}}]
    assert cli(neo4j_env, "cypher", q, "--format", "csv").stdout.splitlines()[0] == "a,b,node"
    table = cli(neo4j_env, "cypher", q)
    assert table.returncode == 0 and "三一" in table.stdout


def test_credentials_never_appear_in_errors_or_debug_output(neo4j_env, neo4j_settings, graph_store):
    secret = neo4j_settings.password
    wrong = "Wr0ng-" + secret[::-1]
    cases = [
        (dict(neo4j_env, NEO4J_PASSWORD=wrong), ["--debug", "cypher", "RETURN 1"], wrong),
        (dict(neo4j_env, NEO4J_PASSWORD=wrong), ["cypher", "RETURN 1"], wrong),
        (neo4j_env, ["--debug", "cypher", "RETURN nonsense("], secret),
        (neo4j_env, ["--debug", "cypher", "MATCH (n) DELETE n"], secret),
        (dict(neo4j_env, NEO4J_URI="bolt://127.0.0.1:9"), ["--debug", "--db", str(graph_store.path), "load"], secret),
        (neo4j_env, ["--debug", "--db", str(graph_store.path), "load", "--password", wrong], wrong),
        (dict(neo4j_env, NEO4J_URI=f"bolt://neo4j:{secret}@127.0.0.1:9"), ["--debug", "query", "upstream",
                                                                          "--param", "id=x"], secret),
    ]
    for env, args, password in cases:
        result = cli(env, *args)
        assert result.returncode != 0, args
        assert password not in result.stdout + result.stderr, args
        assert "Traceback" in result.stderr or result.stderr.startswith("Error: "), result.stderr
    refused = cli(dict(neo4j_env, NEO4J_PASSWORD=wrong), "cypher", "RETURN 1")
    assert refused.stderr.strip() == f"Error: Neo4j at {neo4j_settings.uri} refused the credentials of user 'neo4j'"


def test_unreachable_server_is_one_line(neo4j_env):
    result = cli(dict(neo4j_env, NEO4J_URI="bolt://127.0.0.1:9"), "cypher", "RETURN 1")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert result.stderr.count("\n") == 1


def test_settings_repr_hides_the_password(neo4j_settings):
    assert neo4j_settings.password not in repr(neo4j_settings)
    assert isinstance(neo4j_settings, Neo4jSettings)
