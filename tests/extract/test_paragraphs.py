"""Relations a paragraph or the article states as a whole, in both languages."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article
from news_helpers import extract_news, rels as _rels


def test_a_paragraph_about_one_park_puts_it_and_its_firms_in_the_paragraphs_chain():
    x = extract_article(Article("a.txt", "标题\n\n位于青岚县产业集聚区的北辰织造有限公司正在赶制订单。该县积极打造纺织服装产业集群。"
                                         "\n\n另一段落提到钢铁行业。"))
    belongs = _rels(x, "BELONGS_TO")
    assert ("青岚县产业集聚区", "纺织服装") in belongs
    assert ("北辰织造有限公司", "青岚县产业集聚区") in belongs
    assert ("北辰织造有限公司", "纺织服装") in belongs
    assert not any(c == "钢铁" for _h, c in belongs)


def test_an_english_paragraph_about_one_park():
    x = extract_article(Article("a.txt", "News\n\nHill Rolling Co., Ltd. settled in the Lakeside Industrial Park "
                                         "this year. The park focuses on the valve industry.\n\nElsewhere, the "
                                         "steel industry slowed."))
    belongs = _rels(x, "BELONGS_TO")
    assert ("Lakeside Industrial Park", "valve") in belongs
    assert ("Hill Rolling Co., Ltd", "valve") in belongs
    assert ("Lakeside Industrial Park", "steel") not in belongs


def test_an_event_our_province_held_is_in_the_articles_province():
    x = extract_article(Article("a.txt", "湖南举办钢铁产业链对接大会\n\n5月8日，我省举办钢铁产业链对接大会，300家企业参会。"))
    assert ("钢铁产业链对接大会", "湖南") in _rels(x, "LOCATED_IN")


def test_the_two_sides_and_a_three_party_agreement_in_chinese():
    x = extract_article(Article("a.txt", "标题\n\n北辰汽车集团有限公司与青岚电子股份有限公司举行会谈，双方签署了合作协议。"
                                         "东方精工股份有限公司与南湖电机有限公司、西山材料有限公司签订三方协议。"))
    signed = {tuple(sorted(p)) for p in _rels(x, "SIGNED_WITH")}
    assert ("北辰汽车集团有限公司", "青岚电子股份有限公司") in signed
    assert ("南湖电机有限公司", "西山材料有限公司") in signed
    assert len(signed) == 4


def test_firms_signing_in_a_paragraph_about_signings_at_the_event_took_part_in_it():
    from news_helpers import extract_news

    x = extract_news("The 2024 Pine Parts Matchmaking Conference was held in Wuhan on May 3.\n\n"
                     "At the meeting, 12 projects were signed on the spot. Among them, Pine Valve Co., Ltd. signed a "
                     "supply agreement with Lake Motor Co., Ltd.\n\nStone Gear Co., Ltd. signed a deal with Lake "
                     "Motor Co., Ltd. last year.")
    took_part = {h for h, _t in _rels(x, "PARTICIPATED_IN")}
    assert {"Pine Valve Co., Ltd", "Lake Motor Co., Ltd"} <= took_part
    assert "Stone Gear Co., Ltd" not in took_part  # another paragraph, no scene


def test_firms_signing_after_a_chinese_scene_cue_took_part():
    from news_helpers import extract_news

    x = extract_news("5月3日，2024江城汽车零部件供需对接会在武汉举行。\n\n会上，12个项目现场签约。其中，"
                     "江城青岚阀门有限公司与望岳汽车有限公司签订供货协议。")
    took_part = {h for h, _t in _rels(x, "PARTICIPATED_IN")}
    assert {"江城青岚阀门有限公司", "望岳汽车有限公司"} <= took_part


def test_the_signing_part_of_an_event_is_its_scene():
    from news_helpers import extract_news

    x = extract_news("5月3日，2024江城汽车零部件供需对接会在武汉举行。\n\n签约环节中，江城青岚阀门有限公司与望岳汽车有限公司"
                     "签订供货协议。")
    assert {"江城青岚阀门有限公司", "望岳汽车有限公司"} <= {h for h, _t in _rels(x, "PARTICIPATED_IN")}


def test_the_firms_signing_after_a_signing_ceremony_is_named_took_part_in_it():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("On June 6, the Optics Valley Cooperation Signing Ceremony was held in Wuhan. Accelink Technologies "
                     "Co., Ltd. signed a strategic agreement with Wuhan Minxin Semiconductor Co., Ltd.")
    assert {h for h, _t in rels(x, "PARTICIPATED_IN")} == {"Accelink Technologies Co., Ltd",
                                                           "Wuhan Minxin Semiconductor Co., Ltd"}


def test_signers_after_the_event_is_named_in_a_paragraph_and_listed_signatories_took_part():
    from news_helpers import extract_news, rels

    x = extract_news(
        "The 2024 Qinghe Auto Parts Supply and Demand Docking Meeting was held in Changchun on Monday.\n\n"
        "For many local suppliers, the meeting offered a chance to win orders. Changchun Lanfeng Seat Co., Ltd. "
        "signed an agreement with Jilin Tongli Motor Co., Ltd. Other signatories included Daqing Ruoxi Gear Co., Ltd.")
    part = {h for h, _t in rels(x, "PARTICIPATED_IN")}
    assert {"Changchun Lanfeng Seat Co., Ltd", "Jilin Tongli Motor Co., Ltd", "Daqing Ruoxi Gear Co., Ltd"} <= part


def test_signers_in_the_paragraphs_after_a_scene_summary_took_part_agencies_too():
    from news_helpers import extract_news

    x = extract_news("9月2日，2024青岚县茶产业招商推介会在杭州举行。\n\n本次推介会现场共签约项目9个，签约金额12亿元。\n\n"
                     "茶叶加工方面，青岚县人民政府与杭州望岳茶业有限公司签约；江城青岚茶业有限公司与南湖食品有限公司签订采购协议。\n\n"
                     "此外，东方包装有限公司长期向江城青岚茶业有限公司供货。")
    took_part = {h for h, _t in _rels(x, "PARTICIPATED_IN")}
    assert {"青岚县人民政府", "杭州望岳茶业有限公司", "江城青岚茶业有限公司", "南湖食品有限公司"} <= took_part
    assert "东方包装有限公司" not in took_part  # a standing supplier in a paragraph with no signing


def test_a_firm_at_an_event_takes_the_chain_the_event_is_named_for_not_every_field_of_its_deals():
    from news_helpers import extract_news

    x = extract_news("9月2日，2024青岚县花卉产业招商推介会在杭州举行。\n\n本次推介会现场共签约项目9个，涵盖花卉、冷链物流、"
                     "农产品加工等产业链。\n\n江城青岚园艺有限公司与南湖商贸有限公司签订采购协议。")
    belongs = _rels(x, "BELONGS_TO")
    assert ("江城青岚园艺有限公司", "花卉") in belongs
    assert ("江城青岚园艺有限公司", "冷链物流") not in belongs


def test_signers_after_a_signing_session_summary_took_part_but_not_a_standing_suppliers_customer():
    from news_helpers import extract_news

    x = extract_news("The 2024 Pine Bearing Matchmaking Conference opened in Luoyang on June 12.\n\n"
                     "At the signing session, 27 projects were signed.\n\n"
                     "Lake Bearing Co., Ltd. signed a framework agreement with Hill Wind Power Co., Ltd., under which "
                     "Lake Bearing will supply bearings to Hill Wind Power. Officials said Stone Steel Co., Ltd. "
                     "supplies steel to Delta Rail Co., Ltd.")
    took_part = {h for h, _t in _rels(x, "PARTICIPATED_IN")}
    assert {"Lake Bearing Co., Ltd", "Hill Wind Power Co., Ltd"} <= took_part
    assert not {"Stone Steel Co., Ltd", "Delta Rail Co., Ltd"} & took_part
    x = extract_news("The 2024 Pine Bearing Matchmaking Conference opened in Luoyang on June 12.\n\n"
                     "At the signing ceremony, 27 projects were signed. Lake Bearing Co., Ltd. signed an agreement with "
                     "Hill Wind Power Co., Ltd. Officials said Stone Steel Co., Ltd. supplies steel to Delta Rail Co., Ltd.")
    took_part = {h for h, _t in _rels(x, "PARTICIPATED_IN")}
    assert "Lake Bearing Co., Ltd" in took_part and not {"Stone Steel Co., Ltd", "Delta Rail Co., Ltd"} & took_part


def test_the_signers_of_a_paragraph_among_the_signed_deals_took_part():
    x = extract_news("The 2024 Qinglan Rail Matchmaking Conference was held in Changzhou on Monday. Eighteen projects "
                     "were signed.\n\nAmong the signed deals, Bishan Brake Co., Ltd. signed a three-year agreement "
                     "with Jinyun Rail Vehicle Co., Ltd.")
    names = {e.id: e.name for e in x.entities}
    took_part = {names[r.head] for r in x.relations if r.type == "PARTICIPATED_IN"}
    assert {"Bishan Brake Co., Ltd", "Jinyun Rail Vehicle Co., Ltd"} <= took_part


def test_the_parties_of_a_list_of_deals_signed_on_the_day_took_part_in_the_event():
    x = extract_news("The 2024 Hill Bay Carbon Fibre Matchmaking Conference was held in Hill Bay on May 8. "
                     "Projects signed on the day included:\n\n"
                     "- Hill Carbon Co., Ltd. and Lake Machinery Co., Ltd.: 40 winding lines;\n"
                     "- Stone Composites Co., Ltd. and River Vessel Co., Ltd.: a framework agreement.")
    took_part = {firm for firm, _event in _rels(x, "PARTICIPATED_IN")}
    assert took_part == {"Hill Carbon Co., Ltd", "Lake Machinery Co., Ltd", "Stone Composites Co., Ltd",
                         "River Vessel Co., Ltd"}


def test_a_count_of_deals_signed_opens_the_bulleted_deals_that_follow():
    x = extract_news("11月6日，2024平乡县童车产业链对接洽谈会在平乡经济开发区举行。\n\n"
                     "最终签订合作协议28项，签约金额31.2亿元。\n\n"
                     "——甲乙童车有限公司与丙丁橡胶制品有限公司签订年度采购合同；\n\n"
                     "——广宗县的戊己车架制造有限公司成为甲乙童车有限公司的车架供应商，双方签订三年期供货协议；\n\n"
                     "——庚辛自行车有限公司与平乡县人民政府签约。", title="平乡童车")
    took_part = {firm for firm, _event in _rels(x, "PARTICIPATED_IN")}
    assert {"甲乙童车有限公司", "丙丁橡胶制品有限公司", "戊己车架制造有限公司", "庚辛自行车有限公司"} <= took_part


def test_firms_signing_with_unnamed_buyers_during_the_fair_took_part():
    x = extract_news("第十届永年紧固件博览会在永年区开幕。\n\n"
                     "博览会期间，甲乙紧固件集团有限公司与丙丁机械有限公司签订出口合作协议；明达标准件、晟泰螺栓等企业也分别与"
                     "来自浙江、广东的采购商签约。明达标准件有限公司成立于2005年。", title="永年紧固件")
    took_part = {firm for firm, _event in _rels(x, "PARTICIPATED_IN")}
    assert {"甲乙紧固件集团有限公司", "丙丁机械有限公司"} <= took_part
    assert took_part & {"明达标准件", "明达标准件有限公司"} and "晟泰螺栓" in took_part


def test_deals_signed_on_the_opening_day_were_signed_at_the_event():
    x = extract_news("On May 12, the 5th Lakeside Tea Expo opened in Lakeside. On the opening day, a signing ceremony was "
           "held, at which 20 projects were signed. Among them, Hill Tea Co., Ltd. signed with Bay Packaging "
           "Co., Ltd. on a packaging project.")
    joined = {h for h, _t in _rels(x, "PARTICIPATED_IN")}
    assert {"Hill Tea Co., Ltd", "Bay Packaging Co., Ltd"} <= joined


def test_a_field_a_sentence_opens_with_holds_for_the_rest_of_its_paragraph():
    x = extract_article(Article("a.txt", "News\n\nIn the field of new materials, Qinghe Alloy Co., Ltd. signed a strip "
                                         "project. Its coils go to Lanxi Tableware Co., Ltd. and other makers in the "
                                         "zone. In the biomedicine sector, Shuanglin Pharma Co., Ltd. signed a deal.\n\n"
                                         "Hongyan Paper Co., Ltd. also attended."))
    belongs = _rels(x, "BELONGS_TO")
    assert ("Qinghe Alloy Co., Ltd", "new materials") in belongs
    assert ("Lanxi Tableware Co., Ltd", "new materials") in belongs
    assert ("Shuanglin Pharma Co., Ltd", "biomedicine") in belongs
    assert ("Shuanglin Pharma Co., Ltd", "new materials") not in belongs
    assert not any(h == "Hongyan Paper Co., Ltd" for h, _c in belongs)  # the next paragraph


def test_a_field_a_chinese_sentence_opens_with():
    x = extract_article(Article("a.txt", "新闻\n\n在新材料领域，青禾合金有限公司与开发区签订协议，其产品供应兰溪餐具有限公司。"
                                         "在生物医药领域，双林制药有限公司签约落户。"))
    belongs = _rels(x, "BELONGS_TO")
    assert {("青禾合金有限公司", "新材料"), ("兰溪餐具有限公司", "新材料"), ("双林制药有限公司", "生物医药")} <= set(belongs)
    assert ("双林制药有限公司", "新材料") not in belongs


def test_a_firm_at_an_event_of_several_fields_is_put_in_none_of_them():
    text = ("Lanxi Holds Signing Ceremony\n\nOn March 2, the 2023 Lanxi Signing Ceremony for Major Projects was "
            "held in Lanxi. A total of 12 projects were signed, covering {}. Qinghe Alloy Co., Ltd. "
            "signed an agreement at the ceremony.")
    several = _rels(extract_article(Article("a.txt", text.format("the new materials, biomedicine and green "
                                                                 "chemical industries"))), "BELONGS_TO")
    assert not any(h == "Qinghe Alloy Co., Ltd" for h, _c in several)
    one = _rels(extract_article(Article("a.txt", text.format("new materials and other fields"))), "BELONGS_TO")
    assert ("Qinghe Alloy Co., Ltd", "new materials") in one


def test_the_firms_above_are_in_the_park_the_sentence_names():
    x = extract_article(Article("a.txt", "标题\n\n北辰飞机有限公司主要生产教练机，其锻件由青岚锻造有限公司供应。"
                                         "上述企业均为南湖经济开发区的骨干企业。\n\n西山电机有限公司也在扩产。"
                                         "园区拥有规模以上企业46家。"))
    belongs = _rels(x, "BELONGS_TO")
    assert ("北辰飞机有限公司", "南湖经济开发区") in belongs
    assert ("青岚锻造有限公司", "南湖经济开发区") in belongs
    assert ("西山电机有限公司", "南湖经济开发区") not in belongs


def test_a_field_opening_without_zai():
    x = extract_article(Article("a.txt", "新闻\n\n签约项目涵盖新型显示、鞋服等产业链。\n"
                                         "鞋服产业方面，荔城区人民政府与青岚鞋业有限公司签订智能制鞋项目协议。"))
    assert ("青岚鞋业有限公司", "鞋服") in _rels(x, "BELONGS_TO")
