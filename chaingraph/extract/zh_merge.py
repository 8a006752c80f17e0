"""One Chinese entity under two surface forms: a park's full and short names
(X经济技术开发区 and X经开区, X高新技术产业开发区 and X高新区) are one Cluster; a firm
read with the verb that founds it (发起设立X有限公司, 合资成立X公司) is X, so it joins
its other mentions (X集团); 省电子工业协会 is the 云南省电子工业行业协会 the article names in
full (a body's 省/市 short form whose characters stand in order in one longer name of
its type with the same ending). A "firm" read from a count (3至5家上市公司) and an alliance or park
named only by generic words (产业技术创新战略联盟, 产业链和产业集群) are no names and are
dropped.

Chinese news gives a park's full name once and its customary short form after it;
the mentions' keys are made equal here, before mentions are grouped into entities,
so the park is one item with the short form as its alias.

>>> from chaingraph.extract.result import Mention
>>> ms = [Mention(0, 9, "徐东经济技术开发区", "Cluster", 0), Mention(12, 17, "徐东经开区", "Cluster", 1)]
>>> merge_forms(ms)
>>> ms[0].key == ms[1].key
True
"""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.entities import letters_in_order
from chaingraph.extract.result import Mention
from chaingraph.identity import name_key

# full forms of park kinds → their customary short forms
_PARK_FORMS = [("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("经济技术开发区", "经开区"),
               ("高新技术产业园区", "高新区"), ("综合保税区", "综保区"), ("自由贸易试验区", "自贸区")]
# 保定国家高新技术产业开发区 is 保定高新区: the national rank is dropped from the short form
_PARK_RE = re.compile("(?:国家级?)?(" + "|".join(re.escape(full) for full, _short in _PARK_FORMS) + ")")
_SHORT = dict(_PARK_FORMS)


_KINDS_OF_FIRM = frozenset("上市公司 企业 公司 龙头企业 骨干企业 重点企业 规上企业 链主企业 高新技术企业 专精特新企业".split())
_GENERIC_WORDS = frozenset("产业 产业链 技术 创新 技术创新 科技创新 战略 和 与 及 行业 科技 发展 协同 产学研 产业集群 集群".split())
_BODY_ENDINGS = re.compile(r"(?:产业联盟|创新联盟|联盟|产业集群|集群)$")


def _generic_body(m: Mention) -> bool:
    """True for an Alliance or Cluster mention whose words before its ending are only
    generic ones (产业技术创新战略联盟, 产业链和产业集群)."""
    from chaingraph.extract.words import shared

    if m.type not in ("Alliance", "Cluster"):
        return False
    ending = _BODY_ENDINGS.search(m.text)
    core = m.text[: ending.start()] if ending else ""
    return bool(core) and all(w in _GENERIC_WORDS for w in shared().words(core))


_FOUNDING = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?(?:共同|联合|牵头|拟|将|已))?(?:发起设立|发起成立|合资设立|合资成立|"
                       r"注册成立|设立|成立|组建|新设)")


def merge_forms(mentions: list[Mention]) -> None:
    """Give Cluster mentions named with a park kind's full or short form one key
    (the name with the short form), and cut a founding verb off a Firm mention's
    start, in place; a firm's short form that ends its one longer firm name
    (装备集团 of 集成电路装备集团有限公司) takes that firm's key, with the mentions
    sharing its key."""
    # 3至5家上市公司: a counter and a kind of firm, no name; 产业技术创新战略联盟: a kind
    # of alliance, 产业链和产业集群: no park
    mentions[:] = [m for m in mentions if not (m.type == "Firm" and m.text[:1] in "家个批"
                                               and m.text[1:] in _KINDS_OF_FIRM)
                   and not (m.type in ("Alliance", "Cluster") and _generic_body(m))]
    for m in mentions:
        if m.type == "Firm":
            verb = _FOUNDING.match(m.text)
            if verb and len(m.text) - verb.end() >= 4:
                m.start += verb.end()
                m.text = m.text[verb.end():]
                m.key = ""
        if m.type != "Cluster":
            continue
        short = _PARK_RE.sub(lambda x: _SHORT[x.group(1)], m.text)
        if short != m.text or any(m.text.endswith(s) for _f, s in _PARK_FORMS):
            m.key = name_key(short)
    _join_tails(mentions)
    _join_provincial(mentions)


_LEGAL = re.compile(lx.ZH_LEGAL_FORM + "$")


def _join_tails(mentions: list[Mention]) -> None:
    """装备集团 and 集成电路装备集团有限公司: the short form ending the one longer
    name takes its key (with every mention of the short form's key)."""
    firms = [m for m in mentions if m.type == "Firm"]
    cores: dict[str, str] = {}
    for f in firms:
        cores.setdefault(_LEGAL.sub("", f.text), f.key or name_key(f.text))
    moved: dict[str, str] = {}
    for m in firms:
        if len(m.text) < 4 or not m.text.endswith(("集团", "公司", "股份", "控股")):
            continue
        longer = {cores[c] for c in cores if c.endswith(m.text) and len(c) > len(m.text)}
        own = m.key or name_key(m.text)
        if len(longer) == 1 and own not in longer:
            moved[own] = longer.pop()
    for m in firms:
        own = m.key or name_key(m.text)
        if own in moved:
            m.key = moved[own]


_BODY_END = re.compile(r"(?:委员会|联合会|协会|商会|中心|[局厅委办署院])$")


def _join_provincial(mentions: list[Mention]) -> None:
    """省X协会 and Y省X行业协会: the short form takes the full name's key when one
    longer name of its type, with the same ending and the 省/市 among its first
    characters, holds its characters in order."""
    bodies = [m for m in mentions if m.type in ("Agency", "Alliance")]
    for m in bodies:
        if m.text[:1] not in "省市" or len(m.text) < 4:
            continue
        # the body's ending: 市工信局 is 唐山市工业和信息化局 (局), 省电子工业协会 a 协会
        ending = _BODY_END.search(m.text)
        tail = ending.group(0) if ending else m.text[-2:]
        fulls = {f.key or name_key(f.text) for f in bodies
                 if f.type == m.type and len(f.text) > len(m.text) and f.text.endswith(tail)
                 and m.text[0] in f.text[:4] and letters_in_order(m.text, f.text)}
        if len(fulls) == 1:
            m.key = fulls.pop()


def name_coordinated_chains(mentions: list[Mention], events: list[Mention]) -> None:
    """Key a coordinated chain (汽车及零部件, read before 产业链 with the key of its first
    conjunct) by the whole phrase when an event, alliance or park of ``mentions`` or
    ``events`` is named after it (GOLD_FORMAT, coordinated chains): the article then
    names one chain, not a form of 汽车. Changes the mentions in place.

    >>> ms = [Mention(2, 8, "汽车及零部件", "Chain", 0, key="automobile", info={"conj": True})]
    >>> name_coordinated_chains(ms, [Mention(0, 15, "芜湖市汽车及零部件产业链供需对接会", "Event", 0)])
    >>> ms[0].key
    '汽车及零部件'
    """
    names = [m.text for m in (*mentions, *events) if m.type in ("Event", "Alliance", "Cluster")]
    phrases = {m.text for m in mentions if m.type == "Chain" and m.info.get("conj")}
    named = {p for p in phrases if any(p + "产业" in n or p + "行业" in n for n in names)}
    for m in mentions:
        if m.type == "Chain" and m.info.get("conj") and m.text in named:
            m.key = m.text
