"""Running researchers' Cypher safely: read-only unless asked, parameters only, and
results turned into plain rows for printing.

A statement runs in a read transaction (read access mode, which the server enforces)
unless ``write=True``; before it is sent, a statement holding a write clause is
refused with a message saying so. Values come in as ``--param name=value`` and go to
the server as parameters, never into the text.

>>> write_clauses("MATCH (n {name: 'CREATE'}) // DELETE it\\nRETURN n.set, `MERGE`")
[]
>>> write_clauses("match (n) detach delete n")
['DELETE', 'DETACH']
>>> parse_params(["depth=2", "name=长沙", "code=\\"600031\\""])
{'depth': 2, 'name': '长沙', 'code': '600031'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chaingraph.errors import InputError, Neo4jError
from chaingraph.neo4j_connect import Neo4jSettings, explain, open_driver
from chaingraph.neo4j_queries import load_query, parse_value

WRITE_WORDS = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "FOREACH",
               "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "TERMINATE")
_NOISE = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`", re.S)
_WORD = re.compile(r"(?<![.$\w])([A-Za-z_]+)(?!\w)(?!\s*:(?!:))")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class QueryResult:
    """Rows of a query: the ``columns`` in order, ``rows`` as dicts of plain values,
    and the server's write ``counters`` (empty for reads)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    counters: dict[str, int] = field(default_factory=dict)


def write_clauses(text: str) -> list[str]:
    """Return the write keywords in Cypher ``text`` (sorted, upper case), ignoring
    strings, comments, quoted names, property keys and map keys."""
    bare = _NOISE.sub(" ", text)
    found = {m.group(1).upper() for m in _WORD.finditer(bare)} & set(WRITE_WORDS)
    if re.search(r"\bIN\s+TRANSACTIONS\b", bare, re.I):
        found.add("IN TRANSACTIONS")
    return sorted(found)


def parse_params(items: list[str] | None) -> dict[str, Any]:
    """Return ``name=value`` items as a dict, values read by
    :func:`chaingraph.neo4j_queries.parse_value`; raise :class:`InputError` for an
    item without ``=`` or with a bad name."""
    params: dict[str, Any] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not _PARAM_NAME.match(name):
            raise InputError(f"--param takes name=value, not {item!r}")
        params[name] = parse_value(value)
    return params


def plain(value: Any) -> Any:
    """Return a driver value as plain Python data: nodes as dicts of their
    properties with ``_labels``, relationships with ``_type``, paths as lists of
    node ids, temporal and spatial values as text."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [n.get("id", n.element_id) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def run_on(driver: Any, text: str, params: dict[str, Any], write: bool = False,
           database: str | None = None) -> QueryResult:
    """Run ``text`` with ``params`` on an open driver and return its rows; in a read
    transaction unless ``write``. Refuses (with :class:`Neo4jError`) a statement with
    write clauses when ``write`` is false."""
    import neo4j

    if not write:
        clauses = write_clauses(text)
        if clauses:
            raise Neo4jError(f"refused: the statement writes ({', '.join(clauses)}) and chaingraph cypher "
                             "is read-only; add --write to allow writes")
    routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
    records, summary, keys = driver.execute_query(text, params, database_=database, routing_=routing)
    rows = [{k: plain(r[k]) for k in keys} for r in records]
    counters = {k: v for k, v in vars(summary.counters).items() if isinstance(v, int) and v and not k.startswith("_")}
    return QueryResult(list(keys), rows, counters)


def run_cypher(settings: Neo4jSettings, text: str, params: dict[str, Any] | None = None,
               write: bool = False) -> QueryResult:
    """Connect with ``settings``, run ``text`` with ``params`` (read-only unless
    ``write``) and return a :class:`QueryResult`; errors come out as one-line
    :class:`Neo4jError` without credentials."""
    import neo4j.exceptions as ne

    if not text.strip():
        raise InputError("no Cypher statement given")
    with open_driver(settings) as driver:
        try:
            return run_on(driver, text, params or {}, write, settings.database)
        except (ne.Neo4jError, ne.DriverError) as exc:
            raise explain(exc, settings) from None


def run_named(settings: Neo4jSettings, name: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run the named query ``queries/NAME.cypher`` with ``params`` (defaults filled
    in, unknown or missing ones refused) read-only, and return its rows."""
    query = load_query(name)
    bound = query.bind(params or {})
    return run_cypher(settings, query.text, bound)
