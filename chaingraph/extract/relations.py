"""Relations between the entities of one article, read from sentence patterns
(held in, organised by, attended, signed with, supplies to, joined) and from what
names say (an agency named for a place is located there, a city lies in its
province, an alliance named for a chain belongs to it).

It is longer than our other modules because it is the one place where the rules of
both languages meet and are ordered. The rules of each language live in the en_* and
zh_* modules, and their order decides which relation wins when two of them disagree."""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.en_deals import zh_parties
from chaingraph.extract.en_relations import doc_relations, focus_firm
from chaingraph.extract.zh_signing import agreement_kind
from chaingraph.extract.en_signing import EN_CLAUSE_BREAK
from chaingraph.extract.lists import list_relations, participant_lists, run_ending_at
from chaingraph.extract.field_scopes import field_scopes
from chaingraph.extract.paragraphs import paragraph_relations, signers_at_the_scene
from chaingraph.extract.places import gazetteer, in_other_province, is_municipality
from chaingraph.extract.result import Entity, Mention, Relation, Sentence, mentions_by_sentence
from chaingraph.extract.supplier_lists import supplier_lists
from chaingraph.extract.bid_notices import bid_results
from chaingraph.extract.supply_frames import supply_frames
from chaingraph.extract.zh_lists import list_context_relations
from chaingraph.extract.zh_relations import nearest_written_together, prune_zh, zh_relations
from chaingraph.extract.cues import cued

_NATIONAL_STATE = re.compile(r"^State (Council|Administration|Grid|Intellectual Property Office)|State-owned|"
                             r"State Key|\bAdministration\b")
_LOCAL_HEAD = re.compile(r"\b(Bureau|Office|Section|Division|Department|Committee|Commission|Government|Center|"
                         r"Centre)\b")
_ZH_BY = re.compile(r"由(.+?)(?:联合|共同)?(?:主办|承办|举办|组织|牵头)")


_UNDER_WHICH = re.compile(r"\b(?:under which|whereby|by which)\s+(it|the former|the latter)\s+(?:will|would|is to|"
                          r"shall|is set to)\s+(?:supply|provide|deliver|sell)\b", re.IGNORECASE)


class Relations:
    """Collects relations without duplicates."""

    def __init__(self) -> None:
        self.items: list[Relation] = []
        self._seen: set[tuple[str, str, str]] = set()
        self._by_head: dict[tuple[str, str], list[Relation]] = {}

    def from_head(self, kind: str, head: str) -> list[Relation]:
        """Return the relations of ``kind`` whose head is entity id ``head``, in the
        order added; the list grows as more are added."""
        return self._by_head.setdefault((kind, head), [])

    def remove(self, relation: Relation) -> None:
        """Remove ``relation`` (one of :attr:`items`)."""
        self.items.remove(relation)
        self._seen.discard((relation.type, relation.head, relation.tail))
        self.from_head(relation.type, relation.head).remove(relation)

    def add(self, kind: str, head: Entity | None, tail: Entity | None, sent: int | None = None,
            note: str | None = None) -> None:
        """Add ``head -[kind]-> tail`` once (SIGNED_WITH in either order)."""
        if head is None or tail is None or head.id == tail.id:
            return
        key = (kind, head.id, tail.id)
        if kind == "SIGNED_WITH" and (kind, tail.id, head.id) in self._seen:
            return
        if key in self._seen:
            return
        self._seen.add(key)
        relation = Relation(kind, head.id, tail.id, sent if sent is not None and sent >= 0 else None, note)
        self.items.append(relation)
        self.from_head(kind, head.id).append(relation)


def find_relations(text: str, sentences: list[Sentence], entities: list[Entity], language: str,
                   main_event: Mention | None, lists: list | None = None) -> list[Relation]:
    """Return the relations between ``entities`` (see the module docstring); ``lists``
    (:class:`~chaingraph.extract.lists.ListHit`) add what each list states."""
    rel = Relations()
    list_relations(rel, text, sentences, entities, lists or [])
    participant_lists(rel, sentences, entities, lists or [])
    if language == "zh":
        list_context_relations(rel, text, sentences, entities, lists or [])
    by_mention: dict[int, Entity] = {id(m): e for e in entities for m in e.mentions}
    per_sent = mentions_by_sentence(entities)
    of_type = lambda *kinds: [e for e in entities if e.type in kinds]  # noqa: E731
    places = {e.name: e for e in of_type("City", "Province")}
    place_of_key = {}
    for e in of_type("City", "Province"):
        for m in e.mentions:
            place_of_key[m.key] = e
            place_of_key[(str(m.type), m.key)] = e  # "Jilin" is a province and a city: the type tells
    provinces = of_type("Province")
    cities = of_type("City")
    event = next(iter(of_type("Event")), None)

    # where places are
    for city in cities:
        parent = next((c for c in cities if city.props.get("parent") and c.mentions[0].key == city.props["parent"]),
                      None)
        if parent is not None:
            rel.add("LOCATED_IN", city, parent, _first_sent(city), "gazetteer")
            continue
        for prov in provinces:
            if city.province and prov.mentions[0].key == city.province:
                rel.add("LOCATED_IN", city, prov, _first_sent(city), "gazetteer")
        for group in cities:
            if city is not group and city.mentions[0].key in group.props.get("members", []):
                rel.add("LOCATED_IN", city, group, _first_sent(group), "city group")
    # "in Guzhen Town, Zhongshan": a town or district the gazetteer does not hold is in the city
    # written right after it
    for items in per_sent.values():
        named = [(m, e) for m, e in items if e.type == "City" and not m.nested_in]
        for (m, e), (m2, e2) in zip(named, named[1:]):
            # a district written before a city its gazetteer namesake is not in (洛阳伊滨区, not 宜宾县) is there too
            below = _BELOW_CITY.search(e.name) or (
                _DISTRICT.search(e.name) and e.props.get("parent") != e2.mentions[0].key)
            if e is not e2 and below and text[m.end:m2.start] == ", " \
                    and not rel.from_head("LOCATED_IN", e.id) and not _BELOW_CITY.search(e2.name) \
                    and not _DISTRICT.search(e2.name):
                rel.add("LOCATED_IN", e, e2, m.sent, "the city written after it")
    home_province = _home(provinces, entities)
    home_city = _home(cities, entities, prefer=lambda c: any(
        re.search(r"Prefecture|自治州|州$", m.text) for m in c.mentions))

    # what names say about place
    for e in of_type("Agency", "Alliance", "Cluster", "Firm"):
        located = False
        for m in e.mentions:
            named = [p for p in m.info.get("places", []) if p.key in place_of_key]
            # "Jinzhong Qingyuan Hydrogen": a place of another province after the first is a word of the name
            first = min(named, key=lambda p: p.start, default=None)
            named = [p for p in named if p is first or not in_other_province(first.key, p.key)]
            targets = [place_of_key.get((str(p.type), p.key)) or place_of_key[p.key] for p in named]
            if any(t.type == "City" for t in targets):
                targets = [t for t in targets if t.type == "City"][-1:]
            if e.type == "Firm" and targets and all(t.type == "Province" and not is_municipality(t.mentions[0].key)
                                                    for t in targets):
                # a province read from a firm's name ("Shandong X Co.") is where it registered, which the
                # text does not state: kept as a property, which the graph's ingest still draws as an edge
                e.props.setdefault("province_by_name", targets[-1].id)
                continue
            for target in targets:
                rel.add("LOCATED_IN", e, target, m.sent, _BY_NAME if e.type == "Firm" else None)
                located = True
            if m.info.get("place_key") in place_of_key:
                rel.add("LOCATED_IN", e, place_of_key[m.info["place_key"]], m.sent)
                located = True
        if located or e.type == "Firm":
            continue
        name = e.name
        if (re.search(r"\bState\b", name) and not _NATIONAL_STATE.search(name) and _LOCAL_HEAD.search(name)
                and home_city is not None and any(re.search(r"Prefecture", m.text) for m in home_city.mentions)):
            rel.add("LOCATED_IN", e, home_city, _first_sent(e), "a prefecture's 'State' body")
        elif re.search(r"\bProvincial\b|省委|省政府|省", name) and home_province is not None:
            rel.add("LOCATED_IN", e, home_province, _first_sent(e), "provincial body of the article's province")
        elif re.search(r"\bMunicipal\b|市委|市政府|^市", name) and home_city is not None:
            rel.add("LOCATED_IN", e, home_city, _first_sent(e), "municipal body of the article's city")
        elif e.type == "Cluster":
            near = _nearest_place(per_sent, e)
            if near is not None:
                rel.add("LOCATED_IN", e, near, _first_sent(e))
            elif home_province is not None:
                rel.add("LOCATED_IN", e, home_province, _first_sent(e), "the article's province")

    # the event: where, who organised, who took part, what about
    organizers: set[str] = set()
    if event is not None and main_event is not None:
        _event_place(rel, text, main_event, event, per_sent, by_mention)
        _organizers(rel, sentences, per_sent, event, main_event, organizers, language)
        if not any(r.type == "LOCATED_IN" and r.head == event.id for r in rel.items):
            # where its organisers are, the most specific of their places (a town's host government
            # before the city of the firm holding the event)
            homes: list[str] = []
            for r in list(rel.items):
                if r.type == "ORGANIZED" and r.tail == event.id:
                    home = next((x.tail for x in rel.items if x.type == "LOCATED_IN" and x.head == r.head), None)
                    if home is not None and home not in homes:
                        homes.append(home)
            by_id = {e.id: e for e in entities}
            inside = {x.tail for x in rel.items if x.type == "LOCATED_IN" and x.head in homes}

            def depth(place_id: str) -> int:  # province 0, prefecture 1, a county, district or town 2
                place = by_id[place_id]
                known = gazetteer().lookup(place.name)
                level = 0 if place.type == "Province" else (1 if known is not None and known.kind == "City" else 2)
                return level + (place_id not in inside)

            if homes:
                home = max(homes, key=depth)  # max keeps the first of equals: the first organiser's
                rel.add("LOCATED_IN", event, by_id[home], main_event.sent, "where its organiser is")
        if not any(r.type == "LOCATED_IN" and r.head == event.id for r in rel.items):
            # "我省举办…": the event is in the article's own province (city for 我市)
            where = [sentences[i].text for i in sorted({main_event.sent, 0}) if 0 <= i < len(sentences)]
            own = re.search(r"(?:我|本|全)(省|市)", "".join(where)) if language == "zh" else None
            home = (home_province if own.group(1) == "省" else home_city) if own else None
            if home is not None:
                rel.add("LOCATED_IN", event, home, main_event.sent, "the article's own province or city")
        # the sentences where the event is named right after "at (the)"
        at_event = {m.sent for m in event.mentions if re.search(r"\b[Aa]t (the )?$", text[max(0, m.start - 8):m.start])}
        for index, items in per_sent.items():
            s = sentences[index].text
            if language == "zh":
                hit = any(w in s for w in lx.ZH_PARTICIPATE)
            else:
                hit = bool(lx.PARTICIPATE_RE.search(s)) or index in at_event
            if not hit:
                continue
            for m, e in items:
                if e.type in ("Firm", "Agency") and e.id not in organizers and not m.nested_in:
                    rel.add("PARTICIPATED_IN", e, event, index)
        for m in event.mentions:
            for chain_m in m.info.get("chains", []):
                chain = by_mention.get(id(chain_m))
                if chain is not None:
                    rel.add("ABOUT", event, chain, m.sent)
        if not rel.from_head("ABOUT", event.id):
            # an event named for no chain is about the chains of the sentences that name it
            for index in sorted({m.sent for m in event.mentions if m.sent >= 0}):
                for m, e in per_sent.get(index, []):
                    if e.type == "Chain" and not m.nested_in:
                        rel.add("ABOUT", event, e, index, "named with the event")
        # alliances founded at the event are where it is
        ev_loc = [r for r in rel.items if r.type == "LOCATED_IN" and r.head == event.id]
        for alliance in of_type("Alliance"):
            for m in alliance.mentions:
                s = sentences[m.sent].text if m.sent >= 0 else ""
                if ev_loc and (lx.ESTABLISH_RE.search(s) or "成立" in s):
                    for r in ev_loc:
                        rel.add("LOCATED_IN", alliance, next(e for e in entities if e.id == r.tail), m.sent,
                                "founded at the event")
                    break

    # "X was founded in Changsha"
    for e in of_type("Alliance", "Cluster", "Firm"):
        for m in e.mentions:
            if m.sent < 0:
                continue
            after = text[m.end:sentences[m.sent].end]
            founded = _PLACED_AFTER.match(after) or (
                _OF_AFTER.match(after) if _LEGAL_END.search(m.text) else None)
            if founded is None:
                founded = _ZH_PLACED_AFTER.match(after) if language == "zh" else None
            if founded is None and language != "zh":  # "Located in Long'an District, the X Park has ..."
                fronted = _FRONTED_PLACE.search(text, sentences[m.sent].start, m.start)
                if fronted is not None:
                    for om, oe in per_sent.get(m.sent, []):
                        if oe.type in ("City", "Province") and om.start == fronted.start(1):
                            rel.add("LOCATED_IN", e, oe, m.sent)
                            break
            if founded is None:
                continue
            pos = m.end + founded.end()
            places = [(om, oe) for om, oe in per_sent.get(m.sent, []) if oe.type in ("City", "Province")]
            for i, (om, oe) in enumerate(places):
                if pos <= om.start <= pos + 12:
                    if language == "zh":  # 位于北海市银海区: the last of the places written together
                        om, oe = places[nearest_written_together(places, i)]
                    rel.add("LOCATED_IN", e, oe, m.sent)
                    break

    if language != "zh":
        _listed_then_placed(rel, text, per_sent)
    _buys_from(rel, text, per_sent, language)
    customers = _signed_supplies_members(rel, sentences, per_sent, entities, language)
    supply_frames(rel, text, sentences, per_sent, language, None if language == "zh" else focus_firm(entities, set()))
    supplier_lists(rel, text, sentences, per_sent, language)
    bid_results(rel, text, sentences, per_sent, language)
    if language == "zh":
        zh_relations(rel, text, sentences, entities, per_sent)
        zh_parties(rel, sentences, entities)
    else:
        doc_relations(rel, text, sentences, entities, {r.tail for r in rel.items if r.type == "SUPPLIES"})

    # a firm building or settling in a park belongs to it; a park and a chain named
    # in one sentence go together
    for index, items in per_sent.items():
        clusters = [(m, e) for m, e in items if e.type == "Cluster"]
        for cm, ce in clusters:
            for m, e in items:
                gap = text[m.end:cm.start] if m.end <= cm.start else ""
                if e.type == "Firm" and gap and len(gap) < 80 and re.search(
                        r"\b(in|into|at) (the )?$|落户|入驻|入园|进驻|在$", gap):
                    rel.add("BELONGS_TO", e, ce, index)
                if e.type == "Chain" and not m.nested_in and not cm.nested_in:
                    rel.add("BELONGS_TO", ce, e, index)

    paragraph_relations(rel, text, sentences, entities)
    _firms_of_the_city(rel, sentences, per_sent, cities, language)
    signers_at_the_scene(rel, text, sentences, entities, event if main_event is not None else None)

    # chains: named in the name, else the event's chain for firms at the event, else
    # the same sentence, else the article's only chain
    chains = of_type("Chain")
    chain_by_key = {m.key: c for c in chains for m in c.mentions}
    abouts = [r for r in rel.items if r.type == "ABOUT" and event is not None and r.head == event.id]
    # a firm at the event is in the chain the event is named for, not in every field its deals cover
    chain_ids = {c.id: c for c in chains}
    named_for = [r for r in abouts if r.note is None or chain_ids[r.tail].name in event.name]
    event_chains = [chain_ids[r.tail] for r in (named_for or abouts)]
    at_event = {r.head for r in rel.items if r.type in ("ORGANIZED", "PARTICIPATED_IN")}
    field_of = field_scopes(text, sentences, entities)
    for e in of_type("Alliance", "Cluster", "Firm"):
        found = any(r.tail in {c.id for c in chains} for r in rel.from_head("BELONGS_TO", e.id))
        for m in e.mentions:
            for chain_m in m.info.get("chains", []):
                chain = by_mention.get(id(chain_m)) or chain_by_key.get(chain_m.key)
                if chain is not None:
                    rel.add("BELONGS_TO", e, chain, m.sent)
                    found = True
        if not found and e.type in ("Firm", "Cluster", "Alliance"):
            for chain in chains:
                # two Chinese characters name a trade (海绵 of 新禾海绵制品); two Latin letters do not
                shortest = 2 if re.match(r"[\u4e00-\u9fff]", chain.name) else 3
                if len(chain.name) >= shortest and _contains_word(e.name.lower(), chain.name.lower()):
                    rel.add("BELONGS_TO", e, chain, _first_sent(e), "the chain is in the firm's name")
                    found = True
        if found or e.type != "Firm":
            continue
        for m in e.mentions:
            if m.sent in field_of:
                rel.add("BELONGS_TO", e, field_of[m.sent], m.sent, "in the field its sentence's run opens with")
                found = True
        if found:
            continue
        supplied = {r.tail for r in rel.items if r.type == "SUPPLIES"}
        for m in e.mentions:
            if (m.sent, e.id) in customers or e.id in supplied:
                continue
            here = per_sent.get(m.sent, [])
            if len({oe.id for _o, oe in here if oe.type == "Chain"}) >= 3 and \
                    len({oe.id for _o, oe in here if oe.type == "Firm"}) >= 2:
                continue  # several firms beside a list of fields: which firm is in which is not said
            for other, oe in here:
                if oe.type == "Chain" and not other.nested_in:
                    rel.add("BELONGS_TO", e, oe, m.sent)
                    found = True
        if found:
            continue
        # an event whose deals cover several fields does not say which field a firm at it is in
        if event_chains and (named_for or len(event_chains) == 1) and \
                (e.id in at_event or named_for and e.id not in supplied):
            for chain in event_chains:
                rel.add("BELONGS_TO", e, chain, _first_sent(e), "a firm at an event about this chain")
            continue
        for r in rel.from_head("MEMBER_OF", e.id):
            for c in rel.from_head("BELONGS_TO", r.tail):
                rel.add("BELONGS_TO", e, next(x for x in chains if x.id == c.tail), r.sent,
                        "a member of an alliance of this chain")

    # a firm of a park whose chain is known, and with no chain of its own, is in that chain
    cluster_ids = {c.id for c in of_type("Cluster")}
    for e in of_type("Firm"):
        own = rel.from_head("BELONGS_TO", e.id)
        if any(r.tail in chain_ids for r in own):
            continue
        for r in [r for r in own if r.tail in cluster_ids]:
            for c in rel.from_head("BELONGS_TO", r.tail):
                if c.tail in chain_ids:
                    rel.add("BELONGS_TO", e, chain_ids[c.tail], r.sent, "a firm of a park of this chain")
    _park_places(rel, entities)
    _explicit_direction(rel)
    _name_gives_way(rel, entities)
    return prune_zh(rel.items, entities) if language == "zh" else rel.items


# "A and B, both located in Yuxi,": the place of every firm of the list before
_BOTH_PLACED = re.compile(r",\s+(?:both|all|each)\s+(?:of (?:them|which)\s+)?(?:are\s+)?(?:located|based|headquartered|"
                          r"situated)\s+in\s+(?:the\s+)?")
_LIST_JOIN = re.compile(r"\.?(?:,?\s+and\s+|,\s+)")


def _listed_then_placed(rel, text: str, per_sent) -> None:
    """In "its subsidiaries A and B, both located in Yuxi, …" every firm of the list
    that ends right before the phrase is LOCATED_IN the place right after it."""
    for index, here in per_sent.items():
        for i, (m, e) in enumerate(here):
            if e.type != "Firm":
                continue
            placed = _BOTH_PLACED.match(text, m.end)
            place = next(((pm, pe) for pm, pe in here if placed and pm.start == placed.end()
                          and pe.type in ("City", "Province")), None)
            if place is None:
                continue
            firms = run_ending_at(text, [(fm, fe) for fm, fe in here[:i + 1] if fe.type == "Firm"], _LIST_JOIN)
            if len(firms) >= 2:
                for _fm, firm in firms:
                    rel.add("LOCATED_IN", firm, place[1], index, "listed, then placed")


_BY_NAME = "the place in its name"
#: After a name, the words that place it: "X was founded in", "X, which is located in", "X, a Haicang District
#: company", "X, from Ningguo City", "X, a company in Gaogang District", "X, whose furnace is located in Y"
_PLACED_AFTER = re.compile(
    r"\s*(?:was|were|has been|is)\s+(?:\w+ly\s+)?(?:founded|established|set up|launched|"
    r"inaugurated|unveiled|located|based|headquartered)\s+in\s+"
    r"|\s*(?:\([^)]{1,20}\)\s*)?,\s+(?:which is\s+|that is\s+)?(?:located|based|headquartered)\s+in\s+(?:the\s+)?"
    r"|\s*(?:\([^)]{1,20}\)\s*)?,\s+(?:a\s+|an\s+|from\s+|based\s+in\s+)(?=[A-Z])"
    r"|\s*(?:\([^)]{1,20}\)\s*)?,\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|enterprise|maker|"
    r"producer|manufacturer|supplier)\s+(?:in|from|based\s+in)|whose\s+(?:[\w-]+\s+){1,4}?(?:is|are)\s+"
    r"(?:located|based)\s+in)\s+(?:the\s+)?(?=[A-Z])")
_OF_AFTER = re.compile(r"\s+of\s+(?=[A-Z])")  # "X Co., Ltd. of Fuling District"
_LEGAL_END = re.compile(r"(?:Ltd|Limited|Inc|Corp)\.?$")
_ZH_PLACED_AFTER = re.compile(r"[^，。；]{0,6}?(?:在|落户|位于|地处|坐落于|坐落在)")
_FRONTED_PLACE = re.compile(r"\b(?:Located|Based|Headquartered|Situated)\s+in\s+(?:the\s+)?([A-Z][^,]{1,60}),\s+"
                            r"(?:the\s+)?$")


def _park_places(rel: Relations, entities: list[Entity]) -> None:
    """A firm of a park is in the county, district or town the park is in; a park's
    prefecture or province is too coarse to say where its firms are."""
    by_id = {e.id: e for e in entities}
    for e in entities:
        if e.type != "Firm":
            continue
        for r in rel.from_head("BELONGS_TO", e.id):
            if by_id[r.tail].type != "Cluster":
                continue
            for where in rel.from_head("LOCATED_IN", r.tail):
                if _below_prefecture(by_id[where.tail]):
                    rel.add("LOCATED_IN", e, by_id[where.tail], r.sent, "where its park is")


def _below_prefecture(place: Entity) -> bool:
    """True for a county, district or town (keys ``county:``, ``district:``, ``town:``)."""
    return bool(place.mentions) and ":" in place.mentions[0].key


def _name_gives_way(rel: Relations, entities: list[Entity]) -> None:
    """Drop a firm's place read from its name (Fujian X Co.) when the text places it
    below that place ("X, a Haicang District company"; 位于叙州区的X): the text's
    place is where it is, and the name's is only where it was registered. A place of
    another province leaves the name's place as it is."""
    by_id = {e.id: e for e in entities}
    for e in entities:
        if e.type != "Firm":
            continue
        located = rel.from_head("LOCATED_IN", e.id)
        stated = [r for r in located if r.note != _BY_NAME]
        below = {by_id[r.tail].province for r in stated if _below_prefecture(by_id[r.tail])}
        if not below:
            continue
        # (a place in another province, 湘钢还在广东省阳春市拥有子公司, is a second site, not the first's)
        for r in [r for r in located if r.note == _BY_NAME and by_id[r.tail].province in below | {None}]:
            rel.remove(r)


#: SUPPLIES read from the kind of agreement alone, which a clause saying who delivers outranks
_BY_AGREEMENT = frozenset({"a supply agreement", "the other side of a purchase agreement"})


def _explicit_direction(rel: Relations) -> None:
    """Drop a SUPPLIES read from the kind of agreement (X与Y签订…供应协议) when the
    text also says the goods go the other way (Y每年将向X供应…)."""
    pairs = {(r.head, r.tail): r for r in rel.items if r.type == "SUPPLIES"}
    for (a, b), r in list(pairs.items()):
        back = pairs.get((b, a))
        if r.note in _BY_AGREEMENT and back is not None and back.note not in _BY_AGREEMENT:
            rel.remove(r)


# firms "from across the city" or "based in the city" are the article's city's
_THE_CITY_EN = cued(r"\b(?:the city's|of the city|the city (?:has|had|is|was|now has|boasts|hosts|also has)|"
                    r"(?:from|across) (?:across )?the city|based in the city)\b", re.IGNORECASE)
_THE_CITY_ZH = re.compile(r"全市|本市|我市|该市")
_THE_COUNTY_EN = re.compile(r"\b(?:the county's|our county's|of the county|(?:the|our) county (?:has|had|is|was|now has|"
                            r"boasts|hosts|also has))\b", re.IGNORECASE)
_THE_COUNTY_ZH = re.compile(r"全县|本县|我县|该县")
# "local" firms are of the place the article is about, whatever its level (a city, a county, a district)
_LOCAL_EN = re.compile(r"\blocal (?:[\w-]+ ){0,2}(?:firms|companies|enterprises|makers|manufacturers|suppliers|"
                       r"producers|chain leaders|players|brands)\b", re.IGNORECASE)
_LOCAL_ZH = re.compile(r"(?:本地|当地|本土)(?:的)?(?:[\u4e00-\u9fff]{0,4})?(?:企业|厂商|供应商|龙头|品牌)")


def _firms_of_the_city(rel: Relations, sentences: list[Sentence], per_sent, cities: list[Entity],
                       language: str) -> None:
    """Firms named in a sentence about "the city" ("the city's leading builders,
    including A and B", "the chain leaders of the city, namely A", 全市…企业) are in
    the article's city: the prefecture-level city named most often; those of a
    sentence about "the county" (全县) in the county named most often; and "local"
    firms (当地龙头) in the place named most often."""
    prefectures = [c for c in cities if not _below_prefecture(c) and not c.props.get("members")]
    counties = [c for c in cities if c.mentions[0].key.startswith("county:")]
    zh = language == "zh"
    for place, cue, listed_after in (
            (_home(prefectures, []), _THE_CITY_ZH if zh else _THE_CITY_EN, False),
            (_home(counties, []), _THE_COUNTY_ZH if zh else _THE_COUNTY_EN, False),
            # a Chinese list names its members before the kind (A、B等本地企业): only English waits for the cue
            (_home([c for c in cities if not c.props.get("members")], []), _LOCAL_ZH if zh else _LOCAL_EN, not zh)):
        if place is not None:
            _firms_of(rel, sentences, per_sent, place, cue, listed_after)


def _firms_of(rel: Relations, sentences: list[Sentence], per_sent, city: Entity, cue: re.Pattern,
              listed_after: bool = False) -> None:
    """Locate in ``city`` the firms of each sentence ``cue`` finds that names no other
    place, unless a firm is already in another city (诸城华宇 as 当地龙头 of 潍坊); with
    ``listed_after`` only those named after the cue ("two local brands, A and B", not
    "A supplies B and will help more local firms …")."""
    cities = {e.id for _m, e in (x for items in per_sent.values() for x in items) if e.type == "City"}

    def here_elsewhere(firm: Entity) -> bool:
        return any(r.tail in cities and r.tail != city.id for r in rel.from_head("LOCATED_IN", firm.id))

    for index, items in per_sent.items():
        said = cue.search(sentences[index].text) if len(items) >= 2 else None
        if said is None:
            continue
        here = {e.id for _m, e in items if e.type == "City"}
        if here - {city.id}:
            continue  # another city is named: "the city" may be it
        after = sentences[index].start + said.end() if listed_after else 0
        # 本地饲料企业通辽绿源: a cue right before a name is that firm's alone
        named = [(m, e) for m, e in items if e.type == "Firm" and m.start == sentences[index].start + said.end()]
        for m, e in named or items:
            if e.type == "Firm" and not m.nested_in and m.start >= after and not here_elsewhere(e):
                rel.add("LOCATED_IN", e, city, index, "a firm of the article's city")


# the text between two firms that makes the first the second's supplier, or its customer
_SUPPLIER_OF_EN = re.compile(r"^,?\s+(?:has\s+)?(?:also\s+)?(?:become|became|becomes|is|was|will\s+become|has\s+been|"
                             r"(?:was|were|has\s+been|is)\s+(?:also\s+)?(?:named|designated|selected\s+as|certified\s+as|"
                             r"admitted\s+as|listed\s+as))\s+"
                             r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:supplier|vendor|provider)\s+(?:of|to|for)\s+(?:the\s+)?$")
_BUYS_FROM_EN = re.compile(r"^,?\s+(?:will\s+|plans\s+to\s+|agreed\s+to\s+)?(?:buy|buys|bought|purchase|purchases|"
                           r"purchased|source|sources|sourced|procure|procures|procured|order|orders|ordered)\s+"
                           r"[^,;.]{0,60}?\bfrom\s+(?:the\s+)?$")
_SUPPLIER_OF_ZH = re.compile(r"^(?:已|将|正式)?成为$")
_SUPPLIER_OF_ZH_AFTER = re.compile(r"的?(?:[\u4e00-\u9fff]{0,4})?(?:供应商|供货商|配套商|配套企业)")
_BUYS_FROM_ZH = re.compile(r"^(?:将|拟|计划)?(?:向|从)$")
_BUYS_FROM_ZH_AFTER = re.compile(r"(?:采购|购买|订购|进口|购入|采买)")
_BUYS_ZH = re.compile(r"^(?:将|拟|计划)?(?:采购|购买|订购|购入)了?$")
# the customer named first: X所用的…由Y供应, X的…供应商之一是Y, X的…采购自Y
_USED_BY_ZH = re.compile(r"^(?:所用|使用|采用|所需)的[^，。；]{0,12}?由$")
_USED_BY_ZH_AFTER = re.compile(r"(?:供应|供货|提供|配套)")
_SUPPLIER_IS_ZH = re.compile(r"^的[^，。；]{0,10}?(?:供应商|供货商|配套商)(?:之一)?(?:是|为)[^，。；]{0,16}?$")
_NOMINATED_ZH = re.compile(r"的[^，。；]{0,8}?定点(?:通知|函|信|书)")
_BOUGHT_FROM_ZH = re.compile(r"^[^，。；]{0,16}?(?:采购|购|进口)自$")


def _buys_from(rel: Relations, text: str, per_sent, language: str) -> None:
    """SUPPLIES from the seller to the buyer in "A became a supplier of B", "A will
    buy … from B", A成为B的供应商, A向B采购, A采购B的…, for two firms next to each other
    in a sentence."""
    for items in per_sent.values():
        firms = [(m, e) for m, e in items if e.type == "Firm" and not m.nested_in]
        if language == "zh":  # A公告称，公司收到B的定点通知: B has chosen A as its supplier
            for m2, b in firms[1:]:
                if text[max(0, m2.start - 4):m2.start].endswith(("收到", "获得", "接到")) and \
                        _NOMINATED_ZH.match(text, m2.end):
                    rel.add("SUPPLIES", firms[0][1], b, m2.sent, "nominated as its supplier")
        for (m1, a), (m2, b) in zip(firms, firms[1:]):
            gap = text[m1.end:m2.start]
            if len(gap) > 80:
                continue
            if language == "zh":
                if _SUPPLIER_OF_ZH.match(gap) and _SUPPLIER_OF_ZH_AFTER.match(text, m2.end):
                    rel.add("SUPPLIES", a, b, m1.sent)
                elif _BUYS_FROM_ZH.match(gap) and _BUYS_FROM_ZH_AFTER.match(text, m2.end):
                    rel.add("SUPPLIES", b, a, m1.sent)
                elif _BUYS_ZH.match(gap) and text.startswith("的", m2.end):
                    rel.add("SUPPLIES", b, a, m1.sent)
                elif (_USED_BY_ZH.match(gap) and _USED_BY_ZH_AFTER.match(text, m2.end)
                      or _SUPPLIER_IS_ZH.match(gap) or _BOUGHT_FROM_ZH.match(gap)):
                    rel.add("SUPPLIES", b, a, m1.sent, "the customer named first")
            elif _SUPPLIER_OF_EN.match(gap):
                rel.add("SUPPLIES", a, b, m1.sent)
            elif _BUYS_FROM_EN.match(gap):
                rel.add("SUPPLIES", b, a, m1.sent)


def _contains_word(text: str, word: str) -> bool:
    """True when ``word`` occurs in ``text`` not inside a longer Latin word."""
    at = text.find(word)
    while at != -1:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


_BELOW_CITY = re.compile(r"\b(?:Town|Township|Subdistrict|Village)$")
_DISTRICT = re.compile(r"\b(?:District|County|New Area)$")


def _first_sent(e: Entity) -> int | None:
    return next((m.sent for m in e.mentions if m.sent >= 0), None)


def _home(places: list[Entity], entities: list[Entity], prefer=None) -> Entity | None:
    if not places:
        return None
    if prefer is not None:
        preferred = [p for p in places if prefer(p)]
        if preferred:
            places = preferred
    return max(places, key=lambda p: (len(p.mentions), -min(m.start for m in p.mentions)))


def _nearest_place(per_sent, e: Entity) -> Entity | None:
    for m in e.mentions:
        before = [oe for om, oe in per_sent.get(m.sent, []) if oe.type in ("City", "Province") and om.start < m.start]
        if before:
            return before[-1]
    return None


_HELD_AFTER = re.compile(r",?\s+(?:which (?:was|is|will be)\s+)?held\s+(?:on [^,]{3,20}\s+)?(?=in\b|at\b)")


def _event_place(rel: Relations, text: str, main: Mention, event: Entity, per_sent, by_mention) -> None:
    trigger = main.info.get("trigger")
    said_in = main.sent  # the sentence the place is read from, which the relation cites
    items = per_sent.get(said_in, [])
    if trigger is None:  # "at the X Meeting, held in the Y Zone": the participle places it
        for m in sorted(event.mentions, key=lambda m: m.start):
            held = _HELD_AFTER.match(text, m.end) if m.sent >= 0 else None
            if held:
                trigger, said_in = held.end(), m.sent
                items = per_sent.get(said_in, [])
                break
    if trigger is not None:
        after = text[trigger:trigger + 60]
        where = re.match(r"\s*(?:in|at)\s+(?:the\s+)?", after) or re.match(r"\s*在", after)
        run: list[tuple[Mention, Entity]] = []
        for m, e in items:
            if e.type in ("City", "Province") and m.start >= trigger and where and m.start <= trigger + 60:
                if run and text[run[-1][0].end:m.start].strip(" ,，、"):
                    break
                run.append((m, e))
        if run:
            cities = [e for m, e in run if e.type == "City"]
            # the most specific place: first in English ("in Anxi County, Quanzhou City"), last in Chinese (泉州市安溪县)
            specific = (cities[-1] if where.group(0).strip() == "在" else cities[0]) if cities else run[0][1]
            rel.add("LOCATED_IN", event, specific, said_in)
            return
        # "held in the Changchun Automotive Economic and Technological Development Zone": the park's city
        park = next((m for m, e in items if where and e.type == "Cluster" and m.start == trigger + where.end()), None)
        inner = [by_mention.get(id(p)) for p in (park.info.get("places", []) if park else [])]
        inner = [e for e in inner if e is not None]
        if inner:
            rel.add("LOCATED_IN", event, inner[0], said_in, "the city of the park it was held in")
            return
    subject = main.info.get("subject")
    if subject:
        for m, e in items:
            if subject[0] <= m.start < subject[1] and e.type in ("City", "Province") and not m.nested_in:
                rel.add("LOCATED_IN", event, e, main.sent)
                return
    # "120 firms gathered in Aksu on October 30 for the X Conference": the one city of the
    # sentence naming the event, put "in" or "at"
    for m in sorted(event.mentions, key=lambda m: m.start):
        cities = [(o, e) for o, e in per_sent.get(m.sent, []) if e.type == "City" and not o.nested_in] \
            if m.sent >= 0 else []
        slots = [e for o, e in cities if re.search(r"\b(?:in|at)\s+$", text[max(0, o.start - 4):o.start])]
        if slots and len({e.id for _o, e in cities}) == 1:
            rel.add("LOCATED_IN", event, slots[0], m.sent, "the city the sentence naming it is in")
            return
    for m in event.mentions:
        for p in m.info.get("places", []):
            target = by_mention.get(id(p))
            if target is not None:
                rel.add("LOCATED_IN", event, target, m.sent)
                return


_AS_ORGANIZERS = cued(r"\bwith\s+((?:(?!\bwith\b)[^;]){3,240}?)\s+as\s+(?:the\s+)?(?:its\s+)?(?:co-?|joint\s+)?"
                      r"(?:organi[sz]ers?|hosts?|sponsors?|undertakers?)\b")


def _organizers(rel: Relations, sentences, per_sent, event: Entity, main: Mention, organizers: set[str],
                language: str) -> None:
    subject = main.info.get("subject")
    if subject:
        for m, e in per_sent.get(main.sent, []):
            if subject[0] <= m.start < subject[1] and e.type in ("Firm", "Agency", "Alliance"):
                rel.add("ORGANIZED", e, event, main.sent)
                organizers.add(e.id)
    for index, items in per_sent.items():
        s = sentences[index].text
        if language == "zh":
            for verb in re.finditer(r"(?:联合|共同)?(?:主办|承办|协办|举办)", s):
                at = sentences[index].start + verb.start()
                orgs = [(m, e) for m, e in items if m.end <= at and e.type in ("Firm", "Agency", "Alliance")]
                # the short name a bracket declares is read as part of the name before it
                base = sentences[index].start
                orgs = [(m, e) for i, (m, e) in enumerate(orgs) if not (
                    i and orgs[i - 1][1] is e and _DECLARED_BETWEEN.match(s, orgs[i - 1][0].end - base))]
                for m, e in reversed(orgs):
                    # A（以下简称“甲”）协办: the short name it declares may stand between
                    if m.end != at and not _DECLARED_BETWEEN.fullmatch(s, m.end - base, at - base):
                        break
                    rel.add("ORGANIZED", e, event, index)
                    organizers.add(e.id)
                    gap = s[m.start - sentences[index].start - 1:m.start - sentences[index].start]
                    at = m.start - 1 if gap in ("、", "和", "与", "及") else -1
            for by in _ZH_BY.finditer(s):
                a, b = sentences[index].start + by.start(1), sentences[index].start + by.end(1)
                for m, e in items:
                    if a <= m.start < b and e.type in ("Firm", "Agency", "Alliance"):
                        rel.add("ORGANIZED", e, event, index)
                        organizers.add(e.id)
            continue
        for role in _AS_ORGANIZERS.finditer(s):  # "with A and B as co-organizers"
            a, b = sentences[index].start + role.start(1), sentences[index].start + role.end(1)
            for m, e in items:
                if a <= m.start < b and e.type in ("Firm", "Agency", "Alliance"):
                    rel.add("ORGANIZED", e, event, index, "named as its organiser")
                    organizers.add(e.id)
        # "A held its 2024 Partners Conference": the subject right before the verb holds the event
        for m, e in items:
            if e is not event:
                continue
            held = _HELD_ITS.search(sentences[index].text, 0, m.start - sentences[index].start)
            if held is None:
                continue
            at = sentences[index].start + held.start()
            subject = [(om, oe) for om, oe in items if oe.type in ("Firm", "Agency", "Alliance")
                       and om.end <= at and _SUBJECT_GAP.fullmatch(sentences[index].text,
                                                                   om.end - sentences[index].start, held.start())]
            for _om, oe in subject[-1:]:
                rel.add("ORGANIZED", oe, event, index, "held its event")
                organizers.add(oe.id)
        for by in lx.ORGANIZE_BY_RE.finditer(s):
            start = sentences[index].start + by.end()
            clause_end = re.search(r"[,;.]\s|\s(?:and|with)\s(?!(?:the\s)?[A-Z])", s[by.end():])
            stop = start + (clause_end.start() if clause_end else len(s))
            for m, e in items:
                if start <= m.start < stop and e.type in ("Firm", "Agency", "Alliance"):
                    rel.add("ORGANIZED", e, event, index)
                    organizers.add(e.id)


_DECLARED_BETWEEN = re.compile(r"[（(][^（）()]{1,20}[）)]")
_HELD_ITS = re.compile(r"\b(?:held|holds|hosted|hosts|organi[sz]ed|organi[sz]es|staged|stages|convened|convenes)\s+"
                       r"(?:its|their)\s+$")
_SUBJECT_GAP = re.compile(r"\.?\s*(?:\([^)]{1,40}\)\s*)?(?:also\s+|recently\s+|again\s+|successfully\s+)*")


# the units that govern an association are its members: 理事长单位, 副理事长单位, 会员单位
_GOVERNING_UNITS = cued(r"(?:理事长|副理事长|理事|秘书长|监事长|会员|成员)单位|"
                        r"\b(?:chair|chairman|vice-chair|vice chair|vice-chairman|vice chairman|president|"
                        r"vice-president|director|council|member|governing) units?\b|"
                        # "C and D joined as ordinary members"
                        r"\bjoined (?:it |the alliance )?as (?:an? |its )?(?:[\w-]+\s+)?members?\b|"
                        r"\b(?:other|new|founding|first) members\s+(?:include|included|are|were)\b", re.IGNORECASE)


_GIVEN_TO_ZH = re.compile(r"供给|供应给|提供给|销往|销售给|卖给|出售给")
_APPOSITIVE = re.compile(r"\.?\s*(?:\([^)]{1,30}\)\s*)?,\s+(?:headquartered|based|located|founded|established|"
                         r"an?|one|which|who|whose)\b")


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
# "…, such as B and C, both of which also signed …": each signed its own deal, not with each other
_EACH_SIGNED = re.compile(r"\b(?:both|all|each)\s+of\s+(?:which|them|whom)\s+(?:[a-z]+\s+){0,2}$")
_TO_BEFORE = re.compile(r"\bto\s+$")
_BY_AFTER = re.compile(r"\s+(?:by|from)\b")


def _signed_supplies_members(rel: Relations, sentences, per_sent, entities, language) -> set[tuple[int, str]]:
    """Add SIGNED_WITH, SUPPLIES and MEMBER_OF; return (sentence, firm id) pairs of
    the customers named in supply sentences."""
    target = target_of([e for e in entities if e.type == "Alliance"])  # the alliance members join
    customers: set[tuple[int, str]] = set()
    for index, items in per_sent.items():
        sent = sentences[index]
        orgs = [(m, e) for m, e in items if e.type in ("Firm", "Agency")]
        for clause_start, clause in _clauses(sent, language):
            clause_end = clause_start + len(clause)
            in_clause = [(m, e) for m, e in orgs if clause_start <= m.start < clause_end]
            if len(in_clause) < 1:
                continue
            subject = None  # an English signer before an appositive (below)
            if language == "zh":
                verb = lx.zh_sign_at(clause)
                supply = next((clause.find(w) for w in lx.ZH_SUPPLY if w in clause), -1)
            else:
                # the first signing verb with a party before it ("Among the signed projects, A inked … with B")
                firsts = [m.start - clause_start for m, _e in in_clause]
                # "A, headquartered in Shenzhen, Guangdong Province, signed …": A is the clause's subject
                subject = next(((m, e) for m, e in orgs if m.start < clause_start), None)
                if subject is not None and _APPOSITIVE.match(text_of(sent, subject[0].end, clause_start)):
                    firsts.append(-1)
                else:
                    subject = None
                # "after the signing session": a noun's modifier, no one signing
                verb = next((mv.start() for mv in lx.SIGN_RE.finditer(clause) if any(f < mv.start() for f in firsts)
                             and not _ARTICLE_BEFORE.search(clause, 0, mv.start())), -1)
                ms = lx.SUPPLY_RE.search(clause)
                supply = ms.start() if ms and not _TO_BEFORE.search(clause, 0, ms.start()) else -1
                if ms and _BY_AFTER.match(clause, ms.end()):
                    supply = -1  # "provided by A": A is the supplier, read as a list (lists.py)
            if verb >= 0:
                pivot = clause_start + verb
                left = [e for m, e in in_clause if m.start < pivot and e.type in ("Firm", "Agency")]
                if not left and subject is not None:
                    left = [subject[1]]
                right_text = clause[verb:]
                with_at = re.search(r"\bwith\b", right_text)
                right = []
                if with_at and language != "zh":
                    right = [e for m, e in in_clause if m.start > pivot + with_at.start()]
                if language == "zh" and len(left) >= 2:
                    firsts = [m for m, e in in_clause if m.start < pivot and e.type in ("Firm", "Agency")]
                    if re.search(r"[与和同]", text_of(sent, firsts[0].end, firsts[1].start)):
                        right, left = left[1:], left[:1]
                    else:  # 与A、B等企业签订: A and B are listed on one side
                        left = []
                if not right and len(left) >= 2 and language != "zh" and re.search(r"\band\b", clause[:verb]) \
                        and not _EACH_SIGNED.search(clause[:verb]):
                    right, left = left[1:], left[:1]
                if len(left) >= 2 and language != "zh":
                    # "A, which supplies … to B, used the conference to ink … with C": A signs, not B
                    first = next(m for m, e in in_clause if e is left[0])
                    if _RELATIVE_BETWEEN.match(re.sub(r"\b(Co|Ltd|Inc|Corp)\.", r"\1", text_of(sent, first.end, pivot))):
                        left = left[:1]
                for a in left[-1:]:
                    for b in right:
                        rel.add("SIGNED_WITH", a, b, index)
                        if a.type == b.type == "Firm":
                            sells = re.search(r"\b(?:supply|sales) (agreement|contract|deal|framework)|供货|供应|\bto "
                                              r"(?:supply|provide|deliver)\b|\bfor the (?:supply|provision|delivery) "
                                              r"of\b", right_text)
                            buys = re.search(r"\b(purchase|procurement|purchasing|order) (agreement|contract|"
                                             r"deal)|采购|\bto (?:buy|purchase|procure|order)\b|\bfor the "
                                             r"(?:purchase|procurement) of\b", right_text)
                            # "…, under which it will supply …": the clause names the supplier
                            who = _UNDER_WHICH.search(right_text)
                            if who is not None:
                                seller, buyer = (b, a) if who.group(1).lower() == "the latter" else (a, b)
                                rel.add("SUPPLIES", seller, buyer, index)
                                customers.add((index, buyer.id))
                            elif language == "zh" and (sells or buys):
                                # a Chinese agreement is named by its last word (采购…的供货合同 supplies)
                                follows = sent.text[clause_end - sent.start:clause_end - sent.start + 16]
                                seller, buyer = (a, b) if agreement_kind(right_text, follows) == "supply" else (b, a)
                                if not lx.JOINT_PURCHASE_RE.search(right_text):
                                    rel.add("SUPPLIES", seller, buyer, index, "a supply agreement" if seller is a
                                            else "the other side of a purchase agreement")
                                    customers.add((index, buyer.id))
                            elif sells and not (buys and buys.start() < sells.start()):
                                rel.add("SUPPLIES", a, b, index, "a supply agreement")
                                customers.add((index, b.id))
                            elif buys and not lx.JOINT_PURCHASE_RE.search(right_text):
                                rel.add("SUPPLIES", b, a, index, "the other side of a purchase agreement")
                                customers.add((index, a.id))
            given = _GIVEN_TO_ZH.search(clause) if language == "zh" else None
            if given is not None:  # A每年…直接供给区内的B和C: A supplies the firms after the verb
                at = clause_start + given.start()
                before = [e for m, e in in_clause if m.start < at and e.type == "Firm"]
                after = [e for m, e in in_clause if m.start >= at + len(given.group(0)) and e.type == "Firm"]
                if before and after:
                    for b in after:
                        if b is not before[0]:
                            rel.add("SUPPLIES", before[0], b, index, "given to it")
                            customers.add((index, b.id))
                    supply = -1
            if supply >= 0:
                pivot = clause_start + supply
                if language == "zh":
                    first = min((m for m, e in in_clause if e.type == "Firm"), key=lambda m: m.start, default=None)
                    if first is not None and not re.search(r"[为向给]", text_of(sent, first.end, clause_start + supply)):
                        first = None
                    lead = re.match(r"[^，]{0,3}[为向给]", clause)
                    if first is None or lead and first.start >= clause_start + lead.end():
                        # "A表示，将为B配套…": the supplier is the sentence's subject
                        subject = min((m for m, e in orgs if e.type == "Firm" and m.start < clause_start),
                                      key=lambda m: m.start, default=None)
                        wei = re.match(r"[^，]{0,3}[为向给]", clause)
                        if subject is None or wei is None:
                            continue
                        left = [e for m, e in orgs if m is subject]
                        right = [e for m, e in in_clause if clause_start + wei.end() <= m.start < clause_start + supply
                                 and e.type == "Firm"]
                        for b in right:
                            rel.add("SUPPLIES", left[0], b, index)
                            customers.add((index, b.id))
                        continue
                    wei = re.match(r"[^，。为向给]{0,6}?[为向给]", text_of(sent, first.end, clause_start + supply))
                    if wei is None:
                        continue
                    split = first.end + wei.end() - 1
                    left = [e for m, e in in_clause if m.start < split and e.type == "Firm"]
                    right = [e for m, e in in_clause if split <= m.start < pivot and e.type == "Firm"]
                else:
                    left = [e for m, e in in_clause if m.start < pivot and e.type == "Firm"]
                    right = [e for m, e in in_clause if m.start > pivot and e.type == "Firm"]
                for a in left[-1:]:
                    for b in right:
                        rel.add("SUPPLIES", a, b, index)
                        customers.add((index, b.id))
        s = sent.text
        # "X, a founding member of the alliance, …": X alone is a member
        apposed = [e for m, e in orgs if e.type == "Firm" and _APPOSED_MEMBER.match(s, m.end - sent.start)]
        if apposed and target is not None:
            for e in apposed:
                rel.add("MEMBER_OF", e, target, index, "a member, in apposition")
            continue
        if target is None:  # no alliance to join: the cues below would change nothing
            continue
        joined = bool(re.search(r"\bjoin(ed|s)?\b.{0,40}alliance|members? of the .{0,60}alliance|founding members|"
                                r"\b(?:new|first|founding) members\b|"
                                r"\bmember (?:units|enterprises|firms|companies) include|"
                                # "signed up as the alliance's first overseas member"
                                r"\b(?:signed up|joined|became|was admitted|were admitted)\s+as\s+(?:the\s+alliance['’]s|"
                                r"an?|the|its)\s+(?:[\w-]+\s+){0,3}members?\b|"
                                # "now has 76 member firms, including A, B and C"
                                r"\b\d+\s+member (?:units|enterprises|firms|companies),?\s+includ|"
                                r"\bits (?:first |founding |initial )?(?:batch of |group of )?(?:members|member units)\b.{0,80}\binclude|"
                                r"alliance .{0,40}(initiated|launched|founded) (jointly )?by", s, re.IGNORECASE)) \
            or ("联盟" in s and any(w in s for w in ("加入", "联盟成员", "发起", "首批成员"))) \
            or _MEMBERS_OPEN_ZH.match(s) is not None \
            or bool(_GOVERNING_UNITS.search(s)) \
            or (index > 0 and re.search(r"\b(?:they|these)\s+(?:also\s+)?include\b|^\s*among them (?:are|is|were)\b",
                                        s, re.IGNORECASE) is not None
                and re.search(r"\bmember(?:s| units| firms| enterprises| companies)\b", sentences[index - 1].text,
                              re.IGNORECASE) is not None)
        if joined:
            for m, e in orgs:
                if e.type == "Firm":
                    rel.add("MEMBER_OF", e, target, index)
    return customers


# 首批成员中，既有A、B…: a sentence that opens on the members lists them
_MEMBERS_OPEN_ZH = re.compile(r"\s*(?:其中，?)?(?:首批|新|现有|新增)?(?:成员|会员)(?:单位|企业)?(?:中|包括|有|涵盖|主要有)")
_APPOSED_MEMBER = re.compile(r",\s+(?:a|an|one of the)\s+(?:[\w-]+\s+){0,2}members?\s+(?:unit\s+)?of\s+the\s+"
                             r"(?:[\w-]+\s+){0,6}alliance\b"
                             # "X, the alliance's chair unit", "X, … and chairman unit of the alliance": it leads it
                             r"|,\s+(?:the\s+)?alliance['’]s\s+(?:[\w-]+\s+){0,2}(?:chair|chairman|president)\s+unit\b"
                             r"|,\s+[^,.;]{0,80}?\b(?:chair|chairman|president)\s+unit\s+of\s+the\s+alliance\b",
                             re.IGNORECASE)


_RELATIVE_BETWEEN = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s+(?:(?:which|who|that)\b[^.;]*?,\s+(?:[\w-]+\s+){0,6}"
                               # "A, the Beihai subsidiary of B (Sun Paper), signed": B only says whose A is
                               r"|(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|unit|arm|affiliate|branch|plant|"
                               r"base)\s+of\b[^.;]*?,\s+(?:[\w-]+\s+){0,2})$")


def target_of(alliances: list[Entity]) -> Entity | None:
    """The alliance members join: the one alliance of the article, or of several (an
    industry association beside an alliance) the one named an alliance."""
    named = [a for a in alliances if re.search(r"联盟|alliance", a.name, re.IGNORECASE)]
    return alliances[0] if len(alliances) == 1 else (named[0] if len(named) == 1 else None)


def text_of(sent: Sentence, start: int, end: int) -> str:
    """Return the part of ``sent`` between absolute offsets ``start`` and ``end``."""
    return sent.text[start - sent.start:end - sent.start]


def _clauses(sent: Sentence, language: str) -> list[tuple[int, str]]:
    pattern = r"[，,；;]" if language == "zh" else EN_CLAUSE_BREAK
    out, pos = [], 0
    for m in re.finditer(pattern, sent.text):
        out.append((sent.start + pos, sent.text[pos:m.start()]))
        pos = m.end()
    out.append((sent.start + pos, sent.text[pos:]))
    return out
