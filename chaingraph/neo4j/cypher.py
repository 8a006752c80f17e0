"""Running researchers' Cypher safely: read-only unless asked, parameters only, and
results turned into plain rows for printing.

A statement runs in a read transaction (read access mode, which the server enforces)
unless ``write=True``. Before it is sent, it is read into tokens as the server reads
it (:mod:`chaingraph.neo4j.lexer`) and refused when it writes, reads files or URLs
(``LOAD CSV``), commits its own transactions (``CALL { } IN TRANSACTIONS``), calls a
procedure not on a short list of read-only ones (:data:`READ_PROCEDURES`) or a
namespaced function that is not a built-in one (:data:`READ_FUNCTION_NAMESPACES`),
or cannot be read at all. Values come in as ``--param name=value`` and go to the
server as parameters, never into the text.

>>> unsafe_parts("MATCH (n {name: 'CREATE'}) // DELETE it\\nRETURN n.set, `MERGE`")
[]
>>> unsafe_parts("match (n) detach delete n")
['DELETE', 'DETACH']
>>> unsafe_parts("// note\\rLOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l")
['LOAD CSV']
>>> unsafe_parts("CALL db.labels() YIELD label CALL apoc.load.json($u) YIELD value RETURN value")
['procedure apoc.load.json']
>>> parse_params(["depth=2", "name=长沙", "code=\\"600031\\""])
{'depth': 2, 'name': '长沙', 'code': '600031'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chaingraph.neo4j.lexer import SERVER_LINE_ENDS, WIDE_LINE_ENDS, Token, decode_escapes, tokens
from chaingraph.errors import InputError, Neo4jError
from chaingraph.neo4j.connect import Neo4jSettings, explain, open_driver
from chaingraph.neo4j.queries import _statement_text, load_query, parse_value, resolve_params

WRITE_WORDS = frozenset({"CREATE", "INSERT", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH",
                         "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "TERMINATE", "ENABLE", "DEALLOCATE",
                         "REALLOCATE"})
# Read-only introspection and index lookups; any other procedure needs --write.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "db.indexes", "db.constraints",
    "db.info", "db.ping", "dbms.components", "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships", "db.index.vector.queryNodes", "db.index.vector.queryRelationships",
})
# Namespaces of Neo4j's built-in functions (none reads files or the network); any
# other namespaced function (a plugin's, such as apoc.load.*) needs --write.
READ_FUNCTION_NAMESPACES = frozenset({"date", "datetime", "localdatetime", "localtime", "time", "duration",
                                      "point", "vector.similarity"})
READ_FUNCTIONS = frozenset({"db.nameFromElementId"})
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class QueryResult:
    """Rows of a query: the ``columns`` in order, ``rows`` as dicts of plain values,
    and the server's write ``counters`` (empty for reads)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    counters: dict[str, int] = field(default_factory=dict)


def unsafe_parts(text: str) -> list[str]:
    """Return what in Cypher ``text`` needs ``--write``, sorted: write keywords (upper
    case), ``LOAD CSV``, ``IN TRANSACTIONS``, ``procedure NAME`` and ``function
    NAME`` for calls off the read-only lists, and what made the text unreadable;
    ``[]`` when it only reads. Strings, comments, quoted names, parameters,
    property keys and map keys are not read as keywords.

    The text is read the way the server reads it and, to leave no room between
    readings, also with ``\\u`` escapes left as they are and with ``//`` comments
    ended at every Unicode line terminator; what any reading finds counts."""
    found: set[str] = set()
    try:
        texts = {text, decode_escapes(text)}
    except InputError as exc:
        texts = {text}
        found.add(str(exc))
    for variant in texts:
        for line_ends in (SERVER_LINE_ENDS, WIDE_LINE_ENDS):
            try:
                found.update(_unsafe_tokens(tokens(variant, line_ends)))
            except InputError as exc:
                found.add(str(exc))
    return sorted(found)


def _is_keyword(toks: list[Token], i: int) -> bool:
    """Whether the word ``toks[i]`` stands where a keyword can: not a property key
    or label (after ``.`` or ``:``), nor a map key or a pattern variable (between
    ``{``, ``,``, ``(`` or ``[`` and a single ``:``)."""
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    if _is(before, ".") or _is(before, ":"):
        return False
    if _is(after, ":") and before is not None and before.kind == "symbol" and before.text in "{,([":
        return _is(toks[i + 2] if i + 2 < len(toks) else None, ":")  # "::" is a type check, not a key
    return True


def _is(tok: Token | None, symbol: str) -> bool:
    return tok is not None and tok.kind == "symbol" and tok.text == symbol


def _dotted_name(toks: list[Token], i: int) -> tuple[str, int]:
    """Return the name ``a.b.c`` (words or quoted names joined by dots) starting at
    ``toks[i]``, and the index of the token after it."""
    parts = [toks[i].text]
    i += 1
    while i + 1 < len(toks) and _is(toks[i], ".") and toks[i + 1].kind in ("word", "name"):
        parts.append(toks[i + 1].text)
        i += 2
    return ".".join(parts), i


def _unsafe_tokens(toks: list[Token]) -> set[str]:
    found: set[str] = set()
    previous_word = ""
    for i, tok in enumerate(toks):
        if tok.kind not in ("word", "name"):
            continue
        word = tok.text.upper() if tok.kind == "word" else ""
        keyword = tok.kind == "word" and _is_keyword(toks, i)
        if keyword and word in WRITE_WORDS:
            found.add(word)
        elif keyword and word == "LOAD":
            found.add("LOAD CSV")
        elif keyword and word == "TRANSACTIONS" and previous_word != "SHOW":
            found.add("IN TRANSACTIONS")
        elif keyword and word in ("START", "STOP") and i + 1 < len(toks) and \
                toks[i + 1].text.upper() in ("DATABASE", "COMPOSITE"):
            found.add(word)
        elif keyword and word == "CALL":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or _is(nxt, "{") or _is(nxt, "("):
                pass  # a subquery, whose own tokens are checked as they come
            elif nxt.kind in ("word", "name"):
                name, _ = _dotted_name(toks, i + 1)
                if name not in READ_PROCEDURES:
                    found.add(f"procedure {name}")
            else:
                found.add("CALL of something other than a procedure name")
        elif i == 0 or not (_is(toks[i - 1], ".") or toks[i - 1].text.upper() == "CALL"):
            # a namespaced function call: name.name(...)
            name, after = _dotted_name(toks, i)
            if "." in name and after < len(toks) and _is(toks[after], "("):
                namespace = name.rsplit(".", 1)[0]
                if namespace not in READ_FUNCTION_NAMESPACES and name not in READ_FUNCTIONS:
                    found.add(f"function {name}")
        if tok.kind == "word" and keyword:
            previous_word = word
    return found


def refusal(text: str) -> str | None:
    """Return the one-line reason ``text`` may not run without ``--write``, or None
    when it only reads (see :func:`unsafe_parts`)."""
    parts = unsafe_parts(text)
    if not parts:
        return None
    writes = [p for p in parts if p in WRITE_WORDS or p in ("START", "STOP")]
    reasons = []
    if writes:
        reasons.append(f"writes ({', '.join(writes)})")
    if "LOAD CSV" in parts:
        reasons.append("reads files or URLs on the server (LOAD CSV)")
    if "IN TRANSACTIONS" in parts:
        reasons.append("commits its own transactions (CALL { } IN TRANSACTIONS)")
    calls = [p for p in parts if p.startswith(("procedure ", "function "))]
    if calls:
        reasons.append(f"calls {', '.join(calls)}, not on the read-only list")
    other = [p for p in parts if p not in writes and p not in ("LOAD CSV", "IN TRANSACTIONS") and p not in calls]
    if other:
        reasons.append(f"cannot be checked ({', '.join(other)})")
    return (f"refused: the statement {'; '.join(reasons)}, and chaingraph cypher is read-only; "
            "add --write to allow it")


def parse_params(items: list[str] | None) -> dict[str, Any]:
    """Return ``name=value`` items as a dict, values read by
    :func:`chaingraph.neo4j.queries.parse_value`; raise :class:`InputError` for an
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
           database: str | None = None, check: bool = True) -> QueryResult:
    """Run ``text`` with ``params`` on an open driver and return its rows; in a read
    transaction unless ``write``. Unless ``write``, a statement :func:`refusal`
    finds fault with is refused with :class:`Neo4jError` before it is sent
    (``check=False`` skips that, for testing what the server enforces itself)."""
    import neo4j

    if not write and check:
        reason = refusal(text)
        if reason:
            raise Neo4jError(reason)
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
    if any(p.kind for p in query.params):
        lookup = _statement_text("_lookup_nodes")

        def nodes(labels: list[str], text: str | None) -> list[dict[str, Any]]:
            return run_cypher(settings, lookup, {"labels": labels, "text": text}).rows

        bound = resolve_params(query, bound, nodes)
    return run_cypher(settings, query.text, bound)
