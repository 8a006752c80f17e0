"""News articles: plain text, Markdown, HTML and JSON Lines of ``{id, title, date,
url, text}``. Each article is extracted (:mod:`chaingraph.extract`) and turned into
node and edge records with the sentence each came from as evidence. Facts go on the
Event node (``date``, ``deal_count``, ``deal_amount``, ``participant_count``).

Names are resolved against the store so that an article's firm, city or chain is
the same node as the list's: firms by name key (三一重工 in an article joins
``firm:stock:600031`` from a list that gives that short name), places by their
Chinese short name (Changsha and 长沙市 are both ``city:长沙``), chains by the
Chinese name of a known chain (construction machinery is ``chain:工程机械``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from chaingraph.errors import InputError
from chaingraph.extract import extract_article
from chaingraph.extract.names import KnownNames
from chaingraph.extract.lexicon import CHAINS
from chaingraph.extract.places import gazetteer
from chaingraph.extract.reader import HTML_SUFFIXES, JSONL_SUFFIXES, is_article_file, read_articles
from chaingraph.extract.result import Entity, Extraction
from chaingraph.identity import firm_id, has_cjk, name_key, node_id, place_key
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, Record, RelType
from chaingraph.ingest.resolve import Resolver
from chaingraph.ingest.base import IngestContext
from chaingraph.ingest.places import province_short
from chaingraph.ingest.tables import looks_tabular

_ZH_CHAIN = {canon: next((f for f in forms if has_cjk(f)), canon) for canon, forms in CHAINS.items()}


class ArticleIngester:
    """Reads news articles (see the module docstring)."""

    name = "article"
    #: read after list files in the same run, so names resolve to list firms
    late = True

    def accepts(self, path: Path, head: bytes) -> bool:
        """Take text, Markdown and HTML files, and JSON Lines whose first object has a
        ``text`` and no ``kind``; never binary files, nor .txt files of tab-separated
        rows (lists saved from Excel)."""
        return is_article_file(path, head) and not looks_tabular(path, head)

    def read(self, ctx: IngestContext) -> Iterator[Record]:
        """Yield the file's Source node, then every article's records; a bad JSON Lines
        line is rejected with its number and the rest go on. A page chaingraph wrote
        (a map or report) raises :class:`InputError`: it is a result, not news."""
        if _written_by_chaingraph(ctx.path):
            raise InputError("a page chaingraph wrote (a map or report); results are not read back as sources",
                             str(ctx.path))
        yield ctx.source_node("article")
        jsonl = ctx.path.suffix.lower() in JSONL_SUFFIXES
        names = _known_names(ctx.resolver)
        for article in read_articles(ctx.path):
            if isinstance(article, InputError):
                ctx.reject(article.line, str(article).split(": ", 2)[-1])
                continue
            extraction = extract_article(article, names)
            note = f"article {article.name}" if jsonl else None
            yield from extraction_records(extraction, ctx.source_id, ctx.resolver, note=note)


def _known_names(resolver: Resolver) -> KnownNames:
    """The known names with the store's added, built once per ingest run (from the
    store as it was before the first article file) and then reused: names a list
    brought in are found in the articles read after it."""
    names = resolver.memo.get("known_names")
    if names is None:
        stored = resolver.stored
        names = resolver.memo["known_names"] = KnownNames.from_store(stored) if stored is not None else KnownNames()
    return names


def extraction_records(x: Extraction, source: str, resolver: Resolver | None = None, *,
                       note: str | None = None) -> Iterator[Record]:
    """Yield the node and edge records of one extraction, with evidence pointing at
    ``source``; ``resolver`` (optional) resolves names to nodes already known."""
    def ev(sent: int | None, start: int | None = None, end: int | None = None) -> list[Evidence]:
        where = x.evidence(sent, start, end)
        return [Evidence(source=source, sentence=where.get("sentence"), start=where.get("start"),
                         end=where.get("end"), note=note)]

    ids: dict[str, str] = {}
    event_props = {}
    for fact in x.facts:
        event_props[fact.kind] = fact.value
        if fact.kind == "deal_amount":
            event_props["currency"] = fact.extra.get("currency", "CNY")
        if fact.kind == "participant_count":
            event_props["participants_of"] = fact.extra.get("of")
    by_id = {e.id: e for e in x.entities}
    where = {}
    for rel in x.relations:
        if rel.type == "LOCATED_IN" and rel.head not in where:
            where[rel.head] = by_id[rel.tail]
    for entity in x.entities:
        named_for_place = any(m.info.get("places") or m.info.get("place_key") for m in entity.mentions)
        if entity.type in ("Agency", "Alliance", "Cluster") and not named_for_place and entity.id in where:
            # "Provincial Department of Commerce" is a different body in each province
            place = where[entity.id]
            found = gazetteer().lookup(place.mentions[0].key) if place.mentions else None
            name = entity.name
            nid = f"{node_id(Label(entity.type), name)}@{place_key(found.zh if found and found.zh else place.name)}"
        else:
            nid, name = _node_for(entity, resolver, event_props.get("date"), source)
        if entity.type == "Event" and entity.id in where:
            place = where[entity.id]
            found = gazetteer().lookup(place.mentions[0].key) if place.mentions else None
            nid = f"{nid}@{place_key(found.zh if found and found.zh else place.name)}"
        ids[entity.id] = nid
        props = dict(entity.props)
        props.pop("members", None)
        props.pop("province_by_name", None)  # an article-local id: drawn as an edge below
        if entity.province:  # in a list's form (湖南, not Hunan), so either ingest order keeps one value
            props["province"] = province_short(entity.province)
        if entity.type == "Event":
            props.update(event_props)
        evidence = [e for m in entity.mentions[:5] for e in ev(m.sent, m.start, m.end)]
        aliases = sorted({a for a in [entity.name, *entity.aliases] if a and a != name})
        yield NodeRecord(id=nid, label=Label(entity.type), name=name, props=props, evidence=evidence,
                         aliases=aliases)
    for rel in x.relations:
        if rel.head in ids and rel.tail in ids:
            evidence = ev(rel.sent)
            if rel.note:
                evidence = [Evidence(source=source, sentence=evidence[0].sentence, start=evidence[0].start,
                                     end=evidence[0].end, note=f"inferred: {rel.note}")]
            yield EdgeRecord(RelType(rel.type), ids[rel.head], ids[rel.tail], {}, evidence)
    for entity in x.entities:  # the province a firm's name gives, which extraction leaves to the graph
        province = entity.props.get("province_by_name")
        if province in ids and entity.id in ids and not any(
                r.type == "LOCATED_IN" and r.head == entity.id for r in x.relations):
            first = entity.mentions[0] if entity.mentions else None
            found = ev(first.sent if first else None)
            evidence = [Evidence(source=source, sentence=found[0].sentence, start=found[0].start, end=found[0].end,
                                 note="inferred: the province in its name")] if found else []
            yield EdgeRecord(RelType.LOCATED_IN, ids[entity.id], ids[province], {}, evidence)
    event = next((e for e in x.entities if e.type == "Event"), None)
    if event is not None:
        yield EdgeRecord(RelType.ABOUT, source, ids[event.id], {}, ev(event.mentions[0].sent if event.mentions else None))


def _node_for(entity: Entity, known: Resolver | None, date, source: str) -> tuple[str, str]:
    """Return ``(node id, display name)`` of an entity, reusing a stored node when one
    of its surface forms has the same name key under the same label."""
    label = Label(entity.type)
    surfaces = [entity.name, *entity.aliases]
    if label is Label.CITY and entity.props.get("zh"):  # a county-level place
        return node_id(label, entity.props["zh"]), _stored_name(known, node_id(label, entity.props["zh"]), entity.name)
    if label in (Label.CITY, Label.PROVINCE):
        gaz = gazetteer()
        place = gaz.lookup(entity.mentions[0].key) if entity.mentions else None
        if place is None:
            place = next((p for p in (gaz.lookup(s) for s in surfaces) if p is not None), None)
        if place is not None and place.zh:
            return node_id(label, place.zh), _stored_name(known, node_id(label, place.zh), entity.name)
        return node_id(label, entity.name), entity.name
    if label is Label.EVENT:
        # one event: same name, same full date (and place, added by the caller); an
        # event without a year is kept to its own article
        key = name_key(entity.name)
        when = date if date and not str(date).startswith("--") else source.removeprefix("source:")
        return f"event:{key}@{when}", entity.name
    if known is not None:
        for surface in surfaces:
            found = known.ids_by_key(name_key(surface), label)
            if len(found) == 1:
                return found[0], _stored_name(known, found[0], entity.name)
    if label is Label.CHAIN:
        canon = entity.mentions[0].key if entity.mentions else entity.name
        if canon in _ZH_CHAIN:
            return node_id(label, _ZH_CHAIN[canon]), entity.name
        return node_id(label, entity.name), entity.name
    if label is Label.FIRM:
        return firm_id(entity.name), entity.name
    return node_id(label, entity.name), entity.name


def _stored_name(known: Resolver | None, nid: str, fallback: str) -> str:
    name = known.node_name(nid) if known is not None else None
    return name if name is not None else fallback


_GENERATOR = re.compile(rb'<meta\s+name="generator"\s+content="chaingraph"', re.IGNORECASE)


def _written_by_chaingraph(path: Path) -> bool:
    # the pages' template carries this meta in its first lines
    if path.suffix.lower() not in HTML_SUFFIXES:
        return False
    with open(path, "rb") as handle:
        return bool(_GENERATOR.search(handle.read(4096)))
