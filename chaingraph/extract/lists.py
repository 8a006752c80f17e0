"""Lists harvested as lists: every member of 「A、B、C等N家企业」 is a firm and every
member of 「涵盖A、B、C等领域」 or 「以A、B、C为主」 a chain, the type coming from the
word that closes the list, not from each member's own form.

>>> text = "园区拥有青岚微电、北辰精工等10多家企业，涵盖集成电路、智能传感器等领域。"
>>> [(m.type, m.text) for m in list_mentions(text, [Sentence(text, 0, len(text))])]
[('Firm', '青岚微电'), ('Firm', '北辰精工'), ('Chain', '集成电路'), ('Chain', '智能传感器')]
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention, Sentence

_ITEM = r"[\u4e00-\u9fffA-Za-z0-9（）()·]{2,16}"
_FIRM_LIST = re.compile(
    rf"((?:{_ITEM}、){{1,30}}{_ITEM}?)等(?:[\d一二三四五六七八九十百多余几]+家)?"
    r"(?:[\u4e00-\u9fff]{0,4}?)(?:企业|公司|车企|厂商|供应商|龙头)")
_CHAIN_LIST = re.compile(
    rf"(?:涵盖|覆盖|包括|聚焦|围绕|涉及|主攻|以)((?:{_ITEM}、){{1,20}}{_ITEM}?)(?:等)?"
    r"(?:为主|为重点|为主导|领域|行业|产业|方向|板块)")
# words that open a list; the first member starts after the last of them
_OPENERS = re.compile(r".*(?:拥有|包括|吸引了?|集聚了?|聚集了?|引进了?|汇聚了?|入驻了?|落户了?|其中|如|以及|及|和|与|有|了|是)")
_NOT_A_MEMBER = re.compile(r"[\d年月日]|^(?:其他|相关|部分|一批|多家|全国|全省|全市|国内|省内|市内)")


def _members(text: str, start: int, body: str) -> list[tuple[int, int, str]]:
    out = []
    pos = start
    for i, item in enumerate(body.split("、")):
        s = pos
        if i == 0:
            opener = _OPENERS.match(item)
            if opener:
                s += opener.end()
                item = item[opener.end():]
        pos += len(body.split("、")[i]) + 1
        if 2 <= len(item) <= 16 and not _NOT_A_MEMBER.search(item) and not _is_place(item):
            out.append((s, s + len(item), item))
    return out


def _is_place(item: str) -> bool:
    """True when ``item`` is a place name of the gazetteer (射洪, 成都市): a list of
    places before 企业 names where the firms are, not firms."""
    from chaingraph.extract.places import gazetteer

    gaz = gazetteer()
    found = gaz.zh_regex.fullmatch(item)
    return bool(found and gaz.lookup(found.group(1))) or gaz.lookup(item) is not None


def list_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return Firm and Chain mentions for the members of the Chinese lists in ``text``
    (cleaned text and its ``sentences``); each keeps its sentence index and span."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        for regex, kind in ((_FIRM_LIST, "Firm"), (_CHAIN_LIST, "Chain")):
            for match in regex.finditer(sent.text):
                for s, e, item in _members(sent.text, match.start(1), match.group(1)):
                    key = item if kind == "Chain" else ""
                    out.append(Mention(sent.start + s, sent.start + e, item, kind, index, key=key,
                                       info={"list": True}))
    return out
