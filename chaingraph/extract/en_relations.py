"""English relations read across a paragraph or the whole article, not from one verb
pattern between two names; who dealt with whom is in :mod:`chaingraph.extract.en_deals`.

- **The article's firm.** News about one firm names it once and then says "the
  company", "the group", "it" or "the Chinese denim manufacturer". The firm the
  article is about (most mentions, then earliest, lists of customers left out) takes
  what such sentences say: the product chain of "the Chinese denim manufacturer",
  the plants of a sentence that names no other firm.
- **Plants and bases.** "X's base in C", "X will build a factory in C", "three
  factories in A, and one in B": the firm is located in each place.
- **"<place>-based X"**: X is located in the place.
- **Addresses.** "the X Park in the Y Zone, Heze City, Shandong Province": the park
  and the zone are in the first city of the address (a wider province the article
  gave them is dropped).
- **The event by its head word.** "agreements … were signed at the ceremony": a
  sentence that refers to the article's event by its head word is about the event,
  so the chains it names are what the event is ABOUT; an event whose name holds a
  chain of the article is about it; a park whose ground is broken at the event is
  where the event is.
- **Joining.** "X has joined the Y programme" (or a headline "… joins Y"): X is a
  member of Y.
"""

from __future__ import annotations

import re

from chaingraph.extract.en_chains import named_topic
from chaingraph.extract.en_deals import deal_relations, referents
from chaingraph.extract.en_places import place_relations
from chaingraph.extract.en_signing import deal_terms, signed_at_event, signed_list, signing_relations
from chaingraph.extract.lists import listed_run
from chaingraph.extract.places import gazetteer
from chaingraph.extract.result import Entity, Mention, Sentence, mentions_by_sentence

# the words of a firm's plants, which locate it where they are
_PLANTS = r"factory|factories|plant|plants|base|bases|facility|facilities|mill|mills|workshop|production lines?"
_FACILITY = re.compile(rf"\b(?:{_PLANTS}|laundries|laundry|workshops|headquarters|subsidiary|subsidiaries|branch|"
                       r"branches|R&D (?:center|centre)s?|warehouses?)\b(?:\s+[\w-]+){0,2}?"
                       r"(?:,?\s+(?:located|situated|based|sited))?\s+in\s+(?:the\s+)?$")
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
# "its Yuxi battery base", "X's Hefei plant": an owner (group 1: a name's 's), then the place
_OWNED_BEFORE = re.compile(r"(?:(['’]s)|\b(?:its|their|the company's|the group's))\s+(?:new\s+)?$")
_FACILITY_AFTER = re.compile(rf"(?:\s+[a-z][\w-]*){{0,2}}\s+(?:{_PLANTS}|R&D (?:center|centre))\b")
# "bases in Taizhou of Jiangsu, Pinghu of Zhejiang and Rizhao": the next place of the list
_NEXT_OF_LIST = re.compile(r"(?:\s+of\s+[A-Z][\w'-]*(?:\s+Province)?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_EVENT_HEAD = re.compile(r"\b(forum|summit|conference|meeting|symposium|seminar|fair|expo|exhibition|"
                         r"convention|ceremony|event|activity|roadshow|festival|week)\b", re.IGNORECASE)


def doc_relations(rel, text: str, sentences: list[Sentence], entities: list[Entity], customers=()) -> None:
    """Add to ``rel`` (a :class:`~chaingraph.extract.relations.Relations`) the
    relations of an English article read across sentences (see the module
    docstring); ``customers`` are firm ids listed as customers, never the article's
    firm."""
    per_sent = mentions_by_sentence(entities)
    focus = focus_firm(entities, set(customers))
    _based(rel, text, entities, per_sent)
    _plants(rel, text, sentences, per_sent, focus)
    _addresses(rel, text, entities, per_sent)
    _described(rel, sentences, entities, per_sent, focus)
    _event(rel, text, sentences, entities, per_sent)
    named_topic(rel, entities)
    _joined(rel, text, per_sent, focus)
    signing_relations(rel, text, sentences, per_sent)
    signed_list(rel, text, per_sent)
    deal_relations(rel, text, sentences, entities, per_sent, focus)
    deal_terms(rel, text, sentences, per_sent)
    signed_at_event(rel, text, sentences, per_sent)
    place_relations(rel, text, entities, per_sent)
    _in_the_park(rel, text, entities, per_sent)


# "X, a leading enterprise in the park,"; "other enterprises in the park, such as A, B and C"
_IN_THE_PARK_AFTER = re.compile(r"[)）]?,\s+(?:a|an|one|another)\s+(?:[\w-]+\s+){0,3}(?:enterprise|firm|company|manufacturer|"
                                r"producer|player)\s+(?:in|of)\s+the\s+(park|zone)\b")
_PARK_LIST_BEFORE = re.compile(r"\b(?:enterprises|firms|companies|manufacturers|producers)\s+(?:in|of)\s+the\s+"
                               r"(park|zone)\s*,?\s+(?:such\s+as|including|like)\s+$")
_LIST_JOINED = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _in_the_park(rel, text: str, entities: list[Entity], per_sent) -> None:
    """A firm called "an enterprise in the park" (or listed after "enterprises in the
    park, such as") belongs to the article's park, when the article names exactly one
    cluster whose name ends in that word (Park, Zone)."""
    heads = {}
    for word in ("park", "zone"):
        named = [e for e in entities if e.type == "Cluster" and e.name.lower().endswith(word)]
        if len(named) == 1:
            heads[word] = named[0]
    if not heads:
        return
    for index, items in per_sent.items():
        firms = [(m, e) for m, e in items if e.type == "Firm" and not m.nested_in]
        for i, (m, e) in enumerate(firms):
            after = _IN_THE_PARK_AFTER.match(text, m.end)
            if after is not None and after.group(1).lower() in heads:
                rel.add("BELONGS_TO", e, heads[after.group(1).lower()], index, "an enterprise of the park")
            cue = _PARK_LIST_BEFORE.search(text, max(0, m.start - 80), m.start)
            if cue is None or cue.group(1).lower() not in heads:
                continue
            for _m, firm in listed_run(text, firms[i:], _LIST_JOINED):
                rel.add("BELONGS_TO", firm, heads[cue.group(1).lower()], index, "listed as enterprises of the park")


def focus_firm(entities: list[Entity], customers: set[str]) -> Entity | None:
    """The firm the article is about: most mentions outside lists, then earliest."""
    firms = [e for e in entities if e.type == "Firm" and e.id not in customers
             and not all(m.info.get("list") for m in e.mentions)]
    if not firms:
        return None
    return max(firms, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions)))


_BASED = re.compile(r"-based\s+(?:[a-z][\w-]*\s+){0,3}$")
# "the Jingmen base of X", "the Wuhan production plant of X": after the place, before the firm
_SITE_OF = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:base|plant|factory|facility|campus|branch)\s+of\s+(?:the\s+)?")


def _based(rel, text: str, entities: list[Entity], per_sent) -> None:
    """"Zhejiang-based X", "Yongjia's X", "the Jingmen base of X": X is located in the place."""
    for items in per_sent.values():
        places = [(m, e) for m, e in items if e.type in ("City", "Province")]
        for m, e in items:
            if e.type != "Firm" or m.start < 8:
                continue
            owner = next((pe for pm, pe in places if text.startswith(("'s ", "’s "), pm.end) and pm.end + 3 == m.start),
                         None)
            if owner is not None:
                rel.add("LOCATED_IN", e, owner, m.sent, "the place's firm")
                continue
            site = next((pe for pm, pe in places if pm.end < m.start and _SITE_OF.fullmatch(text, pm.end, m.start)
                         and re.search(r"\b[Tt]he\s+$", text[max(0, pm.start - 5):pm.start])), None)
            if site is not None:  # "the Jingmen base of EVE Energy"
                rel.add("LOCATED_IN", e, site, m.sent, "its base there")
                continue
            based = _BASED.search(text[max(0, m.start - 60):m.start])
            if based is None:
                continue
            dash = m.start - (len(text[max(0, m.start - 60):m.start]) - based.start())
            place = next((pe for pm, pe in places if pm.end == dash), None)
            if place is not None:
                rel.add("LOCATED_IN", e, place, m.sent, "<place>-based")


def _plants(rel, text: str, sentences: list[Sentence], per_sent, focus: Entity | None) -> None:
    """A firm's plants, bases and factories in a place locate the firm there."""
    referred: dict[int, Entity] | None = None  # see en_deals.referents, found when first needed
    for index, items in per_sent.items():
        sent = sentences[index]
        places = [(m, e) for m, e in items if e.type in ("City", "Province") and not m.nested_in]
        for m, e in places:  # "its Yuxi battery base", "X's Hefei plant": the place before the facility
            owned = _OWNED_BEFORE.search(text, max(sent.start, m.start - 40), m.start)
            if owned is None or not _FACILITY_AFTER.match(text, m.end):
                continue
            # "its" is the sentence's first firm; in a sentence naming none it is left unread
            # (read as the firm the text was about, it cost a held-out set one relation)
            owner = next((fe for fm, fe in items if fe.type == "Firm" and (
                fm.end == owned.start() if owned.group(1) else fm.end <= owned.start())), None)
            if owner is not None:
                rel.add("LOCATED_IN", owner, e, index, "its plant or base there")
        first = None
        for m, e in places:
            if _FACILITY.search(text[max(sent.start, m.start - 60):m.start]):
                first = m
                break
        if first is None:
            continue
        orgs = [e for m, e in items if e.type in ("Firm", "Agency", "Cluster", "Alliance")]
        last, owner = first.start, None
        for m, e in places:
            if m.start < first.start or m.start - last > 90:
                continue
            facility = _FACILITY.search(text[max(sent.start, m.start - 60):m.start])
            if facility is not None:  # each "X's plant in C" names its own owner
                at = max(sent.start, m.start - 60) + facility.start()
                # "Its new plant in C" after sentences about another firm: the firm "Its" refers to
                if referred is None:
                    referred = referents(text, sentences, per_sent)
                owner = _owner(text, [(fm, fe) for fm, fe in items if fe.type == "Firm" and fm.start < at], at,
                               orgs, referred.get(index) or focus)
                if owner is None and re.search(r"\b[Ii]ts\s+$", text[max(sent.start, at - 5):at]):
                    owner = referred.get(index)  # "produced by its plant in C", before any firm is named
            elif not (_IN.search(text[max(sent.start, m.start - 12):m.start])
                      or e.type == "City" and last > first.start and _NEXT_OF_LIST.fullmatch(text, last, m.start)):
                continue
            if owner is not None:
                rel.add("LOCATED_IN", owner, e, index, "its plant or base there")
                last = m.end


_ADDRESS_IN = re.compile(r"\s+in\s+(?:the\s+)?")
_ADDRESS_SEP = re.compile(r"\s*,\s*(?:the\s+)?")


def _addresses(rel, text: str, entities: list[Entity], per_sent) -> None:
    by_id = {e.id: e for e in entities}
    for items in per_sent.values():
        for i, (m, e) in enumerate(items):
            if e.type not in ("Cluster", "Firm") or not _ADDRESS_IN.fullmatch(
                    text[m.end:items[i + 1][0].start] if i + 1 < len(items) else "x"):
                continue
            run, last = [e], m
            for m2, e2 in items[i + 1:]:
                gap = text[last.end:m2.start]
                if m2.start < last.end or not (_ADDRESS_IN.fullmatch(gap) if last is m else _ADDRESS_SEP.fullmatch(gap)):
                    break
                if e2.type not in ("Cluster", "City", "Province"):
                    break
                run.append(e2)
                last = m2
            city = next((x for x in run if x.type == "City"), None)
            if city is None:
                continue
            for x in run[:run.index(city)]:
                if x.type != "Cluster" and x is not e:
                    continue
                for r in list(rel.from_head("LOCATED_IN", x.id)):
                    if by_id[r.tail].type == "Province":
                        rel.remove(r)
                rel.add("LOCATED_IN", x, city, m.sent, "its address")


def _owner(text: str, firms, at: int, orgs, focus: Entity | None) -> Entity | None:
    """The owner of the plant named at ``at``: the firm of "X's plant", none when
    another name owns it, else the sentence's first firm, else the article's firm in
    a sentence that names no organisation."""
    # "X, Inc.'s plant": a legal form's full stop may stand before the possessive
    possessive = re.search(r"(\w+\.?)['’]s\s+(?:[\w-]+\s+){0,3}$", text[max(0, at - 60):at])
    if possessive is not None:
        end = max(0, at - 60) + possessive.end(1)
        named = next((e for m, e in firms if m.end == end), None)
        word = possessive.group(1)
        if named is not None or (word[0].isupper() and gazetteer().lookup(word) is None and word != "China"):
            return named  # "X's plant": X owns it, whoever X is
    if firms:
        return firms[0][1]
    return focus if not orgs else None


def _described(rel, sentences: list[Sentence], entities: list[Entity], per_sent, focus: Entity | None) -> None:
    """A product chain of a described firm ("the Chinese denim manufacturer") belongs
    to the firm named right after it, else to the article's firm."""
    for e in entities:
        if e.type != "Chain":
            continue
        for m in e.mentions:
            if not m.info.get("product") or m.sent < 0:
                continue
            items = per_sent.get(m.sent, [])
            after = next((oe for om, oe in items if om.start > m.end and oe.type == "Firm"), None)
            if m.info.get("of_firm"):  # "A, a supplier of body components"
                owner = [oe for om, oe in items if om.end <= m.start and oe.type == "Firm"]
                if owner:
                    rel.add("BELONGS_TO", owner[-1], e, m.sent, "a supplier of its product")
            elif m.info.get("described"):
                if focus is not None:
                    rel.add("BELONGS_TO", focus, e, m.sent, "the article's firm, described by its product")
            elif after is not None:
                rel.add("BELONGS_TO", after, e, m.sent, "named after its product")


def _event(rel, text: str, sentences: list[Sentence], entities: list[Entity], per_sent) -> None:
    """ABOUT and LOCATED_IN for the article's event from sentences that refer to it
    by its head word and from its name."""
    event = next((e for e in entities if e.type == "Event"), None)
    if event is None:
        return
    chains = [e for e in entities if e.type == "Chain"]
    low = event.name.lower()
    # a park or base named in the event's name ("groundbreaking ceremony of the X Park") is where it is
    ev_places = [r.tail for r in rel.items if r.type == "LOCATED_IN" and r.head == event.id]
    by_id = {e.id: e for e in entities}
    for e in entities:
        if e.type != "Cluster" or not ev_places or e.name.lower() not in low:
            continue
        place = by_id[ev_places[0]]
        # the event's place replaces a wider one the park's name gave (a city of its district)
        above = {r.tail for r in rel.items if r.type == "LOCATED_IN" and r.head == place.id}
        cities = [r for r in rel.from_head("LOCATED_IN", e.id) if by_id[r.tail].type == "City"]
        if all(r.tail in above for r in cities):
            for r in list(cities):
                rel.remove(r)
            rel.add("LOCATED_IN", e, place, None, "named in the event held there")
    known = bool(rel.from_head("ABOUT", event.id))
    organisers = {r.head for r in rel.items if r.type == "ORGANIZED" and r.tail == event.id}
    for index in _referring(sentences, event):
        for m, e in per_sent.get(index, []):
            if e.type == "Chain" and not m.nested_in:
                # with its topic known from its name, only a chain the sentence gives as a
                # field counts ("projects covering A and B"), not one inside a product
                if not known or _AS_FIELD_BEFORE.search(text[max(0, m.start - 50):m.start]) or \
                        _AS_FIELD_AFTER.match(text, m.end):
                    rel.add("ABOUT", event, e, index, "said of the event by its head word")
            elif e.type in ("Firm", "Agency") and e.id not in organisers and not m.nested_in \
                    and _TAKING_PART.search(sentences[index].text):
                rel.add("PARTICIPATED_IN", e, event, index, "named in a sentence about the event")
    if known:
        return
    for chain in chains:
        if len(chain.name) >= 3 and re.search(rf"(?<![\w-]){re.escape(chain.name.lower())}(?![\w-])", low):
            rel.add("ABOUT", event, chain, None, "the chain is in the event's name")


_AS_FIELD_BEFORE = re.compile(r"\b(?:involv\w*|cover\w*|spann?\w*|includ\w*|such as|focus\w*(?: on)?|fields? of|"
                              r"sectors? of|areas? of|in the)\s+(?:the\s+)?(?:[\w-]+,?\s+){0,6}$", re.IGNORECASE)
_AS_FIELD_AFTER = re.compile(r"\s+(?:industry|industries|sector|sectors|field|fields)\b")
_TAKING_PART = re.compile(r"\b(?:attract\w*|including|include[sd]?|gather\w*|brought together|bringing together|"
                          r"sign\w*|exhibit\w*|participa\w*|attend\w*|showcas\w*|present\w*|represent\w*)\b",
                          re.IGNORECASE)


def _referring(sentences: list[Sentence], event: Entity) -> list[int]:
    """Indexes of the sentences that refer to the event by its head word or as "the
    event" ("signed at the ceremony", "the conference attracted …")."""
    head = _EVENT_HEAD.findall(event.name)
    words = {h.lower() for h in head[-1:]} | {"event", "activity"}
    alt = "|".join(sorted(words))
    refer = re.compile(rf"\b(?:at|during|on the sidelines of|after|before|to)\s+the\s+(?:{alt})\b|\b[Tt]he\s+(?:{alt})"
                       rf"\s+(?:was|is|has|had|will|attracted|drew|saw|gathered|brought|featured|included)\b")
    out = []
    for i, sent in enumerate(sentences):
        found = refer.search(sent.text)
        if found:
            out.append(i)
        # "The meeting was hosted by … It focused on A and B": "It" is the event the
        # sentence before opened on
        if found and not sent.text[:found.start()].strip() and i + 1 < len(sentences) \
                and _IT_OPENS.match(sentences[i + 1].text):
            out.append(i + 1)
    return sorted(set(out))


_IT_OPENS = re.compile(r"\s*It\s+(?!is\b|was\b|has been\b|will be\b)")


_REFERS_BEFORE = re.compile(r"(?:\b[Ii]t|\b(?:[\w-]+\s+){0,3}(?:maker|manufacturer|producer|supplier|provider|company|"
                            r"group|firm|enterprise))\s+(?:(?:has|have|had|will|also|officially|recently|now|"
                            r"formally)\s+)*(?:join|joins|joined|joining|signed up to)\s+(?:the\s+)?$")
_JOIN = re.compile(r"\b(?:join|joins|joined|joining|member of|members of|admitted to|signed up to)\s+(?:the\s+)?$")


def _joined(rel, text: str, per_sent, focus: Entity | None) -> None:
    """"X has joined the Y programme": X is a member of Y; with no firm before the
    verb ("The company joined …", a headline) the article's firm is."""
    for index, items in per_sent.items():
        for m, e in items:
            if e.type != "Alliance" or not _JOIN.search(text[max(0, m.start - 30):m.start]):
                continue
            firms = [(fm, fe) for fm, fe in items if fe.type == "Firm" and fm.end <= m.start]
            # the subject right before the verb, with no clause between ("X has joined")
            near = [fe for fm, fe in firms if re.fullmatch(r"[^.;,]{0,40}", text[fm.end:m.start])]
            refers = _REFERS_BEFORE.search(text[max(0, m.start - 90):m.start])
            member = near[-1] if near else (focus if refers else None)
            if member is not None:
                rel.add("MEMBER_OF", member, e, index, "joined it")
