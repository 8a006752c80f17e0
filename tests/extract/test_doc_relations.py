"""Relations read from the whole article rather than one verb pattern: a park named
for a chain belongs to it, and a firm of that park with no chain of its own too."""

from __future__ import annotations

import pytest

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article
from news_helpers import extract_news as _news, rels as _rels


def test_a_park_named_for_a_chain_and_its_firms_belong_to_the_chain():
    x = extract_article(Article("a.txt", "Park news\n\nThe county is growing its steel industrial chain. "
                                         "Last year Hill Rolling Co., Ltd. settled in the Lakeside Steel "
                                         "Industrial Park after a long search."))
    belongs = _rels(x, "BELONGS_TO")
    assert [e.name for e in x.entities if e.type == "Chain"] == ["steel"]
    chain = "steel"
    assert ("Lakeside Steel Industrial Park", chain) in belongs
    assert ("Hill Rolling Co., Ltd", "Lakeside Steel Industrial Park") in belongs
    assert ("Hill Rolling Co., Ltd", chain) in belongs
    notes = {r.note for r in x.relations if r.type == "BELONGS_TO"}
    assert "a firm of a park of this chain" in notes


def test_an_event_named_for_no_chain_is_about_the_chains_named_with_it():
    x = extract_article(Article("a.txt", "对接会\n\n5月8日，全省产销对接大会在郑州举行，聚焦钢铁行业。"))
    assert [c for _e, c in _rels(x, "ABOUT")] == ["钢铁"]


def test_a_listed_chain_and_the_same_chain_elsewhere_are_one_entity():
    x = extract_article(Article("a.txt", "对接会\n\n全省钢铁、光伏三大产业链产销对接大会举行。钢铁企业签约12个项目。"))
    names = [e.name for e in x.entities if e.type == "Chain"]
    assert names.count("钢铁") == 1


def test_a_body_named_for_a_chain_compound_gives_the_whole_compound():
    x = extract_article(Article("a.txt", "研究院成立\n\n国家级钢铁冶炼研究院在唐山揭牌。"))
    chains = [e.name for e in x.entities if e.type == "Chain"]
    assert chains == ["钢铁冶炼"]


def test_a_district_named_for_its_city_is_a_place_in_that_city():
    x = extract_article(Article("a.txt", "Park news\n\nThe Lakeside Bio Park was opened in Wuxi National Hi-tech "
                                         "District on May 3. Wuxi plans two more parks."))
    cities = [e.name for e in x.entities if e.type == "City"]
    assert "Wuxi National Hi-tech District" in cities
    assert ("Wuxi National Hi-tech District", "Wuxi") in _rels(x, "LOCATED_IN")


@pytest.mark.parametrize("sentence, supplier", [
    ("Hill Battery Co., Ltd. became a supplier of Eastlake Motor Co., Ltd. last year.", "Hill Battery Co., Ltd"),
    ("Eastlake Motor Co., Ltd. will buy battery packs from Hill Battery Co., Ltd.", "Hill Battery Co., Ltd"),
    ("北辰汽车集团有限公司向青岚电子股份有限公司采购电池。", "青岚电子股份有限公司"),
    ("青岚电子股份有限公司已成为北辰汽车集团有限公司的核心供应商。", "青岚电子股份有限公司"),
    ("北辰汽车集团有限公司采购青岚电子股份有限公司的电池。", "青岚电子股份有限公司"),
])
def test_buyers_and_suppliers_in_their_common_forms(sentence, supplier):
    x = extract_article(Article("a.txt", "Title\n\n" + sentence))
    supplies = _rels(x, "SUPPLIES")
    assert len(supplies) == 1 and supplies[0][0] == supplier


def test_a_count_is_cut_from_a_chain_anywhere_in_the_walk():
    x = extract_article(Article("a.txt", "产业简介\n\n该市重点发展三大产业链，其中光伏产业链最长。"))
    assert [e.name for e in x.entities if e.type == "Chain"] == ["光伏"]


def test_a_quoted_theme_before_an_event_word_is_part_of_the_event_name():
    x = extract_article(Article("a.txt", "发布会\n\n4月2日，“智造未来，链接全球”供需对接会在长沙举行。"))
    assert [e.name for e in x.entities if e.type == "Event"] == ["“智造未来，链接全球”供需对接会"]


def test_members_in_apposition_and_listed_after_a_sentence_on_members():
    x = _news("The Qinghe Farm Machinery Alliance was founded on Monday. The first batch of 30 member units "
                     "includes makers and suppliers. Among them are Harbin Kestrel Tractor Co., Ltd. and Daqing Ruoxi "
                     "Gear Co., Ltd. Zhaoyuan Lanfeng Casting Co., Ltd., a founding member of the alliance, supplies "
                     "Jiamusi Tongli Harvester Co., Ltd. with castings.")
    members = {h for h, _t in _rels(x, "MEMBER_OF")}
    assert members == {"Harbin Kestrel Tractor Co., Ltd", "Daqing Ruoxi Gear Co., Ltd",
                       "Zhaoyuan Lanfeng Casting Co., Ltd"}


def test_chairman_and_vice_chairman_units_and_other_members_are_members():
    x = _news("The Ya'an Dark Tea Alliance was founded on Monday. Youlan Tea Co., Ltd. was elected as the chairman "
              "unit, and Kangling Tea Co., Ltd. as a vice-chairman unit. Other members include Xinlu Logistics Co., Ltd.")
    members = {h for h, _t in _rels(x, "MEMBER_OF")}
    assert {"Youlan Tea Co., Ltd", "Kangling Tea Co., Ltd", "Xinlu Logistics Co., Ltd"} <= members


def test_chair_and_vice_chair_units_and_ordinary_members_are_members():
    x = _news("The Hill Low-Altitude Alliance was founded on Monday with 41 founding members. Pine Aviation Co., Ltd. "
              "was elected chair unit. Vice-chair units are Oak Composites Co., Ltd. and Elm UAV Co., Ltd. "
              "Birch Drone Co., Ltd., a drone maker, and Ash Air Holdings Limited joined as ordinary members.")
    members = {h for h, _t in _rels(x, "MEMBER_OF")}
    assert members == {"Pine Aviation Co., Ltd", "Oak Composites Co., Ltd", "Elm UAV Co., Ltd",
                       "Birch Drone Co., Ltd", "Ash Air Holdings Limited"}


def test_an_alliance_with_a_count_of_member_firms_including_some_names_them_members():
    x = _news("Haiyun Marine Co., Ltd. and Jinwei Valve Co., Ltd. signed a deal. The Qinglan Marine Equipment Industry "
              "Alliance, set up in 2021, now has 76 member firms, including Haiyun and Jinwei.")
    assert _rels(x, "MEMBER_OF") == [("Haiyun Marine Co., Ltd", "Qinglan Marine Equipment Industry Alliance"),
                                     ("Jinwei Valve Co., Ltd", "Qinglan Marine Equipment Industry Alliance")]


@pytest.mark.parametrize("body, member, alliance", [
    ("The Qinglan Magnet Industry Chain Alliance was founded on Monday. Brenner Antriebstechnik GmbH, a German maker of "
     "servo motors, signed up as the alliance's first overseas member.",
     "Brenner Antriebstechnik GmbH", "Qinglan Magnet Industry Chain Alliance"),
    ("The Qinglan Offshore Equipment Industry Alliance held its annual meeting. Bishan Offshore Engineering Co., Ltd., "
     "the alliance's chair unit, presented its procurement plan.",
     "Bishan Offshore Engineering Co., Ltd", "Qinglan Offshore Equipment Industry Alliance"),
])
def test_a_firm_that_signed_up_as_a_member_or_chairs_the_alliance_is_a_member(body, member, alliance):
    assert _rels(_news(body), "MEMBER_OF") == [(member, alliance)]


def test_other_participants_took_part_and_talks_after_the_signing_session_are_no_signing():
    x = _news("The 2024 Qinglan Rail Conference was held on Monday. Other participants included seat maker Bishan "
              "Seating Co., Ltd., panel producer Kangtai Composite Materials and Ningxin Rail Control, which held "
              "talks with purchasing teams from Jinyun Rail Vehicle Co., Ltd. after the signing session.")
    assert [firm for firm, _event in _rels(x, "PARTICIPATED_IN")] == [
        "Bishan Seating Co., Ltd", "Jinyun Rail Vehicle Co., Ltd", "Kangtai Composite Materials", "Ningxin Rail Control"]
    assert _rels(x, "SIGNED_WITH") == [] and _rels(x, "SUPPLIES") == []


def test_an_alliance_named_with_a_city_groups_abbreviation_is_the_one_named_in_full():
    x = _news("The Changsha-Zhuzhou-Xiangtan Construction Machinery Core Components Alliance was founded on Monday. "
              "Twenty enterprises joined the alliance as its first members. Among them are Qinglan Hydraulic Co., Ltd. "
              "and Bishan Casting Co., Ltd. The CZT Core Components Alliance will run joint research.")
    assert [e.name for e in x.entities if e.type == "Alliance"] == [
        "Changsha-Zhuzhou-Xiangtan Construction Machinery Core Components Alliance"]
    assert len(_rels(x, "MEMBER_OF")) == 2


def test_a_deal_signed_between_a_firm_with_its_short_name_and_another_and_other_signing_enterprises():
    x = _news("The 2024 Qinglan Salt Lake Signing Ceremony was held on Monday. The largest deal of the day was signed "
              "between Qinghai Bishan Potash Co., Ltd. (Bishan Potash) and Shandong Yunling Fertilizer Co., Ltd. Other "
              "signing enterprises included Golmud Huantai Boron Co., Ltd. and Qinghai Dexin Storage Co., Ltd.")
    assert _rels(x, "SIGNED_WITH") == [("Qinghai Bishan Potash Co., Ltd", "Shandong Yunling Fertilizer Co., Ltd")]
    took_part = {firm for firm, _event in _rels(x, "PARTICIPATED_IN")}
    assert {"Golmud Huantai Boron Co., Ltd", "Qinghai Dexin Storage Co., Ltd"} <= took_part


@pytest.mark.parametrize("sentence", [
    "Two local suppliers, Hillside Pump Co., Ltd. and Riverbank Valve Co., Ltd., showed their products.",
    "Members from across the city include Hillside Pump Co., Ltd. and Riverbank Valve Co., Ltd. at present.",
])
def test_local_firms_are_in_the_article_city(sentence):
    x = _news("The Qujing pump fair opened in Qujing on Monday. Qujing is a prefecture-level city. " + sentence)
    located = _rels(x, "LOCATED_IN")
    assert ("Hillside Pump Co., Ltd", "Qujing") in located
    assert ("Riverbank Valve Co., Ltd", "Qujing") in located


def test_a_local_firm_named_for_another_city_stays_there():
    x = _news("宣威市是曲靖市的泵阀基地，泵阀产业年产值超过100亿元。作为当地龙头，宣威华宇泵业有限公司年产水泵50万台。曲靖市还有多家配套企业。",
              title="曲靖泵阀")
    located = _rels(x, "LOCATED_IN")
    assert ("宣威华宇泵业有限公司", "宣威") in located or ("宣威华宇泵业有限公司", "宣威市") in located
    assert ("宣威华宇泵业有限公司", "曲靖市") not in located and ("宣威华宇泵业有限公司", "曲靖") not in located


def test_local_firms_are_in_the_place_the_article_is_about_even_a_district():
    x = _news("The Nanhe District pet food fair was held in Nanhe District, Xingtai City. Nanhe District has 160 "
              "makers, and the Nanhe District government backs them. Hill Packaging Co., Ltd. signed with two local "
              "brands, Pine Pet Co., Ltd. and Oak Pet Co., Ltd.")
    located = _rels(x, "LOCATED_IN")
    assert ("Pine Pet Co., Ltd", "Nanhe District") in located and ("Oak Pet Co., Ltd", "Nanhe District") in located
    assert ("Pine Pet Co., Ltd", "Xingtai City") not in located


def test_firms_named_before_a_mention_of_local_firms_are_not_placed_by_it():
    x = _news("The Hill alliance met in Changsha. Changsha hosts the meeting. Officials said Lake Steel Co., Ltd. "
              "supplies plate to Stone Heavy Co., Ltd., and that the alliance would help more local firms enter the chain.")
    assert ("Lake Steel Co., Ltd", "Changsha") not in _rels(x, "LOCATED_IN")


def test_it_after_a_sentence_opening_on_the_event_is_the_event():
    x = _news("The 2024 Riverside Tea Industry Chain Matchmaking Meeting was held in Riverside on May 9. "
              "The meeting was hosted by the Riverside Municipal Bureau of Commerce. "
              "It focused on packaging, cold chain logistics and e-commerce.")
    about = {t for _h, t in _rels(x, "ABOUT")}
    assert {"packaging", "cold chain logistics", "e-commerce"} <= about


def test_a_firm_holding_its_event_organised_it_and_the_event_is_at_its_hosts_town():
    x = _news("On May 9, Zhongshan Hill Lighting Group Co., Ltd. held its 2024 Global Partner Conference at the expo centre of "
              "Guzhen Town, Zhongshan. The conference was co-hosted by the Guzhen Town People's Government.")
    assert ("Zhongshan Hill Lighting Group Co., Ltd", "2024 Global Partner Conference") in _rels(x, "ORGANIZED")
    assert ("2024 Global Partner Conference", "Guzhen Town") in _rels(x, "LOCATED_IN")


def test_its_plant_is_the_plant_of_the_firm_its_refers_to_not_the_articles_firm():
    x = _news("Hanxin Bearing Co., Ltd. hosted the meeting. Hanxin Bearing signed deals with two buyers. "
           "Hanxin Bearing will expand. Pine Gear Co., Ltd. mainly produces slewing bearings. "
           "Its new plant in Yanshi District will open this year.")
    located = _rels(x, "LOCATED_IN")
    assert ("Pine Gear Co., Ltd", "Yanshi District") in located
    assert ("Hanxin Bearing Co., Ltd", "Yanshi District") not in located


def test_firms_called_enterprises_in_the_park_belong_to_the_articles_one_park():
    x = _news("The Pine Valley Magnesium Industry Park has gathered 300 firms. Yingkou Qinghua Group Co., Ltd. "
              "(Qinghua Group), a leading enterprise in the park, makes bricks. Other enterprises in the park, such "
              "as Wanfeng Magnesium Co., Ltd., Huamei Refractories Co., Ltd. and Xinrong Materials Co., Ltd., make "
              "flame retardants. Sunny Steel Co., Ltd. buys bricks.")
    members = {firm for firm, park in _rels(x, "BELONGS_TO") if park == "Pine Valley Magnesium Industry Park"}
    assert members == {"Yingkou Qinghua Group Co., Ltd", "Wanfeng Magnesium Co., Ltd", "Huamei Refractories Co., Ltd",
                       "Xinrong Materials Co., Ltd"}


def test_its_plant_before_any_firm_of_the_sentence_is_the_plant_of_the_firm_before():
    x = _news("Minth Group Limited also attended the meeting. Battery housings produced by its plant in Huai'an are "
              "mainly supplied to BYD Company Limited.")
    assert ("Minth Group Limited", "Huai'an") in _rels(x, "LOCATED_IN")


def test_a_firms_base_located_in_a_place_places_the_firm_there():
    x = _news("Its products are supplied to steel enterprises such as Angang Steel Company Limited and HBIS Company "
              "Limited. Angang's Bayuquan steel base, located in Bayuquan District of Yingkou, buys refractories.")
    assert ("Angang Steel Company Limited", "Bayuquan District") in _rels(x, "LOCATED_IN")


def test_the_place_base_of_a_firm_locates_the_firm_there():
    x = extract_article(Article("a.txt", "Base news\n\nLanfeng Energy Co., Ltd. is headquartered in Huizhou. "
                                         "The Jingmen base of Lanfeng Energy has a capacity of 100 GWh. "
                                         "The Wuhan production plant of the Hanlin Group opened, near a Xiamen factory."))
    names = {e.id: e.name for e in x.entities}
    located = {(names[r.head], names[r.tail]) for r in x.relations if r.type == "LOCATED_IN"}
    assert {("Lanfeng Energy Co., Ltd", "Jingmen"), ("Hanlin Group", "Wuhan")} <= located
