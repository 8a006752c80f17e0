"""Lists harvested as lists: members of a firm list without 公司 are firms, members of
a field list are chains, places in a list are not firms."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _names(x, kind):
    return sorted(e.name for e in x.entities if e.type == kind)


def test_members_of_a_firm_list_are_firms():
    x = extract_article(Article("a.txt", "园区简介\n\n园区现有青岚微电、北辰精工、东湖新材等20多家企业入驻。"))
    assert _names(x, "Firm") == ["东湖新材", "北辰精工", "青岚微电"]


def test_members_of_a_field_list_are_chains_and_places_are_not_firms():
    x = extract_article(Article("a.txt", "园区简介\n\n园区产业涵盖集成电路、智能传感器等领域，成都、重庆等地企业参会。"))
    assert {"集成电路", "智能传感器"} <= set(_names(x, "Chain"))
    assert "成都" not in _names(x, "Firm")
