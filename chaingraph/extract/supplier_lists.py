"""Supplier lists: a notice names the firms below it as suppliers of one firm and then
lists them line by line ("The companies below are qualified suppliers of X … 1. Power
batteries: A; B. 2. Motors: C", 以下企业为X2024年度合格供应商：一、电池：A；B). Every firm
on the list's lines supplies X.

A procurement notice says this once, in its heading sentence; the lines under it
name no verb, so no sentence pattern reads them. News tells it in a paragraph instead:
a firm released its list of suppliers, and a later colon of the paragraph opens the
names ("The first batch is: A, B and C"); each supplies the firm.

>>> from chaingraph.extract.relations import Relations
>>> from chaingraph.extract.result import Entity, Mention, Sentence
>>> t = "The companies below are suppliers of B Co.\\n\\n1. Cells: A Co.\\n\\nContact: x"
>>> a, b = Entity("e1", "Firm", "A Co."), Entity("e2", "Firm", "B Co.")
>>> sents = [Sentence(t[:42], 0, 42), Sentence("1. Cells: A Co.", 44, 59), Sentence("Contact: x", 61, 71)]
>>> pairs = {0: [(Mention(37, 42, "B Co.", "Firm", 0), b)], 1: [(Mention(54, 59, "A Co.", "Firm", 1), a)]}
>>> rel = Relations()
>>> supplier_lists(rel, t, sents, pairs, "en")
>>> [(r.head, r.tail, r.note) for r in rel.items]
[('e1', 'e2', 'a supplier list')]
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Entity, Mention, Sentence

#: the sentence that opens a list: what the lines below are (suppliers) and of whom
_CUE = {
    "en": re.compile(r"\b(?:below|following|listed)\b[^.]{0,60}?\bsuppliers?\s+(?:of|to|for)\s+"
                     r"|\bsuppliers?\s+(?:of|to|for)\s+(?=[^.]{0,80}\b(?:below|as follows)\b)", re.IGNORECASE),
    "zh": re.compile(r"(?:以下|下列)(?:企业|单位|公司)?(?:为|是|入选|列入)|供应商名单(?:如下)?[：:]"),
}
#: a line of a list: numbered (1. 2) 一、 （3）) or bulleted
_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[.、)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[-•·●▪])")


def _list_end(text: str, start: int) -> int:
    """Where the lines of a list that starts after ``start`` end: before the first
    non-empty line that is not an item; ``start`` when no item line follows."""
    pos = start
    end = start
    for line in text[start:].split("\n"):
        if line.strip():
            if not _ITEM.match(line):
                break
            end = pos + len(line)
        pos += len(line) + 1
    return end


#: an English item: a run of capitalised words (with "and", "of", "&" inside), up to a bracket or the end
_EN_ITEM_NAME = re.compile(r"[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|\([A-Z][\w ]*\)|&|and|of)(?=\s|$|[;,.]))+")
_ZH_ITEM_NAME = re.compile(r"[^，。；;、（(：:\s]{2,24}")


def supplier_list_mentions(text: str, sentences: list[Sentence], mentions: list[Mention],
                           language: str) -> list[Mention]:
    """Return Firm mentions for the items of supplier lists (see the module docstring)
    that no mention in ``mentions`` covers: a list's lines name only firms, so a name
    without a legal form there (Suzhou Lianxin Lithium Energy) is a firm too."""
    cue_re = _CUE["zh" if language == "zh" else "en"]
    covered = [(m.start, m.end) for m in mentions if m.type not in ("City", "Province", "Chain")]
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        if cue_re.search(sent.text) is None:
            continue
        end = _list_end(text, sent.end)
        for later in range(index + 1, len(sentences)):
            line = sentences[later]
            if line.start >= end:
                break
            body_at = max(line.text.find(":"), line.text.find("："))  # after the category ("Power batteries:")
            for item in re.finditer(r"[^;；、]+", line.text[body_at + 1:]):
                at = line.start + body_at + 1 + item.start()
                raw = item.group(0)
                lead = len(raw) - len(raw.lstrip())
                name = (_ZH_ITEM_NAME if language == "zh" else _EN_ITEM_NAME).match(raw, lead)
                if name is None or _ITEM.match(raw):
                    continue
                a, b = at + name.start(), at + name.end()
                if not any(x < b and a < y for x, y in covered):
                    out.append(Mention(a, b, text[a:b], "Firm", later))
    return out


def supplier_lists(rel, text: str, sentences: list[Sentence], per_sent, language: str) -> None:
    """Add to ``rel`` a SUPPLIES edge from every firm named on the lines of a supplier
    list to the firm the list's opening sentence names (after "suppliers of", after
    以下企业为, or else the sentence's first firm); ``per_sent`` maps a sentence index
    to its (mention, entity) pairs in text order. Returns nothing."""
    cue_re = _CUE["zh" if language == "zh" else "en"]
    for index, sent in enumerate(sentences):
        cue = cue_re.search(sent.text)
        if cue is None:
            continue
        firms = [(m, e) for m, e in per_sent.get(index, []) if e.type == "Firm"]
        after = [e for m, e in firms if m.start >= sent.start + cue.end()]
        customer: Entity | None = after[0] if after else (firms[0][1] if firms else None)
        end = _list_end(text, sent.end)
        if customer is None or end <= sent.end:
            continue
        for later in range(index + 1, len(sentences)):
            if sentences[later].start >= end:
                break
            for m, e in per_sent.get(later, []):
                if e.type == "Firm" and e.id != customer.id:
                    rel.add("SUPPLIES", e, customer, later, "a supplier list")
    _inline_lists(rel, text, sentences, per_sent, language)


# "X released its 2024 list of core suppliers", X发布2024年度核心供应商名单: a firm's own list
_OWN_LIST = {
    "en": re.compile(r"\b(?:released|published|announced|unveiled|issued)\s+(?:its|the)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:list|roster)\s+of\s+(?:[\w-]+\s+){0,2}?suppliers\b", re.IGNORECASE),
    "zh": re.compile(r"(?:发布|公布)(?:了)?[^，。；]{0,12}?供应商名单"),
}
# the colon that opens the list's names, in the paragraph after the owner's sentence
_OPENS_NAMES = re.compile(r"(?:\bis|\bare|\binclude|\bincluded|包括|分别是|为)?\s*[:：]\s*")


def _inline_lists(rel, text: str, sentences: list[Sentence], per_sent, language: str) -> None:
    """The names after a colon in the paragraph where a firm says it released its list
    of suppliers ("X released its list of core suppliers. … The first batch is: A, B and
    C."): each supplies X, the list's owner (the sentence's first firm)."""
    own = _OWN_LIST["zh" if language == "zh" else "en"]
    for index, sent in enumerate(sentences):
        said = own.search(sent.text)
        if said is None:
            continue
        owners = [e for m, e in per_sent.get(index, []) if e.type == "Firm" and m.start < sent.start + said.start()]
        if not owners:
            continue
        paragraph_end = text.find("\n", sent.start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        for later in range(index, len(sentences)):
            if sentences[later].start >= paragraph_end:
                break
            colon = _OPENS_NAMES.search(sentences[later].text)
            if colon is None or ":" not in colon.group(0) and "：" not in colon.group(0):
                continue
            at = sentences[later].start + colon.end()
            for m, e in per_sent.get(later, []):
                if m.start >= at and e.type == "Firm" and e is not owners[0]:
                    rel.add("SUPPLIES", e, owners[0], later, "a supplier list")
            break
