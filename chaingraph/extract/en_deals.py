"""Who dealt with whom in English news, read across a sentence or two: signings,
supplies, orders and purchases, with the parties named, listed, or referred to as
"it", "the company", "the two sides" (the signing forms also in Chinese:
:func:`zh_parties`).

- **Deals with several parties.** "A signed an agreement with B and C": every two of
  them signed with each other; "A and B will provide C with …": each supplies C.
- **"The two sides signed"**: the last two organisations named in it or the two
  sentences before signed with each other.
- **Orders and suppliers.** "A placed an order with B" (B supplies A), "A won an
  order from B", "A, one of B's key suppliers", "A is a supplier of body parts for
  B" (A supplies B); at a supplier conference named for a firm (or organised by
  one), the firms taking part are its suppliers.
- **Buying.** "A … agreed to buy X from (Dutch firm) B": B supplies A, the buyer
  being the sentence's first firm; "an agreement signed between A and B": A signed
  with B.
- **Deals of "it" and "the company".** "The company signed an agreement with B",
  "the battery maker … said it will offer … to the Japanese automaker": the
  article's firm is the party when the subject refers to it, and "the <nationality>
  automaker" is the last other firm named before.
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Entity, Sentence, mentions_by_sentence
from chaingraph.identity import name_key
from chaingraph.extract.cues import cued

_DEAL_SIGN = cued(r"\b(?:signed|inked|sign|signs)\b[^.;]{0,60}?\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:agreement|contract|deal|memorandum|pact)\b[^.;]{0,60}?\bwith\s+$")
_PROVIDE_WITH = re.compile(r"^\s+(?:will\s+|would\s+|shall\s+)?(?:jointly\s+)?(?:provide|provides|provided|supply|"
                           r"supplies|supplied|equip|equips)\s+(?:the\s+)?$")
_AND = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?$|^\s*,\s*$")


def deal_relations(rel, text: str, sentences: list[Sentence], entities: list[Entity], per_sent,
                   focus: Entity | None) -> None:
    """Add to ``rel`` the signings and supplies of an English article; ``per_sent``
    maps a sentence index to its (mention, entity) pairs, ``focus`` is the firm the
    article is about (or None)."""
    _parties(rel, text, per_sent)
    _two_sides(rel, sentences, per_sent)
    _orders(rel, text, per_sent)
    _supplier_event(rel, entities)
    referred = referents(text, sentences, per_sent)  # what "it" and "the company" stand for, read once
    _bought_from(rel, text, sentences, per_sent, focus, referred)
    _provided_by(rel, text, sentences, per_sent, referred)
    _referred_deals(rel, text, sentences, per_sent, focus, referred)


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


_TWO_SIDES = re.compile(r"\b(?:the two|both) (?:sides|parties|companies|firms|enterprises|groups)\b.{0,60}?"
                        r"\b(?:signed|inked|sign)\b|\b(?:signed|inked)\b.{0,20}\bbetween the two\b", re.IGNORECASE)


_TWO_SIDES_ZH = re.compile(r"双方[^，。；]{0,12}(?:签订|签署|签约|签下)")
_PARTIES_ZH = re.compile(r"(?:三方|四方|多方)(?:[^，。；]{0,8})?(?:协议|合同|协定)|(?:签订|签署)(?:了)?(?:三方|四方|多方)")


def zh_parties(rel, sentences: list[Sentence], entities: list[Entity]) -> None:
    """The Chinese forms of the shared signing rules: 双方签署… (the last two
    organisations named), and every two parties of a 三方/多方 agreement named in
    the sentence."""
    per_sent = mentions_by_sentence(entities)
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


# "A agreed to source … from B": the purchase is a deal the two made
_AGREED_TO = re.compile(r"\b(?:agreed|agrees|contracted|signed up)\s+to\s+(?:buy|purchase|procure|source|import|order)\b"
                        r"(?:[^.;]|\.\d){0,100}?\bfrom\s+(?:the\s+)?$")
_FROM_SELLER = cued(r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing|procure|procures|"
                    r"procured|source|sources|sourced|import|imports|imported|order|orders|ordered)\b"
                    # "purchasing teams from B": people of B, not goods bought from it
                    r"(?!\s+(?:teams?|departments?|staff|managers?|directors?|officials?|delegations?|personnel|"
                    r"heads?|agents?)\b)(?:[^.;]|\.\d){0,100}?"
                    r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$")
_BETWEEN = re.compile(r"\b(?:signed|inked|agreement|contract|deal|memorandum)\b[^.;]{0,40}?\bbetween\s+(?:the\s+)?$")
_SUBJECT_REFERS = re.compile(r"^(?:[A-Z][^,]{0,40},\s+)?(?:it|the company|the group|the firm)\b", re.IGNORECASE)


def _bought_from(rel, text: str, sentences: list[Sentence], per_sent, focus: Entity | None,
                 referred: dict[int, Entity]) -> None:
    for index, items in per_sent.items():
        firms = [(m, e) for m, e in items if e.type == "Firm"]
        orgs = [(m, e) for m, e in items if e.type in ("Firm", "Agency")]
        for i, (m, seller) in enumerate(firms):
            if not _FROM_SELLER.search(text[max(0, m.start - 160):m.start]):
                continue
            # the buyer is named in the seller's clause: after "A is provided by B;" a new subject starts
            clause = _clause_start(text, sentences[index].start, m.start)
            # "A are provided by B, and C are sourced from D": B, the agent of a passive, sells; it buys nothing
            before = [e for om, e in firms[:i] if e is not seller and om.start >= clause
                      and not _PASSIVE_AGENT.search(text, max(0, om.start - 30), om.start)]
            buyer = before[0] if before else (referred.get(index, focus) if _SUBJECT_REFERS.match(
                sentences[index].text) else None)
            if buyer is not None and buyer is not seller:
                rel.add("SUPPLIES", seller, buyer, index, "bought from")
                if _AGREED_TO.search(text[max(0, m.start - 160):m.start]):
                    rel.add("SIGNED_WITH", buyer, seller, index, "agreed to buy from")
        for i, (m, a) in enumerate(orgs[:-1]):
            # the other side: the next name of another body, past A's short name in brackets
            m2, b = next(((om, oe) for om, oe in orgs[i + 1:] if oe is not a), orgs[i + 1])
            gap = re.sub(r"\s*[(（][^)）]{1,40}[)）]", "", text[m.end:m2.start])
            if _BETWEEN.search(text[max(0, m.start - 80):m.start]) and _AND.match(gap):
                rel.add("SIGNED_WITH", a, b, index, "signed between them")


_PROVIDED_BY = re.compile(r"(?:\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:provided|supplied|sourced|"
                          r"purchased|bought|delivered|procured)\s+(?:\w+ly\s+)?(?:by|from)|\b(?:come|comes|came)\s+"
                          r"(?:\w+ly\s+)?from)\s+(?:the\s+)?(?:(?:plant|plants|factory|base|mill)\s+of\s+)?$")
_PASSIVE_AGENT = re.compile(r"\b(?:provided|supplied|made|delivered|produced|manufactured|offered)\s+by\s+(?:the\s+)?$")
_CLAUSE_START = re.compile(r"[;:]\s*|^")


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ';' or ':' since ``start``
    (a sentence's start), else at ``start``."""
    return start + max(c.end() for c in _CLAUSE_START.finditer(text[start:pos]))
_ARRANGED_BY = re.compile(r"\b(?:by|for)\s+(?:the\s+)?(?:company|group|firm|it)\s*:\s*$")
_THE_AGREEMENT = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:agreement|contract|deal)\b", re.IGNORECASE)
_OWNER_REFERS = re.compile(r"^\s*(?:[Ii]ts|[Tt]heir|[Tt]he (?:company|group|firm)(?:'s|’s))\s")


def _provided_by(rel, text: str, sentences: list[Sentence], per_sent, referred: dict[int, Entity]) -> None:
    """"Its soundboards are provided by B", "A's frames are sourced from B": B
    supplies the owner of the goods, A, or for "its" the firm it refers to (see
    :func:`referents`), else the firm the sentence before starts with."""
    for index, items in per_sent.items():
        firms = [(m, e) for m, e in items if e.type == "Firm"]
        start = sentences[index].start
        for m, supplier in firms:
            window = text[max(start, m.start - 160):m.start]
            if not _PROVIDED_BY.search(window):
                continue
            clause = _clause_start(text, start, m.start)
            # "supplied by A to B", else the owner of the goods: "B's frames are supplied by A"
            owners = [e for om, e in firms if om.start > m.end and re.fullmatch(r"\s+to\s+(?:the\s+)?",
                                                                                text[m.end:om.start])]
            owners = owners or [e for om, e in firms if clause <= om.start < m.start and e is not supplier
                                and re.match(r"['’]s\b", text[om.end:om.end + 2])]
            lead = text[start:m.start].split(":")[0] + ":"  # "a system was arranged by the company: A …; B …"
            if not owners and (_OWNER_REFERS.match(text[clause:m.start]) or (clause > start and _ARRANGED_BY.search(
                    lead))):
                before = [e for _om, e in per_sent.get(index - 1, []) if e.type == "Firm"]
                owners = [referred[index]] if index in referred else before[:1]
            if not owners and _THE_AGREEMENT.search(sentences[index].text):
                # "under the agreement, blades will be supplied by A": to the other party A signed it with
                near = {e.id: e for i in (index - 1, index) for _om, e in per_sent.get(i, [])}
                partners = {r.tail if r.head == supplier.id else r.head for r in rel.items
                            if r.type == "SIGNED_WITH" and supplier.id in (r.head, r.tail)} & near.keys()
                owners = [near[p] for p in partners] if len(partners) == 1 else []
            for owner in owners[:1]:
                if owner is not supplier:
                    rel.add("SUPPLIES", supplier, owner, index, "its goods are provided by it")


_REFERRING_SUBJECT = re.compile(r"(?:^(?:[A-Z][^,]{0,60},\s+){0,2}|^(?:At|In|On|For|During|After|Before|Since|Later|Earlier)\s"
                                r"[^,.;]{0,40}?\s(?=it\s)|,?\s+saying\s+(?:that\s+)?)(?:[Ii]t|[Tt]he company|"
                                r"[Tt]he group|[Tt]he firm|[Tt]he (?:[\w-]+\s+){0,3}(?:maker|manufacturer|producer|"
                                r"supplier|provider))\s+(?!of\b)")
_SIGN_WITH = re.compile(r"\b(?:signed|signs|inked|inks)\b[^.;]{0,90}?\bwith\s+(?:the\s+)?$")
_SUPPLY_TO = re.compile(r"\b(?:supply|supplies|supplied|provide|provides|provided|deliver|delivers|delivered|offer|"
                        r"offers|offered|sell|sells|sold|ship|ships|shipped)\b(?:[^.;]|\.\d){1,80}?\bto\s+"
                        r"(?:the\s+)?$")
_SUPPLY_TO_DESCRIBED = re.compile(
    r"\b(?:supply|supplies|supplied|provide|provides|provided|deliver|delivers|delivered|offer|offers|offered|sell|"
    r"sells|sold|ship|ships|shipped)\b(?:[^.;]|\.\d){1,80}?\bto\s+the\s+(?:[\w-]+\s+){0,2}(?:automaker|carmaker|"
    r"maker|manufacturer|company|firm|group|giant|customer|buyer)\b")


# a sentence's subject: its first name, after at most a short opening phrase ("Since 2020, A …")
_SUBJECT_OPENING = re.compile(r"(?:[A-Z][^,.;]{0,60},\s+)?(?:the\s+)?")


def _subject(text: str, sent: Sentence, items) -> Entity | None:
    """The firm a sentence opens on as its subject, or None."""
    firm = next(((m, e) for m, e in items if e.type == "Firm" and not m.nested_in), None)
    if firm is None or not _SUBJECT_OPENING.fullmatch(text[sent.start:firm[0].start]):
        return None
    return firm[1]


def referents(text: str, sentences: list[Sentence], per_sent) -> dict[int, Entity]:
    """The firm "it" or "the company" opening each sentence refers to: the subject of
    the sentence before, or what that sentence's own "it" referred to ("Huaci buys …
    At the meeting it signed … It also signed …"), or of a sentence opening on "Its"
    or "The company's"; one further back when the sentence before has no firm for
    its subject but refers to one ("the company"); never across a paragraph's start. A
    sentence whose referent is not that plain is left out: callers fall back on the
    article's firm."""
    out: dict[int, Entity] = {}
    for index, sent in enumerate(sentences):
        # "Battery housings produced by its plant … are supplied to A": "its" before any firm is named
        first = next((m.start for m, e in per_sent.get(index, []) if e.type == "Firm"), sent.end)
        its_first = _ITS_WORD.search(text, sent.start, first)
        if index == 0 or not (_REFERRING_SUBJECT.search(sent.text) or _ITS_OPENING.match(sent.text) or its_first):
            continue
        # a sentence between with no firm for its subject keeps the topic ("Ruipai … . About 40 percent is
        # sold overseas; the company … . Its premix is sourced from B"): look one further back
        for before in range(index - 1, max(index - 3, -1), -1):
            if "\n" in text[sentences[before].end:sentences[before + 1].start]:
                break  # a new paragraph's "the company" is the article's firm, not the last one named
            previous = out.get(before) or _subject(text, sentences[before], per_sent.get(before, []))
            if previous is not None:
                out[index] = previous
            if previous is not None or not _KEEPS_TOPIC.search(sentences[before].text):
                break
    return out


# a sentence that refers back to its topic mid-way ("…; the company has been …") keeps it
_KEEPS_TOPIC = re.compile(r"\b(?:the company|the firm|the group|it|its)\b", re.IGNORECASE)


_ITS_WORD = cued(r"\b[Ii]ts\b")
_ITS_OPENING = re.compile(r"(?:[A-Z][^,]{0,60},\s+)?(?:Its|The company's|The firm's|The group's)\s")


def _referred_deals(rel, text: str, sentences: list[Sentence], per_sent, focus: Entity | None,
                    referred: dict[int, Entity]) -> None:
    """SIGNED_WITH and SUPPLIES whose first party is a firm named as "it", "the
    company" or by a description (see :func:`referents`), and SUPPLIES to a
    customer named by a description ("to the Japanese automaker"); ``referred`` is
    :func:`referents`' answer."""
    for index, sent in enumerate(sentences):
        subject = _REFERRING_SUBJECT.search(sent.text)
        party = referred.get(index, focus)
        if subject is None or party is None:
            continue
        items = per_sent.get(index, [])
        start = sent.start + subject.end()
        firms_before = [e for m, e in items if e.type == "Firm" and m.start < start]
        if party in firms_before:
            continue
        for m, e in items:
            if m.start < start or e is party or e.type not in ("Firm", "Agency"):
                continue
            window = text[max(start, m.start - 200):m.start]
            if _SIGN_WITH.search(window):
                rel.add("SIGNED_WITH", party, e, index, "the firm referred to")
            elif e.type == "Firm" and _SUPPLY_TO.search(window):
                rel.add("SUPPLIES", party, e, index, "the firm referred to")
        described = _SUPPLY_TO_DESCRIBED.search(text, start, sent.end)
        if described is not None:
            before = [e for m, e in items if e.type == "Firm" and m.end <= described.start() and e is not party]
            if before:
                rel.add("SUPPLIES", party, before[-1], index, "to the firm described")
