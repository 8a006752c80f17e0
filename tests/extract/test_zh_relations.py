"""Chinese relations across clauses (zh_relations.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article
from news_helpers import extract_news as _x, rels as _rels


def _relations(text: str) -> set[tuple[str, str, str]]:
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    return {(r.type, names[r.head], names[r.tail]) for r in x.relations}


def test_signing_takes_the_sentence_subject_and_a_purchase_agreement_gives_supplies():
    rels = _relations("标题\n\n湘江储能科技有限公司负责人前往长沙，出席发布会，同时宣布已与长沙云帆电子有限公司签订采购协议。")
    assert ("SIGNED_WITH", "湘江储能科技有限公司", "长沙云帆电子有限公司") in rels
    assert ("SUPPLIES", "长沙云帆电子有限公司", "湘江储能科技有限公司") in rels


def test_reselling_to_a_firm_is_supplying_it():
    rels = _relations("标题\n\n北方汽车必须由海川贸易有限公司从境外采购钢材，再转售给北方汽车有限公司。")
    assert ("SUPPLIES", "海川贸易有限公司", "北方汽车有限公司") in rels


def test_a_firm_in_a_park_belongs_to_it_and_is_in_the_park_s_county():
    rels = _relations("标题\n\n位于太康县产业集聚区内的河南云锦织造有限公司正在扩产。")
    assert ("BELONGS_TO", "河南云锦织造有限公司", "太康县产业集聚区") in rels
    assert ("LOCATED_IN", "河南云锦织造有限公司", "太康县") in rels
    assert ("LOCATED_IN", "河南云锦织造有限公司", "河南") not in rels


def test_an_event_held_by_our_province_is_in_the_article_s_province():
    rels = _relations("河南举办纺织产业链对接大会\n\n8月1日，我省举办纺织产业链对接大会，河南多家企业参加。")
    assert any(t == "LOCATED_IN" and h.endswith("对接大会") and d == "河南" for t, h, d in rels)


def test_who_attends_an_event_another_firm_hosts_did_not_organise_it():
    rels = _relations("标题\n\n4月20日，湘江储能科技有限公司负责人前往长沙，出席长沙云帆电子有限公司主办的新产品发布会。")
    assert ("ORGANIZED", "长沙云帆电子有限公司", "新产品发布会") in rels
    assert ("ORGANIZED", "湘江储能科技有限公司", "新产品发布会") not in rels


def test_a_named_supplier_and_firms_of_a_park_or_a_city():
    rels = _relations("标题\n\n湖南云帆电子有限公司是长沙星辰汽车有限公司的一级供应商。"
                      "浏阳经开区内的株洲华瑞精工有限公司今年产值增长两成。长沙市的湘江储能科技有限公司扩产。")
    assert ("SUPPLIES", "湖南云帆电子有限公司", "长沙星辰汽车有限公司") in rels
    assert ("BELONGS_TO", "株洲华瑞精工有限公司", "浏阳经开区") in rels
    assert ("LOCATED_IN", "湘江储能科技有限公司", "长沙市") in rels


def test_a_firm_settling_with_no_place_named_is_in_the_article_s_city():
    rels = _relations("标题\n\n东营经济技术开发区加快化工产业发展。看好这片市场，湘江储能科技有限公司果断落户。东营的企业越来越多。")
    assert ("LOCATED_IN", "湘江储能科技有限公司", "东营") in rels


def test_firms_belong_to_the_article_s_only_chain_and_a_read_chain_is_found_again():
    x = extract_article(Article("a.txt", "标题\n\n移动支付服务提供商湘江储能科技有限公司负责人表示，公司看好市场。"
                                         "大会邀请了移动支付产业链各环节的代表。长沙云帆电子有限公司也参加了。"))
    names = {e.id: e.name for e in x.entities}
    chains = [e for e in x.entities if e.type == "Chain"]
    assert [c.name for c in chains] == ["移动支付"] and len(chains[0].mentions) == 2
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    assert {("BELONGS_TO", "湘江储能科技有限公司", "移动支付"), ("BELONGS_TO", "长沙云帆电子有限公司", "移动支付")} <= rels


def test_firms_listed_after_a_place_with_yu_are_one_side_of_the_signing():
    text = ("宜宾动力电池产业链招商推介会举行\n\n6月1日，宜宾动力电池产业链招商推介会在成都举行。"
            "推介会上，宜宾市与宁德时代、天原集团等企业签订投资协议。")
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    assert {"宁德时代", "天原集团"} <= {e.name for e in x.entities if e.type == "Firm"}
    assert not [r for r in x.relations if r.type == "SIGNED_WITH"], [(names[r.head], names[r.tail]) for r in x.relations]


def test_firms_beside_a_list_of_fields_are_not_put_in_each_field():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n当地聚集了青岚科技有限公司、望岳电子有限公司等整机企业，以及电池、电机、"
                                         "飞控等环节的配套企业。"))
    kinds = {e.id: e.type for e in x.entities}
    assert sum(1 for e in x.entities if e.type == "Chain") >= 3
    assert not [r for r in x.relations if r.type == "BELONGS_TO" and kinds[r.head] == "Firm"
                and kinds[r.tail] == "Chain"]


def test_the_units_that_govern_an_alliance_are_its_members():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("7月6日，宝鸡市钛产业链创新联盟成立。大会选举宝钛集团有限公司为理事长单位，"
                     "西部超导材料科技股份有限公司、宝鸡拓普达钛业有限公司等8家单位为副理事长单位。")
    members = {h for h, _t in rels(x, "MEMBER_OF")}
    assert {"宝钛集团有限公司", "西部超导材料科技股份有限公司", "宝鸡拓普达钛业有限公司"} <= members


def test_every_firm_of_a_list_opened_by_in_the_park_belongs_to_the_park():
    x = _x("北海工业园区位于北海市银海区。北海电子信息产业集群入选特色产业集群名单。链主企业北海惠科光电技术有限公司（简称“北海惠科”）是惠科股份有限公司投资建设的生产线。"
           "北海惠科生产的液晶面板除供应集团内部的整机工厂外，还大量供应给园区内的冠捷显示科技（北海）有限公司、北海三诺数字科技"
           "有限公司等企业，用于生产显示器。")
    members = {firm for firm, park in _rels(x, "BELONGS_TO") if park == "北海工业园区"}
    assert members == {"冠捷显示科技（北海）有限公司", "北海三诺数字科技有限公司"}


def test_co_organisers_each_followed_by_the_short_name_it_declares_organised_the_event():
    x = _x("8月24日，2023年大庆市石化产业链供需对接会在大庆高新技术产业开发区举行。对接会由大庆市工业和信息化局主办，"
           "中国石油天然气股份有限公司大庆石化分公司（以下简称“大庆石化”）、中国石油天然气股份有限公司大庆炼化分公司"
           "（以下简称“大庆炼化”）协办。160余家企业参加了对接活动。")
    organizers = {head for head, _event in _rels(x, "ORGANIZED")}
    assert {"中国石油天然气股份有限公司大庆石化分公司", "中国石油天然气股份有限公司大庆炼化分公司"} <= organizers


def test_firms_said_to_be_the_parks_or_listed_as_in_it_belong_to_a_development_zone():
    x = _x("走进湖北云溪经济开发区，厂房整齐排列。湖北云溪锂材股份有限公司是园区龙头企业之一，年产正极材料5万吨。"
           "云溪恒昌新材料有限公司、湖北瑞丰电池科技有限公司等企业也在园区内形成了完整链条。"
           "湖北恒泰化工有限公司位于武汉。")
    members = {firm for firm, park in _rels(x, "BELONGS_TO") if park == "湖北云溪经济开发区"}
    assert members == {"湖北云溪锂材股份有限公司", "云溪恒昌新材料有限公司", "湖北瑞丰电池科技有限公司"}


def test_firms_in_the_zone_belong_to_the_park_the_sentence_named_before_them():
    x = _x("青岚经开区和碧山高新区是全省重点园区。据介绍，青岚循环经济工业区已形成“回收—再生—销售—回收”的闭环产业链："
           "区内的青岚再生资源科技有限公司（青岚再生）年处理废旧电池60万吨。")
    assert ("青岚再生资源科技有限公司", "青岚循环经济工业区") in _rels(x, "BELONGS_TO")


def test_the_park_an_article_names_most_is_the_park_its_firms_settle_in():
    x = _x("青岚高新技术产业开发区（以下简称“青岚高新区”）聚焦新能源汽车产业。青岚高新区位于青岚市东部。"
           "同样落户园区的碧山电池科技有限公司规划产能20GWh。江岸电子股份有限公司在青岚高新区建有片式元件产业园。",
           "青岚高新区：新能源汽车产业加速集聚")
    assert ("碧山电池科技有限公司", "青岚高新技术产业开发区") in _rels(x, "BELONGS_TO")


def test_a_firm_said_to_be_in_the_park_too_belongs_to_it():
    x = _x("青岚经济技术开发区聚焦电池产业。碧山电源技术有限公司也在园区内，其启停电池已进入多家车企的配套体系。",
           "青岚经开区：电池产业集聚")
    assert ("碧山电源技术有限公司", "青岚经济技术开发区") in _rels(x, "BELONGS_TO")


def test_a_firms_head_office_is_where_it_is():
    x = _x("碧山电子科技股份有限公司是国内老牌元器件企业，总部位于肇庆市端州区，在青岚建有新工厂。")
    assert ("碧山电子科技股份有限公司", "端州区") in _rels(x, "LOCATED_IN")


def test_a_clause_opening_on_located_in_speaks_of_the_sentences_subject():
    x = _x("碧山飞机工业有限责任公司是江岸航空集团有限公司下属骨干企业，位于汉中市城固县，是运输机研制基地。")
    located = _rels(x, "LOCATED_IN")
    assert ("碧山飞机工业有限责任公司", "城固县") in located
    assert not any(head == "江岸航空集团有限公司" for head, _t in located)


def test_a_firm_builds_a_base_in_a_place():
    located = _rels(_x("青岚茶厂有限公司始建于1953年。近年来，该厂在苍梧县建设了标准化生态茶园基地。"
                       "北辰茶业有限公司除梧州本部外，还在贺州市建有茶叶初制加工基地。"), "LOCATED_IN")
    assert ("青岚茶厂有限公司", "苍梧县") in located
    assert ("北辰茶业有限公司", "贺州市") in located


def test_the_counted_firms_each_signed_with_the_body():
    signed = _rels(_x("该项目的材料将主要由青岚鞋材有限公司、南湖纺织科技有限公司等本地企业配套供应，"
                      "两家企业当天也分别与涵江区人民政府签订了扩产协议。"), "SIGNED_WITH")
    assert {("青岚鞋材有限公司", "涵江区人民政府"), ("南湖纺织科技有限公司", "涵江区人民政府")} <= set(signed)
