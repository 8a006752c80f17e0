"""Bid results: a procurement notice says who won in labelled lines, not sentences
("Purchaser: X", "Winning bidder: Y", "Address: …"; 采购人：X, 中标人：Y, 地址：…).
Every winning bidder supplies the purchaser; a runner-up ("Second candidate: Z",
第二中标候选人) supplies no one. An address line under a winner places it.

The purchaser is the firm of the first purchaser line; a notice that names it only in
its title ("… Procurement Project of X", X…采购项目) has it in the title's firm.

>>> from chaingraph.extract.relations import Relations
>>> from chaingraph.extract.result import Entity, Mention, Sentence
>>> t = "Purchaser: B Co.\\nWinning bidder: A Co.\\nSecond candidate: C Co."
>>> a, b, c = (Entity(f"e{i}", "Firm", f"{x} Co.") for i, x in enumerate("ABC"))
>>> sents = [Sentence(line, t.index(line), t.index(line) + len(line)) for line in t.split("\\n")]
>>> pairs = {0: [(Mention(11, 16, "B Co.", "Firm", 0), b)], 1: [(Mention(33, 38, "A Co.", "Firm", 1), a)],
...          2: [(Mention(57, 62, "C Co.", "Firm", 2), c)]}
>>> rel = Relations()
>>> bid_results(rel, t, sents, pairs, "en")
>>> [(r.type.value, r.head, r.tail) for r in rel.items]
[('SUPPLIES', 'e0', 'e1')]
"""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.result import Entity, Mention, Sentence
from chaingraph.extract.cues import cued

_LABEL_END = r"\s*[:：]"
_BUYER = re.compile(r"\s*(?:purchaser|purchasing (?:unit|entity)|procuring entity|buyer|tenderee|"
                    r"采购人|采购单位|招标人|招标单位)" + _LABEL_END, re.IGNORECASE)
# a runner-up, or a label that closes the winner's block (a lot's next heading has no colon)
_OTHER = re.compile(r"\s*(?:(?:second|third|fourth) (?:candidate|bidder)|candidate|"
                    r"第[二三四]中标候选人|中标候选人|候选人)" + _LABEL_END, re.IGNORECASE)
# "published the winning bidders", "were awarded as follows", 中标结果: the lots below say who won
_WINNERS_CUE = cued(r"\bwinning (?:bidders|suppliers|tenderers)\b|\bawarded as follows\b|"
                    r"中标(?:人|单位|供应商|结果|候选人)", re.IGNORECASE)
_LOT_LINE = re.compile(r"\s*(?:lot|package|section|包件|标包|标段)\s*[\w一二三四五六七八九十]+[^:：\n]{0,80}[:：]\s*",
                       re.IGNORECASE)
_TITLE_OWNER = re.compile(r"\b(?:procurement|purchase|purchasing|tender(?:ing)?|bidding)\s+project\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)
_TITLE_OWNER_ZH = re.compile(r"[^，。\n]{0,20}?(?:采购|招标)项目")  # X公司2024年包装材料采购项目


def _firms(items: list[tuple[Mention, Entity]], start: int) -> list[Entity]:
    """The firms of ``items`` (mention, entity) pairs whose mention starts at or after ``start``."""
    return [e for m, e in items if e.type == "Firm" and m.start >= start]


def bid_results(rel, text: str, sentences: list[Sentence], per_sent: dict[int, list[tuple[Mention, Entity]]],
                language: str) -> None:
    """Add SUPPLIES from each winning bidder to the purchaser, and LOCATED_IN from a
    winner to the place of the address line under it. Takes the relations being
    built, the cleaned ``text``, its ``sentences``, the (mention, entity) pairs of
    each sentence and the article's ``language`` ("zh" writes an address largest place
    first); returns nothing."""
    labelled = [(i, s) for i, s in enumerate(sentences) if lx.BID_WINNER_LINE.match(s.text)]
    if not labelled:
        _lot_lines(rel, sentences, per_sent)
        return
    buyer = None
    for i, s in enumerate(sentences):
        found = _BUYER.match(s.text)
        if found:
            firms = _firms(per_sent.get(i, []), s.start + found.end())
            if firms:
                buyer = firms[0]
                break
    if buyer is None:  # "… Procurement Project of X": the title's firm
        for i, s in enumerate(sentences[:3]):
            owned = [e for m, e in per_sent.get(i, []) if e.type == "Firm"
                     and (_TITLE_OWNER.search(text, max(s.start, m.start - 40), m.start)
                          or _TITLE_OWNER_ZH.match(text, m.end))]
            if owned:
                buyer = owned[-1]
                break
    if buyer is None:
        return
    for index, sent in labelled:
        found = lx.BID_WINNER_LINE.match(sent.text)
        winners = [e for e in _firms(per_sent.get(index, []), sent.start + found.end()) if e is not buyer]
        for winner in winners[:1]:
            rel.add("SUPPLIES", winner, buyer, index, "a winning bidder of the purchaser")
            _place_from_address(rel, sentences, per_sent, index, winner, language)


def _lot_lines(rel, sentences: list[Sentence], per_sent) -> None:
    """"X published the winning bidders …: Lot 1, GPU servers: A; Lot 2, …: B": the
    firm after each lot line's colon supplies the firm of the sentence that
    announces the winners (the first firm it names)."""
    buyer = None
    for i, sent in enumerate(sentences):
        if _WINNERS_CUE.search(sent.text):
            firms = [e for m, e in per_sent.get(i, []) if e.type == "Firm"]
            buyer = firms[0] if firms else buyer
            continue
        lot = _LOT_LINE.match(sent.text)
        if lot is None or buyer is None:
            continue
        winners = [e for e in _firms(per_sent.get(i, []), sent.start + lot.end()) if e is not buyer]
        for winner in winners[:1]:
            rel.add("SUPPLIES", winner, buyer, i, "the winning bidder of a lot")


def _place_from_address(rel, sentences: list[Sentence], per_sent, index: int, winner: Entity,
                        language: str) -> None:
    """Place ``winner`` in the first place (English order, most specific first) or the
    last (Chinese) of an address line among the few lines after its winner line."""
    for j in range(index + 1, min(index + 4, len(sentences))):
        text = sentences[j].text
        if lx.BID_WINNER_LINE.match(text) or _OTHER.match(text) or _BUYER.match(text):
            return
        found = lx.ADDRESS_LINE.match(text)
        if not found:
            continue
        places = [(m, e) for m, e in per_sent.get(j, []) if e.type in ("City", "Province")
                  and m.start >= sentences[j].start + found.end() and not m.nested_in]
        if places:
            rel.add("LOCATED_IN", winner, (places[-1] if language == "zh" else places[0])[1], j,
                    "the address under its bid")
        return
