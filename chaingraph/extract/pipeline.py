"""Extracting one article: clean it, split it into sentences, find mentions (English
or Chinese rules), merge them into entities, read relations and facts.

>>> from chaingraph.extract.reader import Article
>>> x = extract_article(Article("a.txt", "Forum held\\n\\nOn May 17, the Steel Summit Forum was held in Wuhan."))
>>> [(str(e.type), e.name) for e in x.entities]
[('Chain', 'steel'), ('Event', 'Steel Summit Forum'), ('City', 'Wuhan')]
>>> [(str(r.type), r.head, r.tail) for r in x.relations]
[('LOCATED_IN', 'e2', 'e3'), ('ABOUT', 'e2', 'e1')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from chaingraph.extract import (chinese, en_chains, en_events, en_facts, en_lists, en_names, en_places, en_roles,
                                en_titles,
                                english, facts as F)
from chaingraph.extract.clean import clean_text
from chaingraph.extract.counties import county_mentions
from chaingraph.extract.entities import build_entities, resolve_overlaps
from chaingraph.extract.spans import Covered
from chaingraph.extract.lists import find_lists, list_mentions
from chaingraph.extract.names import KnownNames, default_names, known_mentions
from chaingraph.extract.reader import Article
from chaingraph.extract.relations import find_relations
from chaingraph.extract.regions import en_region_mentions
from chaingraph.extract.result import Extraction, Fact, Mention
from chaingraph.extract.sentences import detect_language, split_sentences
from chaingraph.extract.supplier_lists import supplier_list_mentions
from chaingraph.extract.words import to_simplified
from chaingraph.extract.zh_agencies import agency_mentions
from chaingraph.extract.zh_clusters import cluster_mentions
from chaingraph.extract.zh_firms import cued_firms
from chaingraph.extract.zh_lists import refine_lists, zh_list_mentions
from chaingraph.extract.zh_merge import merge_forms, name_coordinated_chains
from chaingraph.extract.zh_projects import project_firms
from chaingraph.extract.zh_signing import signing_firms
from chaingraph.extract.zh_titles import drop_employers


def extract_article(article: Article, names: KnownNames | None = None) -> Extraction:
    """Return everything extracted from ``article`` (an :class:`Article`); ``names``
    are the known names to look for (the shipped ones when None, see
    :mod:`chaingraph.extract.names`)."""
    cleaned = clean_text(article.text)
    original = cleaned.text
    language = detect_language(original)
    # Traditional characters are read as simplified ones, one for one, so every
    # offset holds; names and evidence are given back in the article's own script
    text = to_simplified(original) if language == "zh" else original
    sentences = split_sentences(text, language)
    if language == "zh":
        mentions, events = chinese.find_mentions(text, sentences)
        mentions += agency_mentions(text, sentences, mentions)
        mentions += cluster_mentions(text, sentences, mentions)
        mentions += county_mentions(text, sentences, language,
                                    cities=[m for m in mentions if m.type == "City" and not m.info.get("members")])
    else:
        places = english.place_mentions(text, sentences)
        places += county_mentions(text, sentences, language, {m.key for m in places})
        places += en_places.district_mentions(text, sentences, places)
        places += en_region_mentions(text, sentences)
        mentions = (places + english.org_mentions(text, sentences) + english.chain_mentions(text, sentences)
                    + english.lowercase_mentions(text, sentences, places))
        mentions += en_roles.role_mentions(text, sentences) + en_events.event_alliance_mentions(text, sentences)
        en_roles.merge_products(mentions)
        en_roles.split_at_roles(text, mentions)
        en_roles.retype_place_acronyms(mentions)
        mentions += en_names.brand_mentions(text, sentences, mentions)
        mentions += en_chains.product_chains(text, sentences, mentions)
        events = en_events.long_named_events(sentences, english.event_mentions(text, sentences))
        en_names.drop_pinyin_glosses(events + [m for m in mentions if m.type != "City"])
    mentions += known_mentions(text, sentences, mentions, names or default_names(), language)
    if language != "zh":  # "supply Sany and Zenith with": a name joined to a firm
        mentions += en_names.coordinated_firms(text, sentences, mentions)
    mentions += supplier_list_mentions(text, sentences, mentions, language)
    lists = find_lists(text, sentences, language)
    if language != "zh":
        lists += en_lists.more_lists(sentences, lists)
    if language == "zh":  # “A”“B”等…企业, A产业、B产业, 装备与智能制造
        lists = refine_lists(text, sentences, lists)
    members = list_mentions(lists, mentions + events)
    if members:  # a listed chain (装备(汽车)) holds the chain spans inside or across it
        listed = Covered((m.start, m.end) for m in members if m.type == "Chain")
        mentions = [m for m in mentions if m.type != "Chain" or not any(
            x in listed for x in range(m.start, m.end))] + members
    if language == "zh":  # short firm names found by what stands around them
        mentions += cued_firms(text, sentences, mentions + events)
        mentions += signing_firms(text, sentences, mentions + events)
        mentions += zh_list_mentions(text, sentences, lists, mentions)
        mentions += project_firms(text, sentences, mentions + events)
        merge_forms(mentions)  # 经济技术开发区 and 经开区: one park
        name_coordinated_chains(mentions, events)  # 汽车及零部件产业链供需对接会: one chain
    if language != "zh":  # "automobile and parts": two chains unless a name holds the phrase
        mentions = en_chains.split_coordinated(mentions, events)
        english.cut_possessives(mentions)
        en_names.cut_bodies_before_firms(text, mentions)
        mentions = en_chains.tidy_edges(mentions)
    main = _main_event(events)
    if main is None:  # no "X was held": the first named event ("… Forum") is the main one
        named = sorted((m for m in mentions if m.type == "Event"), key=lambda m: (sentences[m.sent].title, m.start))
        main = named[0] if named else None
    mentions = resolve_overlaps(mentions + [e for e in events if e is main or e.info.get("title")])
    if main is None:
        mentions = [m for m in mentions if m.type != "Event"]
    elif not any(m is main for m in mentions):
        mentions.append(main)
    entities = build_entities(text, mentions, main)
    if language == "zh":  # bodies named only as a person's employer are left out
        entities = drop_employers(text, entities)
    else:  # "Longi" is "LONGi Green Energy"
        entities = en_titles.drop_employers(text, en_names.merge_short_names(entities))
    starts = [sent.start for sent in sentences]
    for entity in entities:
        for m in entity.mentions:
            if m.sent < 0 and starts:
                m.sent = max(bisect.bisect_right(starts, m.start) - 1, 0)
    relations = find_relations(text, sentences, entities, language, main, lists)
    _municipal_seats(entities, relations)
    dateline = _dateline(article, cleaned.removed, sentences)
    subject = None
    if language != "zh":  # company news: facts about the firm or park it is about
        dateline = dateline or en_facts.page_date(sentences)
        subject = en_facts.article_subject(sentences, entities)
    fact_list = _facts(text, sentences, entities, main, dateline, subject)
    if language != "zh":
        en_facts.add_missing(sentences, fact_list, subject or next(
            (e for e in entities if e.type == "Event"), None), dateline)
    if text != original:
        _restore_script(original, sentences, entities)
    return Extraction(article=article.name, language=language, text=original, sentences=sentences,
                      entities=entities, relations=relations, facts=fact_list, removed=cleaned.removed,
                      dateline=dateline.isoformat() if dateline else None)


def _restore_script(original: str, sentences, entities) -> None:
    """Give sentences, mentions and entity names back the characters of ``original``
    (the article before its traditional characters were simplified, offset for
    offset)."""
    for sent in sentences:
        sent.text = original[sent.start:sent.end]
    back: dict[str, str] = {}
    for entity in entities:
        for m in entity.mentions:
            surface = original[m.start:m.end]
            back.setdefault(m.text, surface)
            back.setdefault(m.text.strip(), surface.strip())
            m.text = surface
    for entity in entities:
        entity.name = back.get(entity.name, entity.name)
        entity.aliases = [back.get(a, a) for a in entity.aliases]


def _main_event(events: list[Mention]) -> Mention | None:
    body = [e for e in events if not e.info.get("title")]
    if body:
        return body[0]
    return events[0] if events else None


def _dateline(article: Article, removed, sentences):
    found = F.parse_dateline(article.date)
    if found:
        return found
    for item in removed:
        if item.reason in ("dateline", "editor/source") and item.line <= 12:
            found = F.parse_dateline(item.text)
            if found:
                return found
    for number, sent in enumerate(sentences[:4]):
        # a short line with a full date near the top ("新华网 2023-11-21"), or a
        # dateline opening the first paragraph ("CHANGSHA, May 5, 2024 -- ")
        dates = [d for d in F.find_dates(sent.text[:60]) if d[1] is not None and d[0] < 40]
        if not dates or (number == 0 and sent.title):
            continue
        short_line = len(sent.text) <= 40
        opener = bool(re.search(r"--|—|\(Xinhua\)|电", sent.text[:80])) and not sent.title
        # "2024-11-05 16:20    Source: …    Font size: L M S": a page line that opens on its date
        page_line = dates[0][0] <= 2 and len(sent.text) <= 120
        if short_line or opener or page_line:
            _pos, year, month, day = dates[0]
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return None


def _facts(text, sentences, entities, main, dateline, subject=None) -> list[Fact]:
    event = next((e for e in entities if e.type == "Event"), subject)
    if event is None:
        return []
    out: list[Fact] = []
    body = [i for i, s in enumerate(sentences) if not s.title]
    fallback_year = F.only_year(text)
    named_year = re.match(r"((?:19|20)\d\d)\b|第", event.name)
    if named_year and named_year.group(1):  # "2023 Liuzhou Automobile … Conference"
        fallback_year = int(named_year.group(1))
    order = ([main.sent] if main is not None and main.sent in body else []) + body[:3]
    for index in order:
        s = sentences[index].text
        s = re.split(r" -- | — |\(Xinhua\) ?-*", s, maxsplit=1)[-1]  # after a dateline opener
        dates = F.find_dates(s)
        if dates:
            _pos, year, month, day = dates[0]
            value = F.resolve_date(year, month, day, dateline, fallback_year)
            out.append(Fact("date", event.id, value, index))
            break
        weekday = F.weekday_date(s, dateline) or F.day_only_date(s, dateline)
        if weekday:
            out.append(Fact("date", event.id, weekday, index))
            break
    for kind, finder in (("deal_count", F.deal_count), ("deal_amount", F.deal_amount),
                         ("participant_count", F.participant_count)):
        for index in body:
            found = finder(sentences[index].text)
            if found is None:
                continue
            if kind == "deal_count":
                out.append(Fact(kind, event.id, found, index))
            elif kind == "deal_amount":
                out.append(Fact(kind, event.id, found[0], index, {"currency": found[1]}))
            else:
                out.append(Fact(kind, event.id, found[0], index, {"of": found[1]}))
            break
    return out


def _municipal_seats(entities, relations) -> None:
    """A municipality a firm is located in (ASML Shanghai, 钱袋网（北京）…) is that firm's
    city, as the real golds type it, while one named on its own stays a province-level
    region; changes the entities in place."""
    from chaingraph.extract.places import is_municipality
    from chaingraph.model import Label

    firms = {e.id for e in entities if e.type == "Firm"}
    seats = {r.tail for r in relations if r.type == "LOCATED_IN" and r.head in firms}
    for e in entities:
        if e.type == "Province" and e.id in seats and is_municipality(e.mentions[0].key):
            e.type, e.province = Label.CITY, e.mentions[0].key
