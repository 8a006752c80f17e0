"""The Cypher library in ``queries/``: named queries for researchers and the loader's
own statements.

A named query is ``queries/NAME.cypher``; its header is a block of ``//`` comment
lines::

    // Firms upstream of a firm: its suppliers, their suppliers, ... up to a depth.
    // param id: the firm's id, e.g. firm:stock:600031
    // param depth = 3: how many SUPPLIES hops to walk

The first lines say what it answers; each ``// param NAME[ = DEFAULT]: text`` line
names a parameter (a default makes it optional; defaults are read as JSON, else as
text). Values only ever reach Cypher as parameters.

Files starting with ``_`` are the loader's statements. Their labels and relationship
types are slots like ``{{label}}`` filled by :func:`statement` from the fixed enums in
:mod:`chaingraph.model`, never from user input.

>>> q = parse_query("up", "// Who supplies a firm.\\n// param id (Firm): the firm\\n"
...                 "// param depth = 3: hops\\nMATCH (n) RETURN n")
>>> q.answers, [(p.name, p.kind, p.required, p.default) for p in q.params]
('Who supplies a firm.', [('id', 'Firm', True, None), ('depth', None, False, 3)])
>>> statement("_merge_nodes", label=Label.FIRM).splitlines()[1]
'MERGE (n:`Firm` {id: r.id})'
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError, NotFoundError
from chaingraph.model import Label, RelType

# The queries ship as package data of chaingraph.queries (the top-level queries/ folder).
QUERY_DIR = Path(str(resources.files("chaingraph.queries")))
_PARAM = re.compile(r"^param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([A-Za-z|]+)\))?\s*(?:=\s*(.*?))?\s*:\s*(.*)$")
#: A parameter's kind beside the labels: a region, given as a list of Province/City ids.
REGION = "Region"
#: Any node at all.
NODE = "Node"
_SLOT = re.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query: ``name``, what it means (``help``), its
    ``default`` (None and ``required`` when it has none) and the ``kind`` of thing it
    names (labels like ``Firm`` or ``Cluster|Alliance``, ``Node`` or ``Region``;
    None for a plain value)."""

    name: str
    help: str
    required: bool = True
    default: Any = None
    kind: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``queries/``: its ``name``, what it ``answers``, its ``params`` and
    the Cypher ``text``."""

    name: str
    answers: str
    params: list[QueryParam] = field(default_factory=list)
    text: str = ""

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Return the parameters to send: ``given`` plus defaults. Raise
        :class:`InputError` for an unknown or a missing parameter."""
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            raise InputError(f"query {self.name!r} has no parameter {unknown[0]!r}; "
                             f"it takes: {', '.join(sorted(known)) or 'none'}")
        values = {p.name: p.default for p in self.params if not p.required}
        values.update(given)
        missing = [p.name for p in self.params if p.required and p.name not in values]
        if missing:
            raise InputError(f"query {self.name!r} needs --param {missing[0]}=VALUE "
                             f"({next(p.help for p in self.params if p.name == missing[0])})")
        return values


def parse_value(text: str) -> Any:
    """Return ``text`` read as JSON (numbers, true/false, null, lists, quoted
    strings), or the text itself when it is not JSON.

    >>> parse_value("3"), parse_value("长沙"), parse_value('"600031"'), parse_value("[1, 2]")
    (3, '长沙', '600031', [1, 2])
    """
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_query(name: str, text: str) -> NamedQuery:
    """Return the :class:`NamedQuery` called ``name`` whose file holds ``text``;
    raise :class:`InputError` when the header says nothing or a param line is bad."""
    answers: list[str] = []
    params: list[QueryParam] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        body = stripped[2:].strip()
        if body.startswith("param "):
            match = _PARAM.match(body)
            if not match:
                raise InputError("bad param line (want '// param NAME[ = DEFAULT]: text')",
                                 f"queries/{name}.cypher", number)
            pname, kind, default, help_text = match.groups()
            if kind is not None and any(k not in _KINDS for k in kind.split("|")):
                raise InputError(f"unknown parameter kind {kind!r}", f"queries/{name}.cypher", number)
            if default is None:
                params.append(QueryParam(pname, help_text, kind=kind))
            else:
                params.append(QueryParam(pname, help_text, False, parse_value(default), kind))
        elif body and not params:
            answers.append(body)
    if not answers:
        raise InputError("no header comment saying what the query answers", f"queries/{name}.cypher", 1)
    return NamedQuery(name, " ".join(answers), params, text)


_KINDS = {label.value for label in Label} | {REGION, NODE}


def kind_labels(kind: str) -> list[str]:
    """Return the node labels a parameter of ``kind`` names (from the fixed enum).

    >>> kind_labels("Cluster|Alliance"), kind_labels("Region")
    (['Cluster', 'Alliance'], ['Province', 'City'])
    """
    if kind == NODE:
        return [label.value for label in Label]
    if kind == REGION:
        return [Label.PROVINCE.value, Label.CITY.value]
    return [Label(k).value for k in kind.split("|")]


def resolve_params(query: NamedQuery, values: dict[str, Any],
                   nodes: Callable[[list[str], str | None], list[dict[str, Any]]]) -> dict[str, Any]:
    """Return ``values`` with each parameter that has a kind made what the query
    wants: a node's id for a name, short name, English name or id (name keys
    compared, places by the gazetteer, so 湖南, 湖南省 and Hunan are one), and for a
    Region the list of Province/City ids making it up (a city group gives its
    cities). ``nodes(labels, text)`` returns the nodes of ``labels`` (rows of
    ``id``, ``name``, ``short_name``, ``english_name``, ``name_en``, ``label``)
    whose id or a name is exactly ``text``, or all of them for None. Raises
    :class:`NotFoundError` naming the value, with suggestions, when nothing or
    several nodes match."""
    out = dict(values)
    for param in query.params:
        value = out.get(param.name)
        if param.kind is None or value is None:
            continue
        if param.kind == REGION:
            out[param.name] = _region_ids(param, value, nodes)
        elif isinstance(value, str):
            out[param.name] = _node_id(param, value, nodes)
    return out


def _names(row: dict[str, Any]) -> list[str]:
    # Ids are made from the name first seen (chain:工程机械), which may differ from the
    # display name (construction machinery): the id's tail is a name too.
    names = [str(row[k]) for k in ("name", "short_name", "english_name", "name_en") if row.get(k)]
    return names + [str(row["id"]).split(":", 1)[-1]] if row.get("id") else names


def _place_key(row: dict[str, Any], text: str) -> str | None:
    from chaingraph.analytics.places import PlaceKind, canonical_place

    kind = {Label.PROVINCE.value: PlaceKind.PROVINCE, Label.CITY.value: PlaceKind.CITY}.get(row.get("label") or "")
    return canonical_place(text, kind).key if kind else None


def _node_id(param: QueryParam, value: str, nodes: Callable) -> str:
    from chaingraph.analytics.regions import suggest
    from chaingraph.identity import name_key

    labels = kind_labels(param.kind)
    exact = nodes(labels, value)
    ids = sorted({r["id"] for r in exact if r["id"] == value}) or sorted({r["id"] for r in exact})
    if len(ids) == 1:
        return ids[0]
    everything = nodes(labels, None) if not ids else exact
    if not ids:
        key = name_key(value)
        ids = sorted({r["id"] for r in everything if key and any(name_key(n) == key for n in _names(r))})
    if not ids and set(labels) & {"Province", "City"}:
        ids = sorted({r["id"] for r in everything for n in _names(r)
                      if r.get("label") in ("Province", "City") and _place_key(r, n) == _place_key(r, value)})
    if len(ids) == 1:
        return ids[0]
    what = "/".join(labels) if param.kind != NODE else "node"
    if not ids:
        pool = [n for r in everything for n in _names(r)] + [r["id"] for r in everything]
        raise NotFoundError(f"--param {param.name}: no {what} named {value!r}" + suggest(value, pool))
    raise NotFoundError(f"--param {param.name}: {value!r} names several {what} nodes: {', '.join(ids[:5])}; "
                        "give the id")


def _region_ids(param: QueryParam, value: Any, nodes: Callable) -> list[str]:
    import networkx as nx

    from chaingraph.analytics.regions import resolve_region

    texts = value if isinstance(value, list) else [value]
    places = nodes(kind_labels(REGION), None)
    known = {r["id"] for r in places}
    ids: set[str] = set()
    for text in texts:
        text = str(text)
        if text in known:
            ids.add(text)
            continue
        try:
            region = resolve_region(nx.MultiDiGraph(), text)
        except NotFoundError as exc:
            raise NotFoundError(f"--param {param.name}: {exc}") from None
        wanted = region.whole_provinces | region.cities
        found = {r["id"] for r in places for n in _names(r)[:1] if _place_key(r, n) in wanted}
        if not found:
            raise NotFoundError(f"--param {param.name}: no Province or City node of {region.describe()} "
                                "in the database")
        ids |= found
    return sorted(ids)


def list_queries(directory: Path = QUERY_DIR) -> list[NamedQuery]:
    """Return every named query in ``directory`` (not the ``_`` statements), by name."""
    return [load_query(p.stem, directory) for p in sorted(directory.glob("*.cypher"))
            if not p.name.startswith("_")]


def load_query(name: str, directory: Path = QUERY_DIR) -> NamedQuery:
    """Return the named query ``name``; raise :class:`NotFoundError` listing the
    known names when there is none."""
    path = directory / f"{name}.cypher"
    if name.startswith("_") or "/" in name or "\\" in name or not path.is_file():
        known = ", ".join(p.stem for p in sorted(directory.glob("*.cypher")) if not p.name.startswith("_"))
        raise NotFoundError(f"no query named {name!r}; known: {known}")
    return parse_query(name, path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def _statement_text(name: str) -> str:
    path = QUERY_DIR / f"{name}.cypher"
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(l for l in lines if not l.lstrip().startswith("//")).strip()


def statement(name: str, **slots: Label | RelType) -> str:
    """Return the loader statement ``queries/NAME.cypher`` (comments dropped) with
    each ``{{slot}}`` replaced by the back-quoted value of the enum member given for
    it. Only :class:`Label` and :class:`RelType` members are taken, so no user
    value can become part of the text."""
    for key, member in slots.items():
        if not isinstance(member, (Label, RelType)):
            raise TypeError(f"slot {key} takes a Label or RelType, not {type(member).__name__}")
    text = _statement_text(name)

    def fill(match: re.Match) -> str:
        member = slots.get(match.group(1))
        if member is None:
            raise KeyError(f"{name}.cypher needs slot {match.group(1)!r}")
        return f"`{member.value}`"

    return _SLOT.sub(fill, text)
