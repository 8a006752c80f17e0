"""Supplier lists: a notice's opening sentence names the firm whose suppliers the
lines under it list (supplier_lists.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _supplies(text: str, name: str = "a.txt") -> set[tuple[str, str]]:
    x = extract_article(Article(name, text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], names[r.tail]) for r in x.relations if r.type == "SUPPLIES"}


def test_every_firm_on_an_english_supplier_list_supplies_the_firm_it_is_for():
    text = ("Notice on the 2024 Qualified Supplier List\n\n"
            "Qinglan Scooter Co., Ltd. hereby announces its list. The companies below are qualified suppliers of "
            "Qinglan Scooter Co., Ltd. for the categories shown.\n\n"
            "1. Batteries: Bishan Cell Co., Ltd.; Yunling Lithium Energy (packs for export).\n"
            "2. Motors: Jiangan Motor Co., Ltd.\n\n"
            "Contact: Procurement Center\n")
    supplies = _supplies(text)
    customer = "Qinglan Scooter Co., Ltd"
    assert {("Bishan Cell Co., Ltd", customer), ("Yunling Lithium Energy", customer),
            ("Jiangan Motor Co., Ltd", customer)} <= supplies


def test_a_chinese_supplier_list_and_nothing_after_its_lines():
    text = ("青岚电动车2024年度合格供应商名单公示\n\n经资格审查，以下企业为青岚电动车有限公司2024年度合格供应商：\n\n"
            "一、动力电池：碧山电池有限公司；云岭锂能\n\n二、电机：江岸电机有限公司\n\n"
            "另据了解，海东物流有限公司负责运输。\n")
    supplies = _supplies(text, "a_zh.txt")
    assert supplies == {("碧山电池有限公司", "青岚电动车有限公司"), ("云岭锂能", "青岚电动车有限公司"),
                        ("江岸电机有限公司", "青岚电动车有限公司")}


def test_names_after_a_colon_in_the_paragraph_of_a_firms_own_supplier_list_supply_it():
    # "X released its list of core suppliers. … The first batch is: A, B and C." (and 发布…供应商名单…：A、B);
    # the next paragraph's colon lists no one
    en = _supplies("Title\n\nHill Graphite Group Co., Ltd. released its 2024 list of core suppliers. Twenty firms made the "
                   "cut. The first batch is: Lake Mining Co., Ltd., Stone Reagents Co., Ltd. and River Kiln Co., Ltd.\n\n"
                   "Pine Carbon Co., Ltd. said: prices rose.")
    assert {("Lake Mining Co., Ltd", "Hill Graphite Group Co., Ltd"), ("Stone Reagents Co., Ltd", "Hill Graphite Group Co., Ltd"),
            ("River Kiln Co., Ltd", "Hill Graphite Group Co., Ltd")} <= en
    assert ("Pine Carbon Co., Ltd", "Hill Graphite Group Co., Ltd") not in en
    zh = _supplies("标题\n\n黑岭石墨集团有限公司在会上发布了2024年度核心供应商名单。首批名单为：柳岭矿业有限公司、晶岭包装有限公司。")
    assert {("柳岭矿业有限公司", "黑岭石墨集团有限公司"), ("晶岭包装有限公司", "黑岭石墨集团有限公司")} <= zh
