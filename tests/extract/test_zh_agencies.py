"""Chinese government bodies by short name, institutes and foreign bodies
(zh_agencies.py); founding verbs and short forms of a firm (zh_merge.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _entities(text: str):
    x = extract_article(Article("a.txt", text))
    return x.entities, {(e.type, e.name) for e in x.entities}


def test_short_names_institutes_and_foreign_bodies_are_agencies():
    _ents, types = _entities("标题\n\n工信部近日发布通知。中科院声学所与韩国产业通商资源厅签署合作协议。")
    assert {("Agency", "工信部"), ("Agency", "中科院声学所"), ("Agency", "韩国产业通商资源厅")} <= types


def test_a_firm_read_across_an_institute_is_cut_and_words_after_a_body_are_not_one():
    _ents, types = _entities("标题\n\n中科院光电所智能装备集团项目落户南京。日本委托方希望合作。")
    assert ("Agency", "中科院光电所") in types
    assert ("Firm", "智能装备集团") in types
    assert not any(t == "Agency" and n.startswith("日本") for t, n in types)


def test_founding_verb_is_cut_and_a_tail_short_form_joins_the_firm():
    ents, types = _entities("标题\n\n两家企业拟共同发起设立江宁光电装备集团有限公司。光电装备集团将在南京建设工厂。")
    assert ("Firm", "江宁光电装备集团有限公司") in types
    firm = next(e for e in ents if e.name == "江宁光电装备集团有限公司")
    assert "光电装备集团" in firm.aliases


def test_foreign_bodies_get_no_chinese_place_and_counts_are_no_firms():
    x = extract_article(Article("a.txt", "标题\n\n江苏省推进产业升级。德国联邦经济事务署发布报告。全省将培育3至5家上市公司。"))
    names = {e.id: e.name for e in x.entities}
    assert "德国联邦经济事务署" in names.values()
    assert not any(r.type == "LOCATED_IN" and names[r.head].startswith("德国") for r in x.relations)
    assert not any(e.type == "Firm" for e in x.entities)


def test_a_provincial_short_form_joins_the_full_name():
    ents, _types = _entities("标题\n\n湖南省机械工业行业协会召开年会。会上，省机械工业协会发布报告，省机械行业协会表示支持。")
    assoc = [e for e in ents if "协会" in e.name]
    assert len(assoc) == 1 and assoc[0].name == "湖南省机械工业行业协会"


def test_kinds_of_alliance_and_generic_parks_are_no_names():
    _ents, types = _entities("标题\n\n省科技厅将支持产业技术创新战略联盟的组建，改变产业链和产业集群松散的局面。宁川光电产业联盟成立。")
    assert ("Alliance", "宁川光电产业联盟") in types
    assert not any(n.startswith("产业") for t, n in types if t in ("Alliance", "Cluster"))


def test_an_association_or_chamber_of_an_industry_is_an_alliance():
    _ents, types = _entities("标题\n\n江城市工业机器人协会与江城市家用电器商会联合主办对接会，江城市科学技术协会出席。")
    assert ("Alliance", "江城市工业机器人协会") in types and ("Alliance", "江城市家用电器商会") in types
    assert ("Agency", "江城市科学技术协会") in types
    # a trade named by its 业 (鞋业, 纺织业) makes the chamber an association of firms too
    _ents, types = _entities("标题\n\n江城市制伞业商会组织会员企业参展。")
    assert ("Alliance", "江城市制伞业商会") in types


def test_words_of_a_bodys_own_name_stay_in_it():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("活动由亳州市投资促进局、亳州市政务服务管理局承办。")
    assert {"亳州市投资促进局", "亳州市政务服务管理局"} <= set(names(x, "Agency"))


def test_a_place_is_named_as_the_text_writes_it_on_its_own():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("推介会由亳州市人民政府主办。亳州是全国最大的中药材集散地，亳州将坚持药材立市。")
    assert "亳州" in names(x, "City")


def test_a_citys_short_form_of_a_body_is_its_full_name():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("对接会由唐山市工业和信息化局主办。市工信局相关负责人表示，将继续推进。")
    assert names(x, "Agency") == ["唐山市工业和信息化局"]


def test_a_body_named_with_and_inside_and_two_hosts_joined_by_lianhe():
    from news_helpers import extract_news as _x, names as _names, rels as _rels

    x = _x("今年6月，普陀区经济和信息化局联合区海洋与渔业局举办2024普陀区水产品加工产业链上下游对接会。"
           "市商务局和区发改局出席。")
    agencies = _names(x, "Agency")
    assert {"区海洋与渔业局", "市商务局", "区发改局"} <= set(agencies)
    event = "2024普陀区水产品加工产业链上下游对接会"
    assert _names(x, "Event") == [event]
    assert {("普陀区经济和信息化局", event), ("区海洋与渔业局", event)} <= set(_rels(x, "ORGANIZED"))



def test_a_prefectures_government_and_its_county_level_citys_are_two_bodies():
    _ents, found = _entities("标题\n\n文山市人民政府与青岚药业有限公司签约。\n\n主办单位：文山壮族苗族自治州人民政府")
    assert {("Agency", "文山市人民政府"), ("Agency", "文山壮族苗族自治州人民政府")} <= found


def test_a_branch_of_an_association_and_an_alliance_with_an_adverb_in_its_name():
    x = extract_article(Article("a.txt", "标题\n\n本届博览会由中国机械通用零部件工业协会紧固件分会主办。会上成立了青岚茶产业链共富联盟。"))
    alliances = {e.name for e in x.entities if e.type == "Alliance"}
    assert {"中国机械通用零部件工业协会紧固件分会", "青岚茶产业链共富联盟"} <= alliances


def test_a_signing_meeting_is_an_event():
    x = extract_article(Article("a.txt", "标题\n\n8月22日，“2024年青岚市锂电产业链供需对接暨项目签约会”在青岚举行。"))
    assert [e.name for e in x.entities if e.type == "Event"] == ["2024年青岚市锂电产业链供需对接暨项目签约会"]


def test_a_quoted_event_held_somewhere_is_the_main_event_though_the_title_names_it_shorter():
    x = extract_article(Article("a.txt", "青岚锂电产业链供需对接会举行\n\n8月22日，“2024年青岚市锂电产业链供需对接会”在碧山经济技术开发区举行。"
                                         "活动由青岚市人民政府主办。"))
    events = [e.name for e in x.entities if e.type == "Event"]
    assert events == ["2024年青岚市锂电产业链供需对接会"]


def test_an_industry_promotion_association_is_an_alliance_and_a_lists_close_is_no_member():
    x = extract_article(Article("a.txt", "标题\n\n大会由青岚市工业和信息化局、青岚市米粉产业促进会联合主办。联盟首批吸纳会员单位48家，"
                                         "涵盖米粉、酸笋、包装印刷和冷链物流等上下游环节。力争到2025年全区米粉产业集群产值突破300亿元。"))
    found = {(e.type, e.name) for e in x.entities}
    assert ("Alliance", "青岚市米粉产业促进会") in found
    assert ("Chain", "冷链物流") in found and not any("等" in name for _t, name in found)
    assert not any(t == "Cluster" for t, _n in found)


def test_an_institute_is_a_body_and_government_departments_are_none():
    x = extract_article(Article("a.txt", "签约\n\n活动现场，多家企业与政府部门、上下游企业签约。"
                                         "南椰生物与中国热带农业科学院椰子研究所签订种苗繁育合作协议。"))
    agencies = {e.name for e in x.entities if e.type == "Agency"}
    assert agencies == {"中国热带农业科学院椰子研究所"}


def test_promotion_centres_stations_and_inspection_institutes_are_bodies():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n张掖市投资促进中心、甘肃省种子总站和湖北省电子信息产品质量监督检验院派员参会。"))
    assert {"张掖市投资促进中心", "甘肃省种子总站", "湖北省电子信息产品质量监督检验院"} <= {
        e.name for e in x.entities if e.type == "Agency"}


def test_two_bodies_joined_by_和_and_a_union_of_cooperatives():
    x = extract_article(Article("a.txt", "标题\n\n仪式由邵阳市人民政府主办，邵阳市商务局和邵阳经济技术开发区管理委员会承办。"
                                         "广东丽源生物科技有限公司与隆回县金银花种植专业合作社联合社签订采购协议。"))
    names = {(e.type, e.name) for e in x.entities}
    assert {("Agency", "邵阳市商务局"), ("Agency", "邵阳经济技术开发区管理委员会")} <= names
    assert ("Firm", "隆回县金银花种植专业合作社联合社") in names
    assert not any("和" in n for _t, n in names)


def test_an_association_and_a_bank_branch_joined_by_与_are_two_bodies():
    x = extract_article(Article("a.txt", "标题\n\n会上，丹阳眼镜商会与中国银行丹阳支行签订战略合作协议。"))
    names = {e.name for e in x.entities}
    assert "中国银行丹阳支行" in names
    assert not any("与" in n for n in names)


def test_chambers_and_associations_of_a_kind_are_no_body():
    from news_helpers import extract_news, names

    x = extract_news("来自长三角的80余家企业和商协会代表参加了本次推介会。")
    assert names(x, "Agency") == [] and names(x, "Alliance") == []


def test_a_tenders_evaluation_panel_is_no_body():
    from news_helpers import extract_news, names

    x = extract_news("经评标委员会评审，并经采购人确认，本项目中标人为四川华兴管业有限公司。")
    assert names(x, "Agency") == []
