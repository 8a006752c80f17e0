"""Statements that try to get past chaingraph cypher's read-only check, run against a
real Neo4j without --write: every one is refused before it reaches the server, says
why, writes nothing and brings back no file. Read-only statements with the same words
in strings, comments and names still run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from chaingraph.errors import Neo4jError
from chaingraph.neo4j.connect import open_driver
from chaingraph.neo4j.cypher import run_cypher

LOAD = "reads files or URLs on the server (LOAD CSV)"
WRITE = "writes ("
CALL = "not on the read-only list"
TX = "commits its own transactions"
UNREADABLE = "cannot be checked"

# (statement, what the refusal must say). \\u in these strings reaches the server as a
# backslash and a u: the server turns \uXXXX escapes into characters before anything else.
BYPASSES = [
    # line comments that end where the server ends them, or where another lexer would
    ("// note\rLOAD CSV FROM $url AS l RETURN l", LOAD),
    ("WITH 1 AS x // note\rLOAD CSV FROM $url AS l RETURN l", LOAD),
    ("WITH 1 AS x // \u2028 '\nLOAD CSV FROM $url AS l RETURN l //'", LOAD),
    ("WITH 1 AS x // \u2029 \"\nLOAD CSV FROM $url AS l RETURN l //\"", LOAD),
    ("WITH 1 AS x // \x85 `\nLOAD CSV FROM $url AS l RETURN l //`", LOAD),
    ("// \u2028LOAD CSV FROM $url AS l RETURN l", LOAD),
    # unicode escapes that close strings, names and comments, or spell keywords
    ("WITH '\\u0027 AS x LOAD CSV FROM $url AS l RETURN l //'", LOAD),
    ('WITH "\\u0022 AS x LOAD CSV FROM $url AS l RETURN l //"', LOAD),
    ("WITH 'a\\u005c\\u0027' AS x LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("WITH 1 AS `a\\u0060 LOAD CSV FROM $url AS l RETURN l //`", LOAD),
    ("WITH 1 AS x /* \\u002a/ LOAD CSV FROM $url AS l RETURN l /* */", LOAD),
    ("WITH 1 AS x // \\u000a LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("WITH 1 AS x // \\u000d LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("\\u004cOAD CSV FROM $url AS l RETURN l", LOAD),
    ("\\u006coad csv from $url as l return l", LOAD),
    ("WITH 'a\\u00' AS x LOAD CSV FROM $url AS l RETURN l", LOAD),
    # LOAD CSV in every case, spacing and comment split, and behind prefixes
    ("LOAD/**/CSV FROM $url AS l RETURN l", LOAD),
    ("load csv from $url as l return l", LOAD),
    ("LoAd\tCsV FROM $url AS l RETURN l", LOAD),
    ("LOAD\n/* CSV? */\nCSV FROM $url AS l RETURN l", LOAD),
    ("LOAD CSV WITH HEADERS FROM $url AS l RETURN l", LOAD),
    ("USE neo4j LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("EXPLAIN LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("PROFILE LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("CYPHER runtime=slotted LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("RETURN 1 AS x; LOAD CSV FROM $url AS l RETURN l", LOAD),
    ("CALL { LOAD CSV FROM $url AS l RETURN l } RETURN l", LOAD),
    ("CALL () { LOAD CSV FROM $url AS l RETURN l } RETURN l", LOAD),
    # comment markers in strings and names, comments that do not nest or never end
    ("WITH '//' AS x LOAD CSV FROM $url AS l RETURN l", LOAD),
    ('WITH "/*" AS x LOAD CSV FROM $url AS l RETURN l // */', LOAD),
    ("WITH 1 AS `x``/*` LOAD CSV FROM $url AS l RETURN l // */", LOAD),
    ("/* outer /* inner */ LOAD CSV FROM $url AS l RETURN l // */", LOAD),
    ("LOAD CSV FROM $url AS l RETURN l /* never closed", UNREADABLE),
    ("WITH 1 AS x /* LOAD CSV FROM $url AS l RETURN l", UNREADABLE),
    # transactions of its own
    ("MATCH (n:Firm) CALL (n) { SET n.pwned = 1 } IN TRANSACTIONS OF 1 ROW", TX),
    ("CALL { MATCH (n:Firm) SET n.pwned = true } IN 2 CONCURRENT TRANSACTIONS", TX),
    ("LOAD CSV FROM $url AS l CALL (l) { CREATE (:Pwned {v: l[0]}) } IN TRANSACTIONS", LOAD),
    # writes hidden the same ways
    ("// x\rCREATE (:Pwned)", WRITE),
    ("WITH '\\u0027 AS x CREATE (:Pwned) //'", WRITE),
    ("\\u0043REATE (:Pwned)", WRITE),
    ("MATCH (n:Firm) WITH n /* \\u002a/ SET n.pwned = 1 /* */ RETURN count(n) AS c", WRITE),
    ("INSERT (:Pwned)", WRITE),
    ("MATCH (n:Firm) FOREACH (x IN [1] | SET n.pwned = x)", WRITE),
    # procedures and functions that write, change settings or read files
    ("CALL db.createLabel('Pwned')", CALL),
    ("CALL db.createProperty('pwned')", CALL),
    ("CALL `db`.`createLabel`('Pwned')", CALL),
    ("CALL db . createLabel ('Pwned')", CALL),
    ("CALL db.labels() YIELD label CALL db.createLabel('Pwned') RETURN label", CALL),
    ("CALL dbms.listConfig() YIELD name, value RETURN name, value", CALL),
    ("CALL db.clearQueryCaches()", CALL),
    ("CALL tx.setMetaData({pwned: true})", CALL),
    ("CALL db.stats.collect('QUERIES')", CALL),
    ("CALL dbms.security.createUser('pwned', 'password123', false)", CALL),
    ("USE system CALL dbms.security.createUser('pwned', 'password123', false)", CALL),
    ("CALL apoc.load.json($url) YIELD value RETURN value", CALL),
    ("RETURN apoc.load.jsonParams($url, null, null) AS x", CALL),
]

READS = [
    ("MATCH (n:Firm) WHERE n.name <> 'LOAD CSV FROM x; CREATE (n)' RETURN n.id AS id ORDER BY id", {},
     [{"id": "f1"}, {"id": "f2"}]),
    ("MATCH (n:Firm) // CREATE, DELETE and LOAD CSV are only words here\nRETURN count(n) AS n", {}, [{"n": 2}]),
    ("MATCH (n:Firm {id: 'f1'}) RETURN n.`set` AS s, n.load AS l, {create: 1, merge: 2} AS m /* DROP */", {},
     [{"s": "x", "l": 3, "m": {"create": 1, "merge": 2}}]),
    ("MATCH (n:Firm) WHERE n.name CONTAINS $q RETURN n.id AS id", {"q": "LOAD CSV"}, [{"id": "f2"}]),
    ("WITH 1 AS `we``ird` RETURN 'caf\\u00e9' AS s, \"it's\" AS t, `we``ird` AS w", {},
     [{"s": "café", "t": "it's", "w": 1}]),
    ("CALL db.labels() YIELD label WITH label WHERE label = 'Firm' RETURN label", {}, [{"label": "Firm"}]),
    ("CALL { MATCH (n:Firm) RETURN n } RETURN count(n) AS c", {}, [{"c": 2}]),
    ("MATCH (n:Firm {id: 'f1'}) RETURN COUNT { (n)--() } AS degree", {}, [{"degree": 1}]),
    ("RETURN date.truncate('month', date('2024-05-17')) AS d", {}, [{"d": "2024-05-01"}]),
    ("SHOW INDEXES YIELD name RETURN count(name) > 0 AS any", {}, [{"any": True}]),
]


def cli(env, *args):
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def snapshot(driver) -> tuple:
    """Nodes, property values and relationships in the database, and its labels."""
    row = driver.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, "
        "sum(size(keys(n))) AS p").records[0]
    labels = driver.execute_query("CALL db.labels() YIELD label RETURN collect(label) AS l").records[0]["l"]
    return row["n"], row["r"], row["p"], sorted(labels)


@pytest.fixture
def firms(neo4j_settings):
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("CREATE (:Firm {id: 'f1', name: 'Keep', `set`: 'x', load: 3})"
                             "-[:SUPPLIES]->(:Firm {id: 'f2', name: 'LOAD CSV Ltd'})")
        yield driver


@pytest.mark.parametrize("statement,reason", BYPASSES, ids=[str(i) for i in range(len(BYPASSES))])
def test_bypass_is_refused_writes_nothing_and_reads_no_file(neo4j_settings, firms, planted, statement, reason):
    secret, inside, urls = planted
    before = snapshot(firms)
    for url in urls.values():
        try:
            result = run_cypher(neo4j_settings, statement, {"url": url})
        except Neo4jError as exc:
            out = str(exc)
        else:
            out = json.dumps(result.rows)
        assert secret not in out and inside not in out, f"{url} came back through {statement!r}"
        assert out.startswith("refused: the statement ") and reason in out, out
        assert out.endswith("add --write to allow it") and "\n" not in out
    assert snapshot(firms) == before


def test_there_are_enough_bypasses():
    assert len(BYPASSES) >= 40


@pytest.mark.parametrize("index", [0, 6, 10, 13, 16, 44])
def test_bypass_through_the_cli_is_one_line_and_reads_nothing(neo4j_env, firms, planted, index):
    secret, inside, urls = planted
    statement, reason = BYPASSES[index]
    before = snapshot(firms)
    result = cli(neo4j_env, "cypher", statement, "--param", f"url={urls['import']}")
    assert result.returncode == 1
    assert inside not in result.stdout + result.stderr
    assert result.stderr.startswith("Error: refused: the statement ") and reason in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert snapshot(firms) == before


@pytest.mark.parametrize("statement,params,rows", READS, ids=[str(i) for i in range(len(READS))])
def test_reads_with_the_words_in_strings_comments_and_names_still_run(neo4j_settings, firms, statement, params,
                                                                     rows):
    assert run_cypher(neo4j_settings, statement, params).rows == rows


def test_the_original_report_is_refused_through_the_cli(neo4j_env, firms):
    result = cli(neo4j_env, "cypher", "// note\rLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l[0]")
    assert result.returncode == 1 and "root:" not in result.stdout
    assert result.stderr.startswith("Error: refused: the statement reads files or URLs")
