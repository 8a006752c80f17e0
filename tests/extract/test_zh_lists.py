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


def test_industry_lists_and_coordinated_chains_split_unless_a_plan_names_them():
    text = ("标题\n\n6月2日，宁川召开2024宁川投资洽谈会，签约项目涵盖材料与智能装备、氢能、软件与信创、"
            "医疗器械与康养产业等领域。宁川出台了《关于支持软件与信创产业发展的若干政策》。"
            "宁川氢能产业联盟将分制氢产业、储氢产业、加氢装备产业等3大类别布局。")
    ents, rels = _extract(text)
    chains = {n for t, n in ents if t == "Chain"}
    assert {"材料", "智能装备", "医疗器械", "康养", "软件与信创"} <= chains
    assert "医疗器械与康养" not in chains
    assert {"制氢", "储氢", "加氢装备"} <= chains
    assert ("BELONGS_TO", "宁川氢能产业联盟", "储氢") in rels
    assert any(t == "ABOUT" and d == "康养" for t, _h, d in rels)


def test_unquoted_names_joined_by_and_closed_by_a_kind_of_firm():
    text = "标题\n\n业内人士称，华岳汽车和青山重工等多家大型机械制造商推迟交付，市场受到影响。"
    ents, _rels = _extract(text)
    assert {("Firm", "华岳汽车"), ("Firm", "青山重工")} <= ents


def test_a_place_before_a_line_break_opens_the_list_after_it():
    text = "标题\n\n全省现有茶叶企业200余家，其中昆明市共有\n“岭云茶业”、“翠岚茗坊”等13家企业入选名录。"
    _ents, rels = _extract(text)
    assert ("LOCATED_IN", "岭云茶业", "昆明市") in rels


def test_two_lists_run_together_are_read_apart():
    text = "标题\n\n会上，岚图汽车、江帆汽车等整车企业与沃川电池、华霆动力等20余家零部件企业进行了对接。"
    ents, _rels = _extract(text)
    firms = {n for t, n in ents if t == "Firm"}
    assert {"江帆汽车", "沃川电池"} <= firms
    assert not any("等" in n for n in firms)


def test_a_list_right_after_the_event_sentence_takes_part_in_it():
    text = ("标题\n\n日前，宁川市商务局主办的2024宁川袜业供需对接会在宁川举行。“浪川袜业”“梦溪针织”等30多家企业"
            "与外地采购商开展洽谈。")
    _ents, rels = _extract(text)
    assert any(t == "PARTICIPATED_IN" and h == "梦溪针织" for t, h, _d in rels)


def test_quoted_titles_of_firms_are_no_firms():
    text = "标题\n\n全市新增“专精特新”“小巨人”等企业30家，“浙江制造”、“品字标”等企业达到50家。"
    ents, _rels = _extract(text)
    assert not any(t == "Firm" for t, _n in ents)


def test_what_firms_do_for_others_is_no_trade_chain():
    text = "标题\n\n“浪川针织”“梦溪纺织”等30多家外贸企业参加洽谈。当地外贸企业订单增长。"
    ents, _rels = _extract(text)
    assert ("Firm", "梦溪纺织") in ents
    assert ("Chain", "外贸") not in ents


def test_chain_lists_closed_by_a_count_or_a_link_word_and_joined_by_he():
    text = ("标题\n\n该市提出重点培育智能网联汽车、工业母机和生物制造3条新兴产业链。"
            "首批成员涵盖正极材料、负极材料、隔膜及电解液等环节。")
    ents, _rels = _extract(text)
    chains = {n for t, n in ents if t == "Chain"}
    assert {"智能网联汽车", "工业母机", "生物制造", "正极材料", "负极材料", "隔膜", "电解液"} <= chains
    assert not any(n.startswith(("条", "重点", "培育")) for n in chains)


def test_what_a_plan_develops_is_a_list_of_chains():
    text = "标题\n\n根据方案，该区重点发展工业机器人、数控机床和精密减速器；力争三年见效。"
    ents, _rels = _extract(text)
    assert {("Chain", "工业机器人"), ("Chain", "数控机床"), ("Chain", "精密减速器")} <= ents


def test_chains_of_a_sentence_summing_up_the_year_are_not_the_events():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("8月18日，唐山市钢铁产业链供需对接会在唐山举行。现场签约项目52个。"
                     "今年以来，市工信局已组织开展钢铁、装备制造、化工等产业链对接活动11场。")
    about = {t for _h, t in rels(x, "ABOUT")}
    assert "钢铁" in about and not {"装备制造", "化工"} & about


def test_chain_lists_closed_by_a_count_and_an_adjective_or_by_zai_nei_de():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("方案明确由县领导担任链长，围绕绿色家居、白茶、高端装备制造三条重点产业链推进强链补链。"
                     "全市已形成中药饮片、中成药和大健康产品在内的完整产业链。")
    chains = set(names(x, "Chain"))
    assert {"绿色家居", "白茶", "高端装备制造", "中药饮片", "中成药"} <= chains
    assert not any("三条" in c for c in chains)


def test_a_policy_verb_or_a_county_wide_prefix_is_no_part_of_a_chain():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("安吉出台产业链链长制实施方案。到2025年，全县绿色家居产业链产值突破1000亿元。", title="安吉新闻")
    chains = set(names(x, "Chain"))
    assert "绿色家居" in chains and not {"安吉出台", "全县绿色家居"} & chains


def test_a_sentence_opening_on_the_members_lists_them_and_a_second_list_supplies_no_one_in_the_first():
    from news_helpers import extract_news, rels

    x = extract_news("青岚县座椅产业链联盟成立大会在青岚县召开。联盟首批吸收成员企业30家。首批成员中，既有望岳座椅有限公司、"
                     "南湖家具有限公司等整椅企业，也有东山海绵制品有限公司、西山铝业有限公司等配套企业。")
    members = {h for h, _t in rels(x, "MEMBER_OF")}
    assert {"望岳座椅有限公司", "南湖家具有限公司", "东山海绵制品有限公司", "西山铝业有限公司"} <= members
    assert rels(x, "SUPPLIES") == []


def test_a_list_that_signed_at_the_ceremony_took_part_in_it():
    from news_helpers import extract_news, rels

    x = extract_news("12月5日，2024青岚县花炮产业链项目集中签约仪式在青岚县举行。\n\n此外，望岳文化旅游发展有限公司、"
                     "南湖焰火燃放有限公司等企业也在仪式上签约了文旅配套项目。")
    took_part = {h for h, _t in rels(x, "PARTICIPATED_IN")}
    assert {"望岳文化旅游发展有限公司", "南湖焰火燃放有限公司"} <= took_part


def test_a_list_of_trades_closed_by_firms_is_a_list_of_chains():
    found, _rels = _extract("标题\n\n园区内聚集了宁夏青岚酒业有限公司等32家酒企，同时引进了包装、橡木桶、文旅等配套企业。")
    assert {("Chain", "橡木桶"), ("Chain", "文旅")} <= found
    assert not any(t == "Firm" and n in ("橡木桶", "文旅", "包装") for t, n in found)


def test_towns_listed_before_dengdi_are_places_not_firms():
    found, _rels = _extract("标题\n\n顺德已形成完整产业链。北滘镇、容桂街道等地集聚了家电整机和零部件企业。")
    assert not any(t == "Firm" for t, _n in found)


def test_a_layout_of_a_leading_chain_and_its_flanks_lists_chains():
    x = extract_article(Article("a.txt", "标题\n\n青岚园区已形成以光伏组件为主导、储能电池和氢能装备为两翼的产业格局。"))
    assert sorted(e.name for e in x.entities if e.type == "Chain") == ["储能电池", "光伏组件", "氢能装备"]


def test_what_one_chain_brings_together_is_a_list_of_chains():
    x = extract_article(Article("a.txt", "标题\n\n当地形成了集茶树育种、茶叶加工、茶具制造于一体的产业链。"))
    assert {"茶叶加工", "茶具制造"} <= {e.name for e in x.entities if e.type == "Chain"}


def test_a_count_after_the_last_member_and_its_deng_are_not_its_name():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n2024年葵花籽产业链产销对接会举行。对接会上，36个合作项目现场签约，签约金额21.6亿元，"
                                         "涉及食葵、油葵、炒货、包装和物流等多个环节。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert {"食葵", "油葵", "包装", "物流"} <= chains
    assert "物流等" not in chains


def test_a_list_closed_by_等配套集群_ends_on_its_last_member():
    x = extract_article(Article("a.txt", "标题\n\n全市将重点培育船用动力、甲板机械、船用电缆等配套集群。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert {"船用动力", "甲板机械", "船用电缆"} <= chains
    assert not any("集群" in c for c in chains)


def test_the_work_done_on_a_listed_trade_is_no_part_of_its_name():
    x = extract_article(Article("a.txt", "标题\n\n此次签约项目15个，涉及玉米制种基地建设、种子精深加工、包装材料本地化等领域。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert {"玉米制种", "包装材料"} <= chains
    assert not any(c.endswith(("建设", "本地化")) for c in chains)


def test_a_list_of_fields_opened_inside_what_looked_like_a_member_starts_there():
    x = extract_article(Article("a.txt", "标题\n\n湘钢是湘潭市精品钢材产业链的链主企业，其宽厚板、线棒材产品广泛用于船舶制造、工程机械等行业。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert {"船舶制造", "工程机械"} <= chains
    assert not any("用于" in c or c == "宽厚板" for c in chains)


def test_a_declared_short_name_in_a_list_read_as_chains_stays_the_firm():
    x = extract_article(Article("a.txt", "标题\n\n东风商用车有限公司（以下简称“东风商用车”）展示了新车。湖北三环锻造有限公司等本地"
                                         "零部件企业与东风商用车、大运汽车股份有限公司等整车企业进行了洽谈。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    firm = next(e for e in x.entities if e.name == "东风商用车有限公司")
    assert "东风商用车" not in chains and "东风商用车" in firm.aliases



def test_a_supply_verb_inside_a_member_opens_the_list_of_customers():
    entities, rels = _extract("新闻\n\n岩州精密有限公司在嘉兴设有多个生产基地，其铝合金电池盒、车身结构件已批量供应合源汽车、"
                              "云途汽车等车企。")
    firms = {name for kind, name in entities if kind == "Firm"}
    assert "铝合金电池盒" not in firms and not any("供应" in f for f in firms)
    assert ("SUPPLIES", "岩州精密有限公司", "合源汽车") in rels


def test_products_closed_by_a_supply_verb_before_a_firm_are_no_firms():
    text = "标题\n\n其高强钢板、镀锌钢卷等产品批量供应湘岭重机股份有限公司、江岸重科股份有限公司等工程机械企业。"
    ents, _rels = _extract(text)
    assert {("Firm", "湘岭重机股份有限公司"), ("Firm", "江岸重科股份有限公司")} <= ents
    assert not {("Firm", "高强钢板"), ("Firm", "镀锌钢卷")} & ents


def test_the_fields_of_an_events_participants_are_what_it_is_about():
    text = ("标题\n\n9月8日，青岚市特钢产业链供需对接会在青岚举行。来自省内外的钢铁、船舶、工程机械等领域的80余家企业参加活动。")
    _ents, rels = _extract(text)
    about = {t for kind, h, t in rels if kind == "ABOUT"}
    assert {"船舶", "工程机械"} <= about
