"""Chinese supply relations: a supplier named after its customer (zh_supplies.py), the customer named
first (relations.py), what a signing sentence says next (zh_signing.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def test_supplier_named_after_its_customer():
    text = "标题\n\n近日，为长岭汽车有限公司配套的青溪精密部件有限公司宣布扩产。"
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    assert ("SUPPLIES", "青溪精密部件有限公司", "长岭汽车有限公司") in rels


def _supplies(body: str) -> set[tuple[str, str]]:
    from tests.extract.news_helpers import extract_news, rels

    return set(rels(extract_news(body), "SUPPLIES"))


def test_the_customer_named_first_and_its_supplier_after():
    got = _supplies("甲乙轮胎股份有限公司所用的合成橡胶主要由丙丁石化有限公司供应。"
                    "庚辛轮胎有限公司的帘子线供应商之一是位于胶州市的壬癸帘子布有限公司。"
                    "辛酉电缆有限公司的绝缘料主要采购自甲子高分子材料有限公司。")
    assert {("丙丁石化有限公司", "甲乙轮胎股份有限公司"), ("壬癸帘子布有限公司", "庚辛轮胎有限公司"),
            ("甲子高分子材料有限公司", "辛酉电缆有限公司")} <= got


def test_what_a_signing_sentence_says_next_about_who_delivers():
    got = _supplies("子丑钢铁有限公司（以下简称“子丑钢铁”）与寅卯机车车辆有限公司签约，将为后者的动车组配套供应耐候钢。"
                    "申酉航材有限公司与戌亥钛业有限公司签约，由戌亥钛业为其提供钛合金棒材坯料。")
    assert got == {("子丑钢铁有限公司", "寅卯机车车辆有限公司"), ("戌亥钛业有限公司", "申酉航材有限公司")}


def test_a_clause_naming_its_own_supplier_is_not_read_as_the_first_signer_delivering():
    got = _supplies("辰巳药业有限公司与午未饮片有限公司签署战略合作协议，午未饮片将作为辰巳药业的饮片供应商，每年为其供应饮片原料。")
    assert got == {("午未饮片有限公司", "辰巳药业有限公司")}


def test_a_nomination_notice_makes_the_announcer_a_supplier():
    got = _supplies("甲乙轮胎股份有限公司发布公告称，公司收到丙丁汽车工业有限公司的定点通知，将为其供应轮胎。")
    assert ("甲乙轮胎股份有限公司", "丙丁汽车工业有限公司") in got


def test_goods_given_to_firms_named_after_the_verb():
    from news_helpers import extract_news, rels

    x = extract_news("浙江海宇远洋渔业有限公司每年捕捞的鱿鱼约六成直接供给区内的舟山海之味食品有限公司和浙江兴洋水产股份有限公司。")
    assert {("浙江海宇远洋渔业有限公司", "舟山海之味食品有限公司"), ("浙江海宇远洋渔业有限公司", "浙江兴洋水产股份有限公司")} \
        <= set(rels(x, "SUPPLIES"))


def test_a_supplier_introduced_by_its_role_sells_to_the_buyer():
    x = extract_article(Article("a.txt", "标题\n\n青岚陶瓷集团已向石英砂供应商碧山矿业有限公司采购优质原料。"))
    names = {e.id: e.name for e in x.entities}
    assert "石英砂" not in names.values()
    assert [(names[r.head], names[r.tail]) for r in x.relations if r.type == "SUPPLIES"] == [
        ("碧山矿业有限公司", "青岚陶瓷集团")]


def test_a_supplier_after_a_place_and_de():
    got = _supplies("甲乙鞋业有限公司的大底由同在黄石的丙丁鞋材有限公司供货，胶粘剂全部采购自仙游县的戊己粘合剂有限公司。"
                    "庚辛鞋业有限公司与来自柯桥的壬癸印染有限公司进行了洽谈。")
    assert {("丙丁鞋材有限公司", "甲乙鞋业有限公司"), ("戊己粘合剂有限公司", "甲乙鞋业有限公司")} <= got
    assert ("壬癸印染有限公司", "庚辛鞋业有限公司") not in got


def test_a_maker_for_a_brand_supplies_it():
    # 代工厂 and 贴牌厂 make goods under the customer's brand; a word for what the customer
    # is (运动品牌) may stand before its name
    got = _supplies("安步体育有限公司则是国内知名运动品牌鸿途体育的代工厂，每年为其生产跑鞋。"
                    "此外，协泰鞋业有限公司是锐跑体育有限公司的贴牌厂。")
    assert ("安步体育有限公司", "鸿途体育") in got
    assert ("协泰鞋业有限公司", "锐跑体育有限公司") in got


def test_a_supplier_of_a_list_of_customers_and_of_a_customer_after_its_kind():
    # A是B、C等饲料企业的赖氨酸供应商: both customers, past a product word; 供应给本地饲料企业D:
    # the customer after a word for what it is
    got = _supplies("青禾生物科技股份有限公司是北京禾丰科技集团股份有限公司、新川六和股份有限公司等饲料企业的赖氨酸供应商，"
                    "同时将玉米蛋白粉供应给本地饲料企业通岭饲料有限公司。")
    assert {("青禾生物科技股份有限公司", "北京禾丰科技集团股份有限公司"),
            ("青禾生物科技股份有限公司", "新川六和股份有限公司"),
            ("青禾生物科技股份有限公司", "通岭饲料有限公司")} <= got


def test_a_local_cue_right_before_a_name_places_that_firm_alone():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("通辽市发展玉米产业。青禾生物科技股份有限公司向北京禾丰科技集团股份有限公司供货，"
                     "同时将玉米蛋白粉供应给本地饲料企业通岭饲料有限公司。")
    placed = set(rels(x, "LOCATED_IN"))
    assert ("通岭饲料有限公司", "通辽市") in placed
    assert ("北京禾丰科技集团股份有限公司", "通辽市") not in placed


def test_a_clause_opening_on_the_kind_of_a_firm_named_before_has_it_for_its_supplier():
    x = extract_article(Article("a.txt", "标题\n\n河南青禾食品有限公司与召陵区的漯河红叶辣椒种植专业合作社签订订单种植协议，"
                                         "合作社三年内为青禾食品供应干辣椒5000吨。"))
    names = {e.id: e.name for e in x.entities}
    supplies = {(names[r.head], names[r.tail]) for r in x.relations if r.type == "SUPPLIES"}
    assert ("漯河红叶辣椒种植专业合作社", "河南青禾食品有限公司") in supplies


def test_a_firm_that_makes_its_goods_from_anothers_product_is_its_customer():
    found = _supplies("衢州华丰包装有限公司以浙江恒达纸业有限公司的牛皮纸为原料生产纸箱。")
    assert ("浙江恒达纸业有限公司", "衢州华丰包装有限公司") in found


def test_a_supplier_after_you_may_say_how_it_delivers():
    found = _supplies("浙江恒达纸业有限公司拥有两条生产线。恒达纸业所需的蒸汽，由园区内的衢州能源有限公司通过管道直接输送。")
    assert ("衢州能源有限公司", "浙江恒达纸业有限公司") in found


def test_a_second_clause_after_a_supplier_clause_keeps_the_sentences_customer():
    found = _supplies("四平恒达换热设备有限公司是当地最大的整机企业。其换热器所用的板片由四平博川板材有限公司供应，"
                      "密封垫片则来自四平金岩密封件有限公司。")
    assert ("四平金岩密封件有限公司", "四平恒达换热设备有限公司") in found
    assert ("四平金岩密封件有限公司", "四平博川板材有限公司") not in found


def test_an_investor_named_after_you_supplies_nothing():
    found = _supplies("宝鸡华泰钛业有限公司是链主企业。其中，由上海锐材科技有限公司投资的粉末项目已落户园区，"
                      "产品将主要供应宝鸡钛源新材料有限公司。")
    assert ("宝鸡华泰钛业有限公司", "宝鸡钛源新材料有限公司") not in found


def test_each_firm_of_a_subject_of_joined_goods_supplies_the_customer():
    supplies = _supplies("东风康明斯发动机有限公司、东风德纳车桥有限公司展示了新品。据介绍，东风康明斯的发动机和东风德纳的车桥"
                         "主要为东风商用车有限公司配套，同时也供应陕西汽车集团有限责任公司。")
    for supplier in ("东风康明斯发动机有限公司", "东风德纳车桥有限公司"):
        assert (supplier, "东风商用车有限公司") in supplies
        assert (supplier, "陕西汽车集团有限责任公司") in supplies


def test_making_for_a_brand_as_its_oem_supplies_the_brand():
    supplies = _supplies("冠捷显示科技（北海）有限公司是冠捷科技集团的生产基地，其产品主要出口欧美市场，同时为联想、惠普等品牌"
                         "代工生产显示器。")
    assert {("冠捷显示科技（北海）有限公司", "联想"), ("冠捷显示科技（北海）有限公司", "惠普")} <= supplies


def test_piping_straight_to_listed_firms_supplies_each():
    supplies = _supplies("目前，大庆石化有限公司年产乙烯120万吨，其生产的乙烯、丙烯等基础原料，通过管道直供大庆华科股份有限公司、"
                         "大庆亿鑫化工股份有限公司等园区企业。")
    assert {("大庆石化有限公司", "大庆华科股份有限公司"), ("大庆石化有限公司", "大庆亿鑫化工股份有限公司")} <= supplies


def test_the_company_is_the_sentences_subject_and_a_relative_clauses_head_is_the_subject():
    supplies = _supplies("该市引进晶澳太阳能科技股份有限公司、深圳市德方纳米科技股份有限公司等龙头企业。"
                         "曲靖晶澳光伏科技有限公司是晶澳科技在云南的重要生产基地，该公司的硅片部分由曲靖隆基硅材料有限公司提供。"
                         "德方纳米在曲靖经开区建设的曲靖市德方纳米科技有限公司是其最大的生产基地，产品主要供应宁德时代、比亚迪等"
                         "电池企业。")
    assert ("曲靖隆基硅材料有限公司", "曲靖晶澳光伏科技有限公司") in supplies
    assert {("曲靖市德方纳米科技有限公司", "宁德时代"), ("曲靖市德方纳米科技有限公司", "比亚迪")} <= supplies


def test_every_buyer_of_a_list_buying_from_a_firm_is_its_customer():
    supplies = _supplies("湖南华菱湘潭钢铁有限公司（以下简称“湘钢”）是链主企业。三一重工股份有限公司、中联重科股份有限公司等工程机械"
                         "企业每年从湘钢采购大量高强度结构钢。")
    assert {("湖南华菱湘潭钢铁有限公司", "三一重工股份有限公司"), ("湖南华菱湘潭钢铁有限公司", "中联重科股份有限公司")} <= supplies


def test_firms_listed_as_supplying_it_supply_the_customer_of_the_clause_before():
    supplies = _supplies("湖南华菱湘潭钢铁有限公司（以下简称“湘钢”）是链主企业。在上游，湘钢梅塞尔气体产品有限公司为湘钢提供氧气等"
                         "工业气体；湘潭市恒欣耐火材料有限公司、湖南湘钢瑞泰科技有限公司等本地企业为其供应耐火材料。")
    assert {("湘潭市恒欣耐火材料有限公司", "湖南华菱湘潭钢铁有限公司"),
            ("湖南湘钢瑞泰科技有限公司", "湖南华菱湘潭钢铁有限公司")} <= supplies


def test_a_firm_that_only_qualifies_the_next_one_is_no_supplier():
    supplies = _supplies("同属江岸控股集团有限公司的青岚电子科技有限公司为碧山汽车有限公司配套线束。")
    assert ("青岚电子科技有限公司", "碧山汽车有限公司") in supplies
    assert not any(head.endswith("江岸控股集团有限公司") for head, _tail in supplies)


def test_a_short_form_in_brackets_after_the_supplier_keeps_the_frame():
    assert ("青岚锻造有限公司", "北辰飞机有限公司") in _supplies(
        "北辰飞机有限公司主要生产教练机，其所需的结构锻件由青岚锻造有限公司（简称“青岚公司”）供应。")


def test_a_supplier_that_is_its_supplier_too():
    assert ("青岚锻造有限公司", "北辰动力有限公司") in _supplies(
        "北辰动力有限公司位于青岚县，青岚锻造有限公司同样是其主要的环形锻件供应商。")


def test_goods_that_come_from_a_firm_in_the_same_park():
    found = _supplies("北辰负极材料有限公司主要生产负极材料。该公司所需的石墨原料，部分来自同在园区的青岚石墨制品有限公司。"
                      "来自青岚的南湖电子有限公司也参加了对接。")
    assert ("青岚石墨制品有限公司", "北辰负极材料有限公司") in found
    assert not any(s == "南湖电子有限公司" for s, _c in found)


def test_suppliers_closed_by_a_kind_of_firm_a_direct_supply_and_a_local_customer():
    found = _supplies("北辰乳酸科技有限公司每年消耗玉米约60万吨，主要由青岚粮油购销有限公司等本地粮食购销企业供应；"
                      "生产所需蒸汽则由同在园区的南湖热电有限公司通过管网直供。"
                      "其聚乳酸切片主要供应青岚本地的西山生物材料有限公司。")
    assert {("青岚粮油购销有限公司", "北辰乳酸科技有限公司"), ("南湖热电有限公司", "北辰乳酸科技有限公司"),
            ("北辰乳酸科技有限公司", "西山生物材料有限公司")} <= found


def test_the_project_of_the_firm_named_before_is_supplied_by_each_firm_of_a_list():
    found = _supplies("荔城区人民政府与北辰鞋业股份有限公司签订智能制鞋项目协议。北辰鞋业是本土成长起来的运动鞋企业。"
                      "据悉，该项目的鞋底、鞋面等材料将主要由青岚鞋材有限公司、南湖纺织科技有限公司等本地企业配套供应。")
    assert {("青岚鞋材有限公司", "北辰鞋业股份有限公司"), ("南湖纺织科技有限公司", "北辰鞋业股份有限公司")} <= found
