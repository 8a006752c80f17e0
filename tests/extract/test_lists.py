"""Lists harvested as lists: members of a firm list without 公司 are firms, members of
a field list are chains, places in a list are not firms."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article
from news_helpers import names as _names, rels as _rels


def test_members_of_a_firm_list_are_firms():
    x = extract_article(Article("a.txt", "园区简介\n\n园区拥有青岚微电、北辰精工、东湖新材等20多家企业。"))
    assert _names(x, "Firm") == ["东湖新材", "北辰精工", "青岚微电"]


def test_members_of_a_field_list_are_chains_and_places_are_not_firms():
    x = extract_article(Article("a.txt", "园区简介\n\n园区产业涵盖集成电路、智能传感器等领域，成都、重庆等地企业参会。"))
    assert {"集成电路", "智能传感器"} <= set(_names(x, "Chain"))
    assert "成都" not in _names(x, "Firm")


def test_an_english_customer_list_gives_firms_and_supplies():
    x = extract_article(Article("a.txt", "Mill news\n\nNorthwind Weaving Co., Ltd. is a supplier to global brands "
                                         "such as Bluefin, Redcliff Jeans and Ostra. It employs 900 people."))
    assert {"Bluefin", "Redcliff Jeans", "Ostra"} <= set(_names(x, "Firm"))
    assert ("Northwind Weaving Co., Ltd", "Redcliff Jeans") in _rels(x, "SUPPLIES")


def test_firms_listed_after_provided_by_supply_the_firm_before():
    x = extract_article(Article("a.txt", "Park news\n\nLantern Resin Co., Ltd. uses solvents provided by Hill "
                                         "Chemical Co., Ltd., Vale Gas Co., Ltd. and other enterprises in the Riverside "
                                         "Industrial Park."))
    supplies = _rels(x, "SUPPLIES")
    assert ("Hill Chemical Co., Ltd", "Lantern Resin Co., Ltd") in supplies
    assert ("Vale Gas Co., Ltd", "Lantern Resin Co., Ltd") in supplies
    assert ("Lantern Resin Co., Ltd", "Hill Chemical Co., Ltd") not in supplies
    assert ("Vale Gas Co., Ltd", "Riverside Industrial Park") in _rels(x, "BELONGS_TO")


def test_chains_listed_with_a_count_are_what_the_event_is_about():
    x = extract_article(Article("a.txt", "对接会\n\n5月8日，全省钢铁、纺织服装、光伏三大产业链产销对接大会在郑州举行。"))
    about = {c for _e, c in _rels(x, "ABOUT")}
    assert {"钢铁", "纺织服装", "光伏"} <= about


def test_list_openers_are_words_not_characters():
    # 有 opens the list only as a word of its own, not as the first character of 有研稀土
    x = extract_article(Article("a.txt", "研究院成立\n\n天津大学牵头，有研稀土、山东国瓷等8家企业共同组建研究院。"))
    assert {"有研稀土", "山东国瓷"} <= set(_names(x, "Firm"))


def test_covering_takes_members_only_before_an_industry_word():
    x = extract_article(Article("a.txt", "Park news\n\nThe park signed 12 projects covering textiles, dyeing "
                                         "and other industries, and a plan covering research and training."))
    chains = set(_names(x, "Chain"))
    assert {"textiles", "dyeing"} <= chains and not {"other industries", "research", "training"} & chains


def test_a_county_named_in_a_firm_list_is_not_a_firm():
    x = extract_article(Article("a.txt", "配套会\n\n来自成都、醴陵等地企业参会，醴陵市陶瓷企业签约。"))
    assert "醴陵" not in _names(x, "Firm")


def test_an_acronym_name_and_a_full_firm_name_joined_by_and_are_two():
    x = extract_article(Article("a.txt", "Deal\n\nNova Cells signed a deal with BRX Qingyun and Eastlake Power System "
                                         "Technology Limited on Monday."))
    firms = _names(x, "Firm")
    assert "Eastlake Power System Technology Limited" in firms
    assert not any(" and " in f for f in firms)


def test_the_fields_an_alliance_or_park_covers_are_its_chains():
    from news_helpers import extract_news
    rels = _rels

    x = extract_news("The Pine Valve Industry Alliance was founded in Wenzhou on May 3 by Pine Valve Co., Ltd. "
                     "Its 40 member units cover valve bodies, seals, actuators and other links of the chain.")
    held = {t for h, t in rels(x, "BELONGS_TO") if h == "Pine Valve Industry Alliance"}
    assert {"valve bodies", "seals", "actuators"} <= held
    y = extract_news("标题\n\n江城高新技术产业开发区已形成涵盖正极材料、负极材料、隔膜等环节的产业集群。")
    held = {t for h, t in rels(y, "BELONGS_TO") if h == "江城高新技术产业开发区"}
    assert {"正极材料", "负极材料", "隔膜"} <= held


def test_firms_the_zone_has_gathered_belong_to_the_articles_only_park():
    x = extract_article(Article("a.txt", "News\n\nThe Pine Lake Development Zone opened in Wuhan in 2010. The zone "
                                         "has gathered valve makers, such as Pine Valve, Lake Seal and Stone Gear."))
    parks = {h for h, t in _rels(x, "BELONGS_TO") if t == "Pine Lake Development Zone"}
    assert {"Pine Valve", "Lake Seal", "Stone Gear"} <= parks


def test_listed_short_names_join_the_full_names_of_the_article():
    x = extract_article(Article("a.txt", "News\n\nPine Valve Co., Ltd. and Wuhan Lake Seal Technology Co., Ltd. signed "
                                         "a deal. Valve makers, such as Pine Valve, Wuhan Lake Seal and Stone Gear, "
                                         "grew fast."))
    firms = _names(x, "Firm")
    assert "Pine Valve" not in firms and "Wuhan Lake Seal" not in firms
    assert {"Pine Valve Co., Ltd", "Wuhan Lake Seal Technology Co., Ltd", "Stone Gear"} <= set(firms)


def test_a_firm_list_of_trades_is_a_list_of_chains():
    x = extract_article(Article("a.txt", "标题\n\n该局推动本地橡胶助剂、钢丝帘线、轮胎装备等企业进入链主采购体系。"))
    assert _names(x, "Firm") == []
    assert {"橡胶助剂", "钢丝帘线", "轮胎装备"} <= set(_names(x, "Chain"))
    named = extract_article(Article("a.txt", "标题\n\n园区拥有白象食品、今麦郎、南街村等20多家企业。"))
    assert "白象食品" in _names(named, "Firm")


def test_a_list_of_places_before_firms_is_no_list_of_firms():
    x = extract_article(Article("a.txt", "标题\n\n星弧电机有限公司的电机产品主要销往湖南、湖北等地的整机企业。"))
    assert _names(x, "Firm") == ["星弧电机有限公司"]


def test_the_links_a_plan_counts_off_are_chains_one_or_more_each():
    x = extract_article(Article("a.txt", "招商\n\n经梳理，全市铝产业链存在以下短板：一是铝板冷轧、阳极氧化及铝型材挤压环节，产品多运往外地；"
                                         "二是再生铝环节；三是铝箔和铝焊丝环节。"))
    assert {"铝板冷轧", "阳极氧化", "铝型材挤压", "再生铝", "铝箔", "铝焊丝"} <= set(_names(x, "Chain"))
