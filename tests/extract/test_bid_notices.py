"""Bid results read from a notice's labelled lines (bid_notices.py): each winning
bidder supplies the purchaser, a runner-up supplies no one, and an address line
under a winner places it."""

from __future__ import annotations

from news_helpers import extract_news as _x, rels as _rels


def test_english_winning_bidders_supply_the_purchaser_and_runners_up_do_not():
    x = _x("Announcement of Winning Bid Results\n\n"
           "Purchaser: Hill Liquor Industry Co., Ltd.\n"
           "Procurement method: Open tendering\n\n"
           "Lot 1: Glass bottles\n"
           "Winning bidder: Bay Glass Products Co., Ltd.\n"
           "Address: Huichuan District, Zunyi City\n"
           "Second candidate: Pine Glass Co., Ltd.\n\n"
           "Lot 2: Gift boxes\n"
           "Winning bidder: Lake Packaging and Printing Co., Ltd.\n"
           "Second candidate: Oak Paper Products Co., Ltd.", title="Notice")
    supplies = set(_rels(x, "SUPPLIES"))
    assert ("Bay Glass Products Co., Ltd", "Hill Liquor Industry Co., Ltd") in supplies
    assert ("Lake Packaging and Printing Co., Ltd", "Hill Liquor Industry Co., Ltd") in supplies
    assert not any(h in ("Pine Glass Co., Ltd", "Oak Paper Products Co., Ltd") for h, _t in supplies)
    assert ("Bay Glass Products Co., Ltd", "Huichuan District") in _rels(x, "LOCATED_IN")


def test_a_purchaser_declared_in_quotes_is_the_firm_it_follows():
    x = _x('Hill Power Machinery Co., Ltd. (hereinafter "the Purchaser") entrusted an agency with the tender. '
           "Bay Precision Casting Co., Ltd. has supplied cylinder blocks to the Purchaser since 2019.")
    assert ("Bay Precision Casting Co., Ltd", "Hill Power Machinery Co., Ltd") in _rels(x, "SUPPLIES")
    assert not any(e.name == "Purchaser" for e in x.entities)


def test_chinese_winning_bidder_and_address_lines():
    x = _x("中标结果公告\n\n采购人：山东青禾酒业有限公司\n\n包件一：玻璃瓶\n中标人：淄博明亮玻璃制品有限公司\n"
           "地址：淄博市博山区\n第二中标候选人：临沂华光玻璃有限公司", title="公告")
    supplies = set(_rels(x, "SUPPLIES"))
    assert ("淄博明亮玻璃制品有限公司", "山东青禾酒业有限公司") in supplies
    assert not any(h == "临沂华光玻璃有限公司" for h, _t in supplies)
    assert ("淄博明亮玻璃制品有限公司", "博山区") in _rels(x, "LOCATED_IN")


def test_a_chinese_notice_naming_its_purchaser_only_in_the_title():
    x = _x("山东青禾酒业有限公司2024年包装材料采购项目中标结果公告\n\n包件一：玻璃瓶\n中标人：淄博明亮玻璃制品有限公司",
           title="公告")
    assert ("淄博明亮玻璃制品有限公司", "山东青禾酒业有限公司") in _rels(x, "SUPPLIES")


def test_a_procurement_project_of_a_firm_is_the_firm_only():
    x = _x("The 2025 Key Castings Procurement Project of Hill Power Machinery Co., Ltd. opened its bids on Monday.")
    assert [e.name for e in x.entities if e.type == "Firm"] == ["Hill Power Machinery Co., Ltd"]


def test_lot_lines_under_a_firm_publishing_its_winning_bidders():
    x = _x("On July 22, Hill Data Technology Co., Ltd. published the winning bidders for the second phase of its "
           "computing centre. The contracts were awarded as follows:\n\n"
           "Lot 1, GPU servers (1,200 units): Bay Server Technology Co., Ltd., Suzhou;\n"
           "Lot 2, liquid cooling systems: Pine Thermal Technology Co., Ltd.;")
    supplies = set(_rels(x, "SUPPLIES"))
    assert ("Bay Server Technology Co., Ltd", "Hill Data Technology Co., Ltd") in supplies
    assert ("Pine Thermal Technology Co., Ltd", "Hill Data Technology Co., Ltd") in supplies
