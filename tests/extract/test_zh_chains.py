"""Chinese chains read before 产业链 (chinese.py): a county's name is the chain's place,
not part of it, and a word holding a shorter lexicon form is not cut inside."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names


def test_a_one_character_chain_after_its_county():
    x = _x("8月8日，桃江县竹产业链联盟成立大会在桃江县竹产业园召开。")
    assert "竹" in _names(x, "Chain") and "桃江县竹" not in _names(x, "Chain")


def test_a_chain_word_holding_a_shorter_chain_form_is_not_cut_inside():
    x = _x("局相关负责人表示，下一步将围绕碳化硅产业链“建链、补链、强链”。")
    assert _names(x, "Chain") == ["碳化硅"]


def test_a_noun_before_a_lexicon_form_narrows_the_chain():
    x = _x("近年来，株洲把碳化硅作为功率半导体产业的第二曲线来培育。")
    assert "功率半导体" in _names(x, "Chain") and "半导体" not in _names(x, "Chain")


def test_a_noun_the_dictionary_lacks_narrows_the_chain_after_its_place():
    # 冷链 is not in jieba's dictionary, so the segmenter leaves 冷 + 链
    x = _x("6月3日，江门市冷链食品产业链推进会在江门召开。")
    assert "冷链食品" in _names(x, "Chain") and "食品" not in _names(x, "Chain")



def test_one_character_chain_right_after_its_province_or_city():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n2024年广西铝产业链上下游产销对接会在百色举行。鹰潭市铜产业链项目集中签约。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert {"铝", "铜"} <= chains


def test_a_mountain_a_direction_and_a_year_before_the_trade_are_not_the_chain():
    x = _x("宁夏文旅厅在银川主办2024贺兰山东麓葡萄酒产业链供需对接会。")
    assert _names(x, "Chain") == ["葡萄酒"]


def test_a_numeral_word_naming_a_crop_stays_in_the_alliance_and_is_its_chain():
    x = _x("1月11日，文山三七产业链联盟成立大会在文山市召开。联盟将围绕标准制定开展工作。")
    assert _names(x, "Alliance") == ["文山三七产业链联盟"] and "三七" in _names(x, "Chain")


def test_a_place_in_brackets_before_the_chain_is_not_part_of_it():
    x = _x("7月2日，2024山东（诸城）冷链食品产业链供需对接暨项目签约大会在诸城市举行。")
    assert _names(x, "Chain") == ["冷链食品"]


def test_a_firm_named_for_a_two_character_trade_of_the_article_belongs_to_it():
    x = _x("2024云桥县办公座椅产业链对接会在云桥举行。参会企业覆盖整椅制造、五金、海绵等环节。"
           "云桥县新禾海绵制品有限公司、云桥天泽五金制品有限公司参加对接会。")
    names = {e.id: e.name for e in x.entities}
    belongs = {(names[r.head], names[r.tail]) for r in x.relations if r.type == "BELONGS_TO"}
    assert {("云桥县新禾海绵制品有限公司", "海绵"), ("云桥天泽五金制品有限公司", "五金")} <= belongs
    assert not any("办公座椅" in chain for _firm, chain in belongs)


def test_a_trade_the_lexicon_lacks_is_a_chain_before_产业_when_the_article_uses_it_again():
    x = _x("全区紧固件生产企业4000余家。区里将推动紧固件产业向高端化转型。绿色能源产业发展迅速，太阳能利用产业也在增长。")
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert "紧固件" in chains
    assert not chains & {"绿色能源", "太阳能利用"}
    once = _x("区里将推动螺母螺栓产业向高端化转型。")
    assert not any(e.type == "Chain" for e in once.entities)


def test_a_one_noun_compound_repeated_before_a_chain_form_and_an_alliance_of_firms():
    x = _x("淮安市盐化工产业链推进会举行。活动由淮安市人民政府主办，淮安区人民政府承办。"
           "会上，淮安市盐化工产业链企业联盟宣告成立。全市盐化工产业产值达680亿元。", title="盐化工")
    names = {(e.type, e.name) for e in x.entities}
    assert ("Chain", "盐化工") in names
    assert ("Alliance", "淮安市盐化工产业链企业联盟") in names
    assert {("Agency", "淮安市人民政府"), ("Agency", "淮安区人民政府")} <= names


def test_modifiers_and_verbs_before_产业链_and_a_count_cut_from_its_number_are_no_chain():
    x = _x("园区已形成从铜箔到锂电池制造的较完整产业链。下一步将持续开展产业链上下游对接。"
           "开幕式上，12个柑橘产业链项目集中签约。")
    chains = set(_names(x, "Chain"))
    assert "柑橘" in chains
    assert not chains & {"较完整", "持续开展", "个柑橘"}


def test_an_event_for_a_chains_leading_firms_keeps_its_whole_name():
    x = _x("6月18日，南通市船舶海工产业链链主企业配套对接会在启东市举行。")
    assert _names(x, "Event") == ["南通市船舶海工产业链链主企业配套对接会"]


def test_prepared_dishes_are_a_chain_and_name_an_alliance():
    from news_helpers import extract_news, names, rels

    x = extract_news("本次对接会由潍坊市商务局主办，潍坊市预制菜产业联盟承办。")
    assert "潍坊市预制菜产业联盟" in names(x, "Alliance")
    assert ("潍坊市预制菜产业联盟", "预制菜") in rels(x, "BELONGS_TO")


def test_a_trade_named_in_a_parks_name_and_again_is_a_chain():
    from news_helpers import extract_news, names, rels

    x = extract_news("龙游特种纸产业园已集聚特种纸企业30家，园区主攻食品包装纸。")
    assert "特种纸" in names(x, "Chain")
    assert ("龙游特种纸产业园", "特种纸") in rels(x, "BELONGS_TO")


def test_the_verb_that_makes_a_list_the_chains_is_no_part_of_its_last_member():
    from news_helpers import extract_news, names

    x = extract_news("该县把特种纸、生物医药作为两条重点产业链来培育。")
    assert {"特种纸", "生物医药"} <= set(names(x, "Chain"))
    assert not any("作为" in n for n in names(x, "Chain"))


def test_commercial_vehicles_are_a_chain_and_an_event_named_for_them_and_parts_keeps_its_whole_name():
    x = _x("5月17日，2024中国（十堰）商用车及零部件博览会在十堰国际会展中心开幕。湖北三环锻造有限公司等420家企业参展。")
    assert _names(x, "Event") == ["2024中国（十堰）商用车及零部件博览会"]
    assert "商用车" in _names(x, "Chain")


def test_a_rank_or_scale_before_a_trade_is_no_part_of_a_chain_and_a_planned_cluster_of_a_rank_no_name():
    x = _x("下一步，十堰将做强商用车及零部件产业链，打造世界级商用车产业集群。长沙将打造千亿级工程机械产业集群。")
    assert not any("级" in name for name in _names(x, "Chain"))
    assert _names(x, "Cluster") == []


def test_a_parks_rank_names_no_park_and_the_park_before_a_trade_is_no_part_of_the_chain():
    x = _x("北海工业园区位于北海市银海区，是广西壮族自治区级重点产业园区。2023年，园区电子信息产业产值达到980亿元。")
    assert _names(x, "Cluster") == ["北海工业园区"]
    assert _names(x, "Chain") == ["电子信息"]


def test_work_done_on_a_chain_is_no_chain_and_a_trade_verb_stays_one():
    x = _x("有关负责人表示，下一步将常态化开展产业链供需对接活动。船舶制造产业链很长。")
    assert _names(x, "Chain") == ["船舶制造"]


def test_a_verb_of_what_a_trade_does_stays_in_a_clusters_and_a_chains_name():
    x = _x("郴江县打造稀贵金属再生利用产业集群。园区重点发展电池回收产业链。")
    assert "稀贵金属再生利用产业集群" in _names(x, "Cluster")
    assert "电池回收" in _names(x, "Chain")


def test_a_leading_preposition_is_no_part_of_a_chains_or_a_firms_name():
    x = _x("园区以铜冶炼产业链为主导。岩州有色金属产业以岩州矿业集团股份有限公司为龙头，以岩安化工集团为依托。")
    assert "铜冶炼" in _names(x, "Chain")
    assert {"岩州矿业集团股份有限公司", "岩安化工集团"} <= set(_names(x, "Firm"))


def test_a_name_opening_on_yi_without_the_frame_keeps_it():
    x = _x("以岭药业股份有限公司与华润医药有限公司签约。")
    assert "以岭药业股份有限公司" in _names(x, "Firm")


def test_the_last_member_of_a_chain_list_ends_before_its_de_and_an_activity_alone_is_no_chain():
    x = _x("岩州已形成以深紫外光源为特色、涵盖外延片、芯片、封装和光伏组件的产业体系，涵盖研发、制造和应用的产业体系。")
    chains = set(_names(x, "Chain"))
    assert {"外延片", "芯片", "封装", "光伏组件"} <= chains
    assert not chains & {"光伏组件的", "应用", "制造", "应用的"}


def test_a_quality_before_a_chain_is_no_chain():
    x = _x("新能源汽车是岩州重点打造的标志性产业链之一，也是战略性产业。")
    assert _names(x, "Chain") == ["新能源汽车"]


def test_a_verbs_complement_is_no_part_of_the_chain_after_it():
    x = _x("图谱梳理出光电产业链上中下游重点环节42个。")
    assert _names(x, "Chain") == ["光电"]


def test_the_downstream_products_closing_a_chain_list_are_no_part_of_its_last_member():
    x = _x("岩州县重点发展银基新材料、光伏银浆、电子浆料等下游产品。")
    assert {"银基新材料", "光伏银浆", "电子浆料"} <= set(_names(x, "Chain"))
    assert not any("产品" in c for c in _names(x, "Chain"))


def test_a_closed_loop_is_a_quality_of_a_chain_not_its_name():
    x = _x("青岚工业园已形成“回收—再生—销售”的闭环产业链，区内企业年处理废旧电池10万吨。")
    assert "闭环" not in _names(x, "Chain")


def test_a_material_and_what_is_made_of_it_name_one_chain_park_and_event():
    x = _x("青岚云母和云母纸产业园已入驻企业20家。当地举办2023青岚云母和云母纸产业发展论坛。锆及锆制品产业是当地的主导产业。")
    assert "青岚云母和云母纸产业园" in _names(x, "Cluster")
    assert "2023青岚云母和云母纸产业发展论坛" in _names(x, "Event")
    assert {"云母和云母纸", "锆及锆制品"} <= set(_names(x, "Chain"))



def test_a_scale_before_the_chain_leaves_no_ji_on_its_name():
    chains = _names(_x("下一步，青岚市将打造百亿级云母纸产业链。"), "Chain")
    assert "云母纸" in chains and "级云母纸" not in chains
