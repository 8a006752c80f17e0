"""The graph model: node labels, relationship types and the typed records every
ingester emits and every store takes.

SUPPLIES points supplier -> customer, so a node's upstream is its ancestors and its
downstream its descendants. SIGNED_WITH is undirected; its ends are stored in
sorted order so that "A signed with B" and "B signed with A" are one edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from chaingraph.errors import InputError


class Label(str, Enum):
    """Node labels. The value is the label used in the stores and in Neo4j."""

    FIRM = "Firm"
    CLUSTER = "Cluster"
    CITY = "City"
    PROVINCE = "Province"
    CHAIN = "Chain"
    SEGMENT = "Segment"
    ALLIANCE = "Alliance"
    AGENCY = "Agency"
    EVENT = "Event"
    SOURCE = "Source"

    def __str__(self) -> str:
        # Printed and formatted as its value ("Firm"), as tables and f-strings want.
        return self.value


class RelType(str, Enum):
    """Relationship types. The value is the type used in the stores and in Neo4j."""

    SUPPLIES = "SUPPLIES"
    BELONGS_TO = "BELONGS_TO"
    SIGNED_WITH = "SIGNED_WITH"
    LOCATED_IN = "LOCATED_IN"
    MEMBER_OF = "MEMBER_OF"
    ORGANIZED = "ORGANIZED"
    PARTICIPATED_IN = "PARTICIPATED_IN"
    ABOUT = "ABOUT"

    def __str__(self) -> str:
        # Printed and formatted as its value ("Firm"), as tables and f-strings want.
        return self.value


class Stage(str, Enum):
    """Where a segment stands in its chain."""

    UPSTREAM = "upstream"
    MIDSTREAM = "midstream"
    DOWNSTREAM = "downstream"

    def __str__(self) -> str:
        return self.value


#: Which labels each relationship type joins: (allowed heads, allowed tails).
SCHEMA: dict[RelType, tuple[frozenset[Label], frozenset[Label]]] = {
    RelType.SUPPLIES: (frozenset({Label.FIRM, Label.SEGMENT}), frozenset({Label.FIRM, Label.SEGMENT})),
    RelType.BELONGS_TO: (
        frozenset({Label.FIRM, Label.ALLIANCE, Label.CLUSTER, Label.SEGMENT}),
        frozenset({Label.CHAIN, Label.SEGMENT, Label.CLUSTER}),
    ),
    RelType.SIGNED_WITH: (
        frozenset({Label.FIRM, Label.AGENCY}),
        frozenset({Label.FIRM, Label.AGENCY}),
    ),
    RelType.LOCATED_IN: (
        frozenset({Label.FIRM, Label.ALLIANCE, Label.CLUSTER, Label.EVENT, Label.CITY, Label.AGENCY}),
        frozenset({Label.CITY, Label.PROVINCE}),
    ),
    RelType.MEMBER_OF: (frozenset({Label.FIRM, Label.AGENCY}), frozenset({Label.ALLIANCE, Label.CLUSTER})),
    RelType.ORGANIZED: (
        frozenset({Label.FIRM, Label.AGENCY, Label.ALLIANCE}),
        frozenset({Label.EVENT}),
    ),
    RelType.PARTICIPATED_IN: (
        frozenset({Label.FIRM, Label.AGENCY, Label.ALLIANCE}),
        frozenset({Label.EVENT}),
    ),
    RelType.ABOUT: (frozenset({Label.EVENT, Label.SOURCE}), frozenset(set(Label))),
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a node or edge was seen.

    ``source`` is the id of a Source node (an article or a list file). A row of a list
    gives ``row`` (1-based line or row number); a sentence of an article gives
    ``sentence`` and its character span ``start``..``end`` in the cleaned text.
    ``note`` says how the fact was obtained when it was not read directly, for example
    ``"inferred: city from address"``.
    """

    source: str
    row: int | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence as a plain dict, leaving out empty fields."""
        return {k: v for k, v in (
            ("source", self.source), ("row", self.row), ("sentence", self.sentence),
            ("start", self.start), ("end", self.end), ("note", self.note),
        ) if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Evidence":
        """Build evidence from a dict as written by :meth:`to_dict`."""
        if "source" not in data:
            raise InputError("evidence needs a 'source'")
        return cls(
            source=str(data["source"]),
            row=_opt_int(data.get("row")),
            sentence=data.get("sentence"),
            start=_opt_int(data.get("start")),
            end=_opt_int(data.get("end")),
            note=data.get("note"),
        )


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(slots=True)
class NodeRecord:
    """One node: a stable ``id``, its ``label``, a display ``name``, other properties
    in ``props`` (JSON-serialisable values) and the evidence for it."""

    id: str
    label: Label
    name: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.label, Label):
            self.label = parse_label(self.label)
        if not self.id:
            raise InputError("a node needs an id")


@dataclass(slots=True)
class EdgeRecord:
    """One relationship ``src -[type]-> dst`` between node ids, with properties and
    evidence. Its identity is ``(src, type, dst)``; SIGNED_WITH ends are sorted."""

    type: RelType
    src: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.type, RelType):
            self.type = parse_reltype(self.type)
        if not self.src or not self.dst:
            raise InputError("an edge needs both 'src' and 'dst'")
        if self.type is RelType.SIGNED_WITH and self.dst < self.src:
            self.src, self.dst = self.dst, self.src

    @property
    def key(self) -> str:
        """The edge's identity as one string: ``src|TYPE|dst``."""
        return f"{self.src}|{self.type.value}|{self.dst}"


Record = NodeRecord | EdgeRecord


class BatchEnd:
    """The type of :data:`BATCH_END`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BATCH_END"


#: A marker in a stream of records given to :meth:`chaingraph.store.Store.upsert`:
#: the batch under way ends there and what follows is batched as a stream of its
#: own, so the rows it holds are numbered after everything before it (a list's
#: firms, say, before its Source and links, whatever the sizes).
BATCH_END = BatchEnd()


def parse_label(value: str) -> Label:
    """Return the :class:`Label` named by ``value`` (case-insensitive), or raise
    :class:`InputError` listing the known labels."""
    for label in Label:
        if str(value).lower() in (label.value.lower(), label.name.lower()):
            return label
    raise InputError(f"unknown label {value!r}; known: {', '.join(l.value for l in Label)}")


def parse_reltype(value: str) -> RelType:
    """Return the :class:`RelType` named by ``value`` (case-insensitive), or raise
    :class:`InputError` listing the known types."""
    for rel in RelType:
        if str(value).upper() == rel.value:
            return rel
    raise InputError(f"unknown relationship type {value!r}; known: {', '.join(r.value for r in RelType)}")
