"""Chinese quoted firm lists and what the words closing a firm list state for its
members (zh_lists.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _extract(text: str):
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    return {(e.type, e.name) for e in x.entities}, rels


def test_quoted_names_closed_by_a_kind_of_firm_are_firms_of_the_place_and_trade():
    text = ("标题\n\n日前，青川县举办茶叶产销对接会。会上，“岭云茶业”“翠岚茗坊”“溪畔农品”等30多家来自青川县的优质茶叶商"
            "与外地采购商洽谈合作。多家茶叶企业表示收获颇丰。")
    ents, rels = _extract(text)
    assert {("Firm", "岭云茶业"), ("Firm", "翠岚茗坊"), ("Firm", "溪畔农品")} <= ents
    assert ("Chain", "茶叶") in ents
    assert ("BELONGS_TO", "翠岚茗坊", "茶叶") in rels
    assert ("LOCATED_IN", "岭云茶业", "青川县") in rels
    assert any(t == "PARTICIPATED_IN" and h == "溪畔农品" for t, h, _d in rels)


def test_a_quoted_member_inside_a_full_name_is_that_firm():
    text = "标题\n\n滇峰星朗光电有限公司扩大产能。全省“星朗”、“蜀锦瓷”等12家企业入选名录。"
    ents, _rels = _extract(text)
    assert ("Firm", "蜀锦瓷") in ents
    assert ("Firm", "星朗") not in ents
