"""English deals and hosts that the verb rules of :mod:`relations` and
:mod:`en_deals` do not read: agreements a firm enters into, extends or renews, and
events a firm invites others to.

- **Entered, extended, renewed.** "A had entered into a volume purchase agreement
  with B", "A is to pay … to extend a deal with B for equipment purchases", "A
  renewed its contract with B": A signed with B. A purchase, procurement or order
  (before "with", or "for … purchases" after B) makes B the supplier of A; a sales
  or supply agreement makes A the supplier of B. A is the last firm named before
  the verb ("A disclosed it had entered into …").
- **Clauses.** "Before A signed an order with B, C announced that it signed …": a
  comma followed by a capitalised name and a verb opens a new main clause, so the
  parties of one clause's deal are not the next clause's
  (:data:`EN_CLAUSE_BREAK`, used by :mod:`relations`).
- **Signed at the event.** "The deal … was signed at the X Forum": the parties of
  the deals of that sentence and the two before it took part in the forum, and a
  place where they signed ("signed … in Beijing") is where the forum is when
  nothing else placed it.
- **Lists of signed deals.** "Projects signed on the day included:" and bulleted
  lines under it, each opening on its parties ("- A and B: a supply agreement …"):
  the parties of each line signed with each other.
- **Invitations.** "A invited its core suppliers to the X Convention in C": A
  organised the event (and is not one of its participants), which is in C when
  the place follows it.
"""

from __future__ import annotations

import re

from chaingraph.extract.paragraphs import BULLET, paragraph_spans
from chaingraph.extract.result import Entity, Sentence

#: Where an English sentence is cut into clauses whose parties are read apart.
EN_CLAUSE_BREAK = (r";\s|,\s(?=and\s)|,\s(?=while\s)|"
                   r",\s(?!(?:Ltd|Limited|Inc|Co|Corp|LLC|PLC|GmbH|AG|SA|S\.A|N\.V|B\.V)\b)"
                   r"(?=(?:[A-Z][\w&.,()-]*\s+){1,6}(?:also\s+|then\s+|later\s+)?(?:announced|said|signed|stated|"
                   r"disclosed|revealed|reported|added|has|had|have|will|would|is|was|were)\b)")
_AGREED = re.compile(r"\b(?:entered into|enters into|enter into|extend|extends|extended|extending|renew|renews|"
                     r"renewed|concluded|concludes|struck|strikes|reached|reaches)\s+(?:an?|the|its|their|a new)\s+"
                     r"((?:[\w-]+\s+){0,4}?)(?:agreement|deal|contract|order|pact)s?\s+with\s+(?:the\s+)?$")
_BUY = re.compile(r"\b(?:purchase|purchases|purchasing|procurement|order|orders|buy|buying)\b", re.IGNORECASE)
_SELL = re.compile(r"\b(?:sales|sale|supply|supplies|delivery)\b", re.IGNORECASE)
_FOR_PURCHASES = re.compile(r"\s+(?:for|to)\s+(?:[\w-]+\s+){0,3}?(?:purchases?|procurement|buy)\b")
_SIGNED_AT = re.compile(r"\bsigned\s+(?:[^.;]{0,40}?\s+)?(?:at|during|on the sidelines of)\s+"
                        r"(?:the\s+)?[“\"'‘]?\s*$")
_SIGNED_IN = re.compile(r"\b(?:signed|sign|signs|inked)\b[^;]{0,120}?\bin\s+$")
_INVITED = re.compile(r"\binvit(?:ed|es|e)\s+(?:[\w'’-]+\s+){0,5}?to\s+(?:an?|the)?\s*[“\"'‘]?\s*$")
_IN_PLACE = re.compile(r"^[”\"'’]?\s+in\s+$")


def signing_relations(rel, text: str, sentences: list[Sentence], per_sent) -> None:
    """Add to ``rel`` the signings, supplies and organisers of the module docstring;
    ``per_sent`` maps a sentence index to its (mention, entity) pairs in text order."""
    for index, items in per_sent.items():
        items = sorted(items, key=lambda x: x[0].start)
        firms = [(m, e) for m, e in items if e.type in ("Firm", "Agency")]
        for m, e in firms:
            if e.type != "Firm":
                continue
            before = text[max(sentences[index].start, m.start - 120):m.start]
            deal = _AGREED.search(before)
            if deal is None:
                continue
            verb_at = m.start - len(before) + deal.start()
            party = next((pe for pm, pe in reversed(firms) if pm.end <= verb_at and pe is not e), None)
            if party is None:
                continue
            rel.add("SIGNED_WITH", party, e, index)
            if party.type != "Firm":
                continue
            kind = deal.group(1) or ""
            if _BUY.search(kind) or _FOR_PURCHASES.match(text, m.end):
                rel.add("SUPPLIES", e, party, index, "a purchase agreement with it")
            elif _SELL.search(kind):
                rel.add("SUPPLIES", party, e, index, "a sales agreement with it")
        for m, e in items:
            if e.type != "Event":
                continue
            invite = _INVITED.search(text[max(sentences[index].start, m.start - 100):m.start])
            if invite is None:
                continue
            verb_at = m.start - len(text[max(sentences[index].start, m.start - 100):m.start]) + invite.start()
            host = next((he for hm, he in reversed(items) if hm.end <= verb_at
                         and he.type in ("Firm", "Agency", "Alliance")), None)
            rel.add("ORGANIZED", host, e, index, "invited others to it")
            for r in list(rel.from_head("PARTICIPATED_IN", host.id) if host is not None else []):
                if r.tail == e.id:  # the host is not one of its guests
                    rel.remove(r)
            for pm, pe in items:
                if pm.start > m.end and pe.type in ("City", "Province") and _IN_PLACE.match(text[m.end:pm.start]):
                    rel.add("LOCATED_IN", e, pe, index)
                    break


def signed_at_event(rel, text: str, sentences: list[Sentence], per_sent) -> None:
    """"The deal was signed at the X Forum": the parties of the deals read from that
    sentence and the two before it took part in X; where they signed places X when
    nothing else did (see the module docstring)."""
    for index, items in per_sent.items():
        for m, e in items:
            if e.type != "Event" or not _SIGNED_AT.search(text[max(sentences[index].start, m.start - 80):m.start]):
                continue
            near = set(range(index - 2, index + 1))
            parties = {r.head for r in rel.items if r.type == "SIGNED_WITH" and r.sent in near} | \
                      {r.tail for r in rel.items if r.type == "SIGNED_WITH" and r.sent in near}
            by_id = {pe.id: pe for i in near for _pm, pe in per_sent.get(i, [])}
            organisers = {r.head for r in rel.items if r.type == "ORGANIZED" and r.tail == e.id}
            for pid in sorted(parties - organisers):
                rel.add("PARTICIPATED_IN", by_id.get(pid), e, index, "signed a deal at it")
            if rel.from_head("LOCATED_IN", e.id):
                continue
            for i in sorted(near):
                for pm, pe in per_sent.get(i, []):
                    if pe.type in ("City", "Province") and _SIGNED_IN.search(
                            text[max(sentences[i].start, pm.start - 160):pm.start]):
                        rel.add("LOCATED_IN", e, pe, i, "where its deal was signed")
                        break


_TERMS = re.compile(r"\b(?:under which|in which|whereby|under the (?:deal|agreement|contract|partnership)),?\s+$",
                    re.IGNORECASE)
_WILL_DELIVER = re.compile(r"\s+(?:will|would|is to|shall|is set to)\s+(?:also\s+)?(?:supply|provide|deliver|sell)\b")


def deal_terms(rel, text: str, sentences: list[Sentence], per_sent) -> None:
    """"A and B signed an agreement …, in which B will provide the laser sources";
    "A signed with B. Under the deal, A will supply …": the side named in the
    terms (in the signing's sentence or the next) delivers to the other side."""
    pairs: dict[int, list[tuple[str, str]]] = {}
    for r in rel.items:
        if r.type == "SIGNED_WITH" and r.sent is not None:
            pairs.setdefault(r.sent, []).append((r.head, r.tail))
    for index, signed in pairs.items():
        for near in (index, index + 1):
            for m, e in per_sent.get(near, []):
                if e.type != "Firm" or not _WILL_DELIVER.match(text, m.end):
                    continue
                if not _TERMS.search(text[max(sentences[near].start, m.start - 40):m.start]):
                    continue
                for head, tail in signed:
                    if e.id in (head, tail):
                        other = tail if e.id == head else head
                        target = next((oe for _om, oe in per_sent.get(index, []) if oe.id == other), None)
                        if target is not None and target.type == "Firm":
                            rel.add("SUPPLIES", e, target, near, "named in the deal's terms")


_SIGNED_HEADER = re.compile(r"\b(?:sign\w*|inked)\b[^\n]*[:：]\s*$", re.IGNORECASE)
# "A from Shenzhen and the B", "A (A's short name) and B", "A with B": a party's place or short name may follow it
_PARTIES_JOINED = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:of|from|in)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?\s*"
                             r"(?:,|,?\s+and|&|\s+with)\s+(?:the\s+)?")
# what may stand before a line's first party: "Thailand's", "Hong Kong-based"
_PARTY_DESCRIBED = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+){0,2}?(?:[A-Z][\w-]*-based|[A-Z][\w]*['’]s)?\s*")


def signed_list(rel, text: str, per_sent) -> None:
    """The bulleted lines under a line that introduces signed deals and ends in a
    colon ("Projects signed on the day included:"): the firms and bodies a line opens
    on, joined by "and" or commas, before its own colon, signed with each other."""
    mentions = sorted(((m, e) for items in per_sent.values() for m, e in items
                       if e.type in ("Firm", "Agency") and not m.nested_in), key=lambda me: me[0].start)
    by_id = {e.id: e for _m, e in mentions}
    lines = paragraph_spans(text)
    for at, (start, end) in enumerate(lines):
        if not _SIGNED_HEADER.search(text, start, end):
            continue
        for line_start, line_end in lines[at + 1:]:
            bullet = BULLET.match(text, line_start)
            if bullet is None:
                break
            # "3. A will supply sorghum to B under a three-year contract": a deal of the list, so signed
            line_sents = {m.sent for m, _e in mentions if line_start <= m.start < line_end}
            for r in [r for r in rel.items if r.type == "SUPPLIES" and r.sent in line_sents]:
                rel.add("SIGNED_WITH", by_id.get(r.head), by_id.get(r.tail), r.sent,
                        "a supply deal of a list of signed deals")
            colon = text.find(":", line_start, line_end)
            lead_end = colon if colon >= 0 else line_end
            parties = [(m, e) for m, e in mentions if line_start <= m.start and m.end <= lead_end]
            # the parties open the line and follow one another ("A and B of Changshu:" keeps B's place out)
            joined = parties[:1]
            for m, e in parties[1:]:
                if e is joined[-1][1]:
                    continue  # its short name in brackets
                if not _PARTIES_JOINED.fullmatch(text, joined[-1][0].end, m.start):
                    break
                joined.append((m, e))
            if not joined or not _PARTY_DESCRIBED.fullmatch(text, bullet.end(), joined[0][0].start):
                continue
            for i, (m, a) in enumerate(joined):
                for _m2, b in joined[i + 1:]:
                    if a is not b:
                        rel.add("SIGNED_WITH", a, b, m.sent, "a line of a list of signed deals")
