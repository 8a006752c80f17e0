"""What extraction produces: mentions, entities, relations and facts of one
article, each with its evidence (sentence and character span in the cleaned text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chaingraph.extract.clean import Removed
from chaingraph.model import Label, RelType

# A label's text or the label itself -> the label: a dict lookup, as mentions are
# made by the tens of thousands and calling the enum costs several times more.
_LABEL = {label.value: label for label in Label}
_REL_TYPE = {rel.value: rel for rel in RelType}


@dataclass
class Sentence:
    """A sentence of the cleaned text: its ``text``, ``start``/``end`` offsets and
    whether it comes from the ``title`` line."""

    text: str
    start: int
    end: int
    title: bool = False


@dataclass
class Mention:
    """A span of the cleaned text naming something of ``type`` (Firm, City, ...).
    ``key`` groups mentions of one entity; ``sent`` is the sentence index;
    ``nested_in`` the type of an enclosing organisation mention, if any."""

    start: int
    end: int
    text: str
    type: Label
    sent: int
    key: str = ""
    nested_in: Label | None = None
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Rules may pass the label's text ("Firm"); the enum equals and hashes as it.
        self.type = _LABEL[self.type]


@dataclass
class Entity:
    """An entity of the article: ``id`` (e1, e2, …), ``type``, fullest ``name``,
    other surface forms in ``aliases``, ``province`` for places, its mentions."""

    id: str
    type: Label
    name: str
    aliases: list[str] = field(default_factory=list)
    province: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.type = _LABEL[self.type]


@dataclass
class Relation:
    """``head -[type]-> tail`` between entity ids, with the sentence index it was
    read from (or None when inferred) and a ``note`` when inferred."""

    type: RelType
    head: str
    tail: str
    sent: int | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        self.type = _REL_TYPE[self.type]


@dataclass
class Fact:
    """A number or date about an entity: ``kind`` (deal_count, deal_amount,
    participant_count, date), the entity id ``event``, ``value`` and extras
    (``currency``, ``of``) with the sentence it came from."""

    kind: str
    event: str
    value: Any
    sent: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Extraction:
    """Everything taken from one article, ready to print (:meth:`to_dict`) or to
    turn into store records."""

    article: str
    language: str
    text: str
    sentences: list[Sentence]
    entities: list[Entity]
    relations: list[Relation]
    facts: list[Fact]
    removed: list[Removed]
    dateline: str | None = None

    def evidence(self, sent: int | None, start: int | None = None, end: int | None = None) -> dict:
        """Return ``{sentence, start, end}`` for sentence index ``sent`` (span of the
        sentence unless ``start``/``end`` are given), or ``{}``."""
        if sent is None or not (0 <= sent < len(self.sentences)):
            return {}
        s = self.sentences[sent]
        return {"sentence": s.text, "start": s.start if start is None else start,
                "end": s.end if end is None else end}

    def to_dict(self) -> dict[str, Any]:
        """Return the extraction in the gold files' shape plus evidence and the
        removed furniture."""
        ents = []
        for e in self.entities:
            item: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases}
            if e.province:
                item["province"] = e.province
            first = e.mentions[0] if e.mentions else None
            item["evidence"] = [self.evidence(m.sent, m.start, m.end) for m in e.mentions[:3]] if first else []
            ents.append(item)
        rels = []
        for r in self.relations:
            item = {"type": r.type, "head": r.head, "tail": r.tail, "evidence": self.evidence(r.sent)}
            if r.note:
                item["note"] = r.note
            rels.append(item)
        facts = []
        for f in self.facts:
            item = {"kind": f.kind, "event": f.event, "value": f.value, **f.extra,
                    "evidence": self.evidence(f.sent)}
            facts.append(item)
        return {"article": self.article, "language": self.language, "dateline": self.dateline,
                "entities": ents, "relations": rels, "facts": facts,
                "removed": [r.to_dict() for r in self.removed]}


def mentions_by_sentence(entities: list[Entity]) -> dict[int, list[tuple[Mention, Entity]]]:
    """Return, for each sentence index, the ``(mention, entity)`` pairs of
    ``entities`` in it in text order; a firm or agency named inside another name
    (nested) is left out, as relations are stated between the outer names, and so is
    the city named inside its new area's name (大连 of 大连金普新区)."""
    per_sent: dict[int, list[tuple[Mention, Entity]]] = {}
    for e in entities:
        for m in e.mentions:
            if m.sent >= 0 and not (m.nested_in and m.type in ("Firm", "Agency")) and not m.info.get("names_area"):
                per_sent.setdefault(m.sent, []).append((m, e))
    for items in per_sent.values():
        items.sort(key=lambda me: me[0].start)
    return per_sent
