"""English relations read across a paragraph or the whole article, not from one verb
pattern between two names (the two signing forms also in Chinese: :func:`zh_parties`).

- **The article's firm.** News about one firm names it once and then says "the
  company", "the group", "it" or "the Chinese denim manufacturer". The firm the
  article is about (most mentions, then earliest, lists of customers left out) takes
  what such sentences say: the product chain of "the Chinese denim manufacturer",
  the plants of a sentence that names no other firm.
- **Plants and bases.** "X's base in C", "X will build a factory in C", "three
  factories in A, and one in B": the firm is located in each place.
- **"<place>-based X"**: X is located in the place.
- **The event by its head word.** "agreements … were signed at the ceremony": a
  sentence that refers to the article's event by its head word is about the event,
  so the chains it names are what the event is ABOUT; an event whose name holds a
  chain of the article is about it; a park whose ground is broken at the event is
  where the event is.
- **"The two sides signed"**: the last two organisations named in it or the two
  sentences before signed with each other.
- **Orders and suppliers.** "A placed an order with B" (B supplies A), "A won an
  order from B", "A, one of B's key suppliers", "A is a supplier of body parts for
  B" (A supplies B); at a supplier conference named for a firm (or organised by
  one), the firms taking part are its suppliers.
- **Buying.** "A … agreed to buy X from (Dutch firm) B": B supplies A, the buyer
  being the sentence's first firm; "an agreement signed between A and B": A signed
  with B.
- **Joining.** "X has joined the Y programme" (or a headline "… joins Y"): X is a
  member of Y.
- **Deals with several parties.** "A signed an agreement with B and C": every two of
  them signed with each other; "A and B will provide C with …": each supplies C.
"""

from __future__ import annotations

import re

from chaingraph.extract.places import gazetteer
from chaingraph.extract.result import Entity, Mention, Sentence
from chaingraph.identity import name_key

_FACILITY = re.compile(r"\b(?:factory|factories|plant|plants|base|bases|facility|facilities|laundries|laundry|"
                       r"mill|mills|workshop|workshops|headquarters|subsidiary|subsidiaries|branch|branches|"
                       r"production lines?|R&D (?:center|centre)s?|warehouses?)\b(?:\s+[\w-]+){0,2}?\s+in\s+"
                       r"(?:the\s+)?$")
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
_REFERS = re.compile(r"^(?:it|its|the company|the group|the firm|the enterprise|the (?:[\w-]+\s+){0,3}"
                     r"(?:maker|manufacturer|producer|supplier|provider|company|group|firm))\b", re.IGNORECASE)
_EVENT_HEAD = re.compile(r"\b(forum|summit|conference|meeting|symposium|seminar|fair|expo|exhibition|"
                         r"convention|ceremony|event|activity|roadshow|festival|week)\b", re.IGNORECASE)
_DEAL_SIGN = re.compile(r"\b(?:signed|inked|sign|signs)\b[^.;]{0,60}?\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:agreement|contract|deal|memorandum|pact)\b[^.;]{0,60}?\bwith\s+$")
_PROVIDE_WITH = re.compile(r"^\s+(?:will\s+|would\s+|shall\s+)?(?:jointly\s+)?(?:provide|provides|provided|supply|"
                           r"supplies|supplied|equip|equips)\s+(?:the\s+)?$")
_AND = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?$|^\s*,\s*$")


def doc_relations(rel, text: str, sentences: list[Sentence], entities: list[Entity], customers=()) -> None:
    """Add to ``rel`` (a :class:`~chaingraph.extract.relations.Relations`) the
    relations of an English article read across sentences (see the module
    docstring); ``customers`` are firm ids listed as customers, never the article's
    firm."""
    per_sent = _per_sentence(entities)
    focus = _focus_firm(entities, set(customers))
    _based(rel, text, entities, per_sent)
    _plants(rel, text, sentences, per_sent, focus)
    _described(rel, sentences, entities, per_sent, focus)
    _event(rel, text, sentences, entities, per_sent)
    _parties(rel, text, per_sent)
    _joined(rel, text, per_sent, focus)
    _two_sides(rel, sentences, per_sent)
    _orders(rel, text, per_sent)
    _supplier_event(rel, entities)
    _bought_from(rel, text, sentences, per_sent, focus)


def _focus_firm(entities: list[Entity], customers: set[str]) -> Entity | None:
    """The firm the article is about: most mentions outside lists, then earliest."""
    firms = [e for e in entities if e.type == "Firm" and e.id not in customers
             and not all(m.info.get("list") for m in e.mentions)]
    if not firms:
        return None
    return max(firms, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions)))


_BASED = re.compile(r"-based\s+(?:[a-z][\w-]*\s+){0,3}$")


def _based(rel, text: str, entities: list[Entity], per_sent) -> None:
    """"Zhejiang-based X": X is located in the place."""
    for items in per_sent.values():
        places = [(m, e) for m, e in items if e.type in ("City", "Province")]
        for m, e in items:
            if e.type != "Firm" or m.start < 8:
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
    for index, items in per_sent.items():
        sent = sentences[index]
        places = [(m, e) for m, e in items if e.type in ("City", "Province") and not m.nested_in]
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
                owner = _owner(text, [(fm, fe) for fm, fe in items if fe.type == "Firm" and fm.start < at], at,
                               orgs, focus)
            elif not _IN.search(text[max(sent.start, m.start - 12):m.start]):
                continue
            if owner is not None:
                rel.add("LOCATED_IN", owner, e, index, "its plant or base there")
                last = m.end


def _owner(text: str, firms, at: int, orgs, focus: Entity | None) -> Entity | None:
    """The owner of the plant named at ``at``: the firm of "X's plant", none when
    another name owns it, else the sentence's first firm, else the article's firm in
    a sentence that names no organisation."""
    possessive = re.search(r"(\w+)['’]s\s+(?:[\w-]+\s+){0,3}$", text[max(0, at - 60):at])
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
    return [i for i, sent in enumerate(sentences) if refer.search(sent.text)]


def _parties(rel, text: str, per_sent) -> None:
    """Every two parties of one agreement signed with each other; "A and B will
    provide C with" gives SUPPLIES from each of A and B to C."""
    for index, items in per_sent.items():
        orgs = [(m, e) for m, e in items if e.type in ("Firm", "Agency")]
        for i, (m, e) in enumerate(orgs):
            if _DEAL_SIGN.search(text[max(0, m.start - 200):m.start]):
                group = [e]
                last = m
                for m2, e2 in orgs[i + 1:]:
                    if not _AND.match(text[last.end:m2.start]):
                        break
                    group.append(e2)
                    last = m2
                if len(group) >= 2 and re.search(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|contract|"
                                                 r"deal|memorandum|pact)\b", text[max(0, m.start - 200):m.start]):
                    for a in group:
                        for b in group:
                            if a.id < b.id:
                                rel.add("SIGNED_WITH", a, b, index, "parties of one agreement")
        for i in range(len(orgs) - 1):
            (m1, a), (m2, b) = orgs[i], orgs[i + 1]
            if not _AND.match(text[m1.end:m2.start]):
                continue
            rest = orgs[i + 2:]
            if rest:
                m3, c = rest[0]
                if _PROVIDE_WITH.match(text[m2.end:m3.start]) and re.match(r"\s+with\b", text[m3.end:m3.end + 6]):
                    for supplier in (a, b):
                        rel.add("SUPPLIES", supplier, c, index, "A and B provide C with")


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


_TWO_SIDES = re.compile(r"\b(?:the two|both) (?:sides|parties|companies|firms|enterprises|groups)\b.{0,60}?"
                        r"\b(?:signed|inked|sign)\b|\b(?:signed|inked)\b.{0,20}\bbetween the two\b", re.IGNORECASE)


_TWO_SIDES_ZH = re.compile(r"双方[^，。；]{0,12}(?:签订|签署|签约|签下)")
_PARTIES_ZH = re.compile(r"(?:三方|四方|多方)(?:[^，。；]{0,8})?(?:协议|合同|协定)|(?:签订|签署)(?:了)?(?:三方|四方|多方)")


def zh_parties(rel, sentences: list[Sentence], entities: list[Entity]) -> None:
    """The Chinese forms of the shared signing rules: 双方签署… (the last two
    organisations named), and every two parties of a 三方/多方 agreement named in
    the sentence."""
    per_sent = _per_sentence(entities)
    _two_sides(rel, sentences, per_sent, _TWO_SIDES_ZH)
    for index, items in per_sent.items():
        if not _PARTIES_ZH.search(sentences[index].text):
            continue
        group: list[Entity] = []
        for m, e in items:
            if e.type in ("Firm", "Agency") and e not in group:
                group.append(e)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                rel.add("SIGNED_WITH", a, b, index, "parties of one agreement")


def _per_sentence(entities: list[Entity]) -> dict[int, list[tuple[Mention, Entity]]]:
    per_sent: dict[int, list[tuple[Mention, Entity]]] = {}
    for e in entities:
        for m in e.mentions:
            if m.sent >= 0 and not (m.nested_in and m.type in ("Firm", "Agency")):
                per_sent.setdefault(m.sent, []).append((m, e))
    for items in per_sent.values():
        items.sort(key=lambda me: me[0].start)
    return per_sent


def _two_sides(rel, sentences: list[Sentence], per_sent, pattern: re.Pattern = _TWO_SIDES) -> None:
    for index, sent in enumerate(sentences):
        if not pattern.search(sent.text):
            continue
        order: list[Entity] = []  # organisations by their last mention, most recent last
        for i in range(max(0, index - 2), index + 1):
            for m, e in per_sent.get(i, []):
                if e.type in ("Firm", "Agency"):
                    if e in order:
                        order.remove(e)
                    order.append(e)
        if len(order) >= 2:
            rel.add("SIGNED_WITH", order[-2], order[-1], index, "the two sides signed")


_ORDER_FROM_BUYER = re.compile(r"^,?\s+(?:has\s+|have\s+|had\s+)?(?:placed|places|place|will\s+place)\s+"
                               r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?orders?\s+(?:with|to)\s+(?:the\s+)?$")
_ORDER_TO_SELLER = re.compile(r"^,?\s+(?:has\s+|have\s+|had\s+)?(?:won|wins|received|receives|secured|secures|"
                              r"landed|lands|bagged|obtained|got)\s+(?:an?\s+|the\s+)?(?:[\w$¥,.-]+\s+){0,6}?"
                              r"(?:orders?|contracts?)\s+(?:from|by)\s+(?:the\s+)?$")
_SUPPLIER_POSSESSIVE = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,3}?(?:suppliers?|vendors?)\b")
_SUPPLIER_FOR = re.compile(r"^,?\s+(?:(?:is|was|has been|became|becomes|will become|as)\s+)?(?:an?|the|one of the)\s+"
                           r"(?:[\w-]+\s+){0,3}?(?:suppliers?|vendors?|providers?)\s+of\s+(?:[\w-]+\s+){1,5}?"
                           r"(?:to|for)\s+(?:the\s+)?$")


def _orders(rel, text: str, per_sent) -> None:
    """SUPPLIES read from orders and supplier phrases between two firms of a sentence."""
    for index, items in per_sent.items():
        firms = [(m, e) for m, e in items if e.type == "Firm"]
        for (m1, a), (m2, b) in zip(firms, firms[1:]):
            gap = text[m1.end:m2.start]
            if len(gap) > 100 or a is b:
                continue
            if _ORDER_FROM_BUYER.match(gap):
                rel.add("SUPPLIES", b, a, index, "placed an order with")
            elif _ORDER_TO_SELLER.match(gap) or _SUPPLIER_FOR.match(gap):
                rel.add("SUPPLIES", a, b, index, "won an order from / supplier for")
        for i, (m, e) in enumerate(firms):
            if _SUPPLIER_POSSESSIVE.match(text[m.end:m.end + 60]):
                others = [oe for om, oe in firms if oe is not e]
                before = [oe for om, oe in firms[:i] if oe is not e]
                after = [oe for om, oe in firms[i + 1:] if oe is not e]
                # "A, one of B's suppliers" names A first; "B's supplier A" names it after
                supplier = before[0] if before else (after[0] if after else None)
                if supplier is not None and others:
                    rel.add("SUPPLIES", supplier, e, index, "one of its suppliers")


def _supplier_event(rel, entities: list[Entity]) -> None:
    """At a supplier conference named for a firm or organised by one, the firms taking
    part are that firm's suppliers."""
    event = next((e for e in entities if e.type == "Event"), None)
    if event is None or not re.search(r"\bsuppliers?\b", event.name, re.IGNORECASE):
        return
    firms = [e for e in entities if e.type == "Firm"]
    low = name_key(event.name)
    customer = next((f for f in firms if any(len(n) >= 2 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", low)
                                             for n in map(name_key, [f.name, *f.aliases]))), None)
    if customer is None:
        organisers = [r.head for r in rel.items if r.type == "ORGANIZED" and r.tail == event.id]
        customer = next((f for f in firms if f.id in organisers), None)
    if customer is None:
        return
    for r in list(rel.items):
        if r.type == "PARTICIPATED_IN" and r.tail == event.id and r.head != customer.id:
            supplier = next((f for f in firms if f.id == r.head), None)
            if supplier is not None:
                rel.add("SUPPLIES", supplier, customer, r.sent, "took part in its supplier conference")


_FROM_SELLER = re.compile(r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing|procure|procures|"
                          r"procured|source|sources|sourced|import|imports|imported|order|orders|ordered)\b(?:[^.;]|\.\d){0,100}?"
                          r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$")
_BETWEEN = re.compile(r"\b(?:signed|inked|agreement|contract|deal|memorandum)\b[^.;]{0,40}?\bbetween\s+(?:the\s+)?$")
_SUBJECT_REFERS = re.compile(r"^(?:[A-Z][^,]{0,40},\s+)?(?:it|the company|the group|the firm)\b", re.IGNORECASE)


def _bought_from(rel, text: str, sentences: list[Sentence], per_sent, focus: Entity | None) -> None:
    for index, items in per_sent.items():
        firms = [(m, e) for m, e in items if e.type == "Firm"]
        orgs = [(m, e) for m, e in items if e.type in ("Firm", "Agency")]
        for i, (m, seller) in enumerate(firms):
            if not _FROM_SELLER.search(text[max(0, m.start - 160):m.start]):
                continue
            before = [e for om, e in firms[:i] if e is not seller]
            buyer = before[0] if before else (focus if _SUBJECT_REFERS.match(sentences[index].text) else None)
            if buyer is not None and buyer is not seller:
                rel.add("SUPPLIES", seller, buyer, index, "bought from")
        for i, (m, a) in enumerate(orgs[:-1]):
            m2, b = orgs[i + 1]
            if _BETWEEN.search(text[max(0, m.start - 80):m.start]) and _AND.match(text[m.end:m2.start]):
                rel.add("SIGNED_WITH", a, b, index, "signed between them")
