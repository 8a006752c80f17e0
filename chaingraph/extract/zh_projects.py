"""Chinese project lines: "X在P投资的…项目" names a firm X, where it invests (P, a
place or a park) and, in a list of signed projects, a party to the signing.

Reports of investment fairs list the signed projects one after the other
(签约项目包括：A在P投资的…项目、B在Q投资的…项目等): the investor is named by its trade
name, often with its home city before it (西安X, 南通X), which the suffix rules cannot
find and the cue rules cut to six characters. :func:`project_firms` gives Firm
mentions for the investors (the whole name, home city included: the fullest form
the article uses); :func:`project_relations` places each investor in P (LOCATED_IN a
city, BELONGS_TO a park and LOCATED_IN the park's city), puts it in the chain the
sentence names for its projects (集成电路项目 … : BELONGS_TO 集成电路) and makes it a
participant of the article's event when the sentence speaks of the event or its
signing.
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Mention, Sentence
from chaingraph.identity import name_key

_PROJECT = re.compile(r"(?:^|(?<=[、，,：:；;])|(?<=包括)|(?<=其中)|(?<=以及))"
                      r"([\u4e00-\u9fffA-Za-z]{2,12}?)(?:在|于)([\u4e00-\u9fff]{2,12}?)"
                      r"(?:投资|投建|新建|建设|设立|打造|布局)(?:建设)?的[^，。；、]{0,30}?项目")
_SIGNING = re.compile(r"签约|签订|签署|洽谈会|推介会|对接会|招商会")


def _projects(sent: Sentence):
    """Yield ``(name_span, place_span)`` offsets for the project lines of ``sent``."""
    for match in _PROJECT.finditer(sent.text):
        yield ((sent.start + match.start(1), sent.start + match.end(1)),
               (sent.start + match.start(2), sent.start + match.end(2)))


def _investor_name(name: str) -> bool:
    """True when ``name`` may be an investor's name: a short firm name, or one after
    a place (南通优睿半导体)."""
    from chaingraph.extract.places import gazetteer
    from chaingraph.extract.zh_firms import good_name

    if good_name(name):
        return True
    place = gazetteer().zh_regex.match(name)
    rest = name[place.end():] if place else ""
    return bool(place) and 2 <= len(rest) <= 8 and (good_name(rest) or bool(re.search(r"[A-Za-z]", rest)))


def project_firms(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Firm mentions for the investors of project lines in ``text``; a cued
    firm mention lying inside an investor's name (its home city cut off) is widened
    to the name, in place."""
    orgs = [m for m in mentions if m.type in ("Firm", "Agency", "Alliance", "Cluster", "Event")]
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        if "项目" not in sent.text:
            continue
        for (a, b), _place in _projects(sent):
            name = text[a:b]
            if not _investor_name(name):
                continue
            inside = [m for m in orgs if a < m.end and m.start < b]
            if any(m.type != "Firm" or m.start < a or m.end > b for m in inside):
                continue
            if inside:
                for m in inside:  # 优睿半导体 read by a cue: the name is 南通优睿半导体
                    if m.info.get("cued") or m.info.get("list"):
                        m.start, m.end, m.text, m.key = a, b, name, name_key(name)
                continue
            out.append(Mention(a, b, name, "Firm", index, key=name_key(name), info={"cued": True, "project": True}))
    return out


def project_relations(rel, text: str, sentences: list[Sentence], entities, per_sent) -> None:
    """Add LOCATED_IN/BELONGS_TO, the chain of the sentence's projects, and
    PARTICIPATED_IN the article's event, for each project line's investor."""
    event = next((e for e in entities if e.type == "Event"), None)
    for index, sent in enumerate(sentences):
        if "项目" not in sent.text:
            continue
        items = per_sent.get(index, [])
        lines = list(_projects(sent))
        if not lines:
            continue
        chains = [e for m, e in items if e.type == "Chain" and text.startswith("项目", m.end)
                  and m.end <= lines[0][0][0]]
        for (a, b), (p, q) in lines:
            firm = next((e for m, e in items if e.type == "Firm" and m.start == a and m.end == b), None)
            if firm is None:
                continue
            where = [(m, e) for m, e in items if p <= m.start and m.end <= q and e.type in ("City", "Province", "Cluster")]
            for m, e in where[:1]:
                if e.type == "Cluster":
                    rel.add("BELONGS_TO", firm, e, index, "invests in the park")
                    keys = [pm.key for pm in m.info.get("places", []) if pm.type == "City"]
                    city = next((oe for oe in entities if oe.type == "City" and keys
                                 and any(om.key == keys[-1] for om in oe.mentions)), None)
                    if city is not None:
                        rel.add("LOCATED_IN", firm, city, index, "invests in a park of this city")
                else:
                    rel.add("LOCATED_IN", firm, e, index, "invests here")
            for chain in chains[-1:]:
                rel.add("BELONGS_TO", firm, chain, index, "one of the sentence's chain projects")
            if event is not None and _SIGNING.search(sent.text):
                rel.add("PARTICIPATED_IN", firm, event, index, "a signed project of the event")
