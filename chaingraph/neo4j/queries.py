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

>>> q = parse_query("up", "// Who supplies a firm.\\n// param id: firm id\\n"
...                 "// param depth = 3: hops\\nMATCH (n) RETURN n")
>>> q.answers, [(p.name, p.required, p.default) for p in q.params]
('Who supplies a firm.', [('id', True, None), ('depth', False, 3)])
>>> statement("_merge_nodes", label=Label.FIRM).splitlines()[1]
'MERGE (n:`Firm` {id: r.id})'
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError, NotFoundError
from chaingraph.model import Label, RelType

# The queries ship as package data of chaingraph.queries (the top-level queries/ folder).
QUERY_DIR = Path(str(resources.files("chaingraph.queries")))
_PARAM = re.compile(r"^param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.*?))?\s*:\s*(.*)$")
_SLOT = re.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query: ``name``, what it means (``help``), and its
    ``default`` (None and ``required`` when it has none)."""

    name: str
    help: str
    required: bool = True
    default: Any = None


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
                raise InputError(f"bad param line (want '// param NAME[ = DEFAULT]: text')",
                                 f"queries/{name}.cypher", number)
            pname, default, help_text = match.groups()
            if default is None:
                params.append(QueryParam(pname, help_text))
            else:
                params.append(QueryParam(pname, help_text, False, parse_value(default)))
        elif body and not params:
            answers.append(body)
    if not answers:
        raise InputError("no header comment saying what the query answers", f"queries/{name}.cypher", 1)
    return NamedQuery(name, " ".join(answers), params, text)


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
