"""Chinese regions, listed county names, photo captions and bodies named only as a
person's employer."""

from chaingraph.extract.clean import clean_text
from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _entities(text: str) -> set[tuple[str, str]]:
    x = extract_article(Article("a.txt", text))
    return {(e.type, e.name) for e in x.entities}


def test_regions_are_cities_without_a_province():
    x = extract_article(Article("a.txt", "标题\n\n川渝地区企业与长三角企业在成都签约。"))
    regions = {e.name: e for e in x.entities if e.type == "City"}
    assert "川渝地区" in regions and "长三角" in regions
    assert regions["川渝地区"].province is None


def test_a_bare_county_name_counts_in_a_list_of_places():
    found = _entities("标题\n\n来自绵阳、射洪等地的企业参加了会议。")
    assert ("City", "射洪") in found
    assert ("City", "射洪") not in _entities("标题\n\n射洪的企业参加了会议。")


def test_photo_credit_lines_are_furniture():
    cleaned = clean_text("标题\n\n正文第一段。\n会议现场。某某区委宣传部供图\n正文第二段。")
    assert "供图" not in cleaned.text and [r.reason for r in cleaned.removed] == ["caption"]


def test_a_body_named_only_as_an_employer_is_left_out():
    found = _entities("标题\n\n6月1日，对接会在长沙举行。长沙市财政局局长王某、中国银联长沙分公司总经理李某等出席。"
                      "长沙市工业和信息化局主办了对接会。")
    assert ("Agency", "长沙市工业和信息化局") in found
    assert not {name for _t, name in found} & {"长沙市财政局", "中国银联长沙分公司"}


def test_a_chain_head_followed_by_its_compound_and_no_university_places():
    x = extract_article(Article("a.txt", "标题\n\n天津大学牵头建设的稀土催化研究院正式运营。园区搭建起从稀土催化技术研发到应用的链条，"
                                         "研究院引入多家企业。"))
    found = {(e.type, e.name) for e in x.entities}
    assert ("Chain", "稀土催化") in found and ("Chain", "稀土") not in found
    assert ("City", "天津") not in found and ("Agency", "研究院") not in found


def test_a_town_written_after_its_county_is_a_city_in_it():
    x = extract_article(Article("a.txt", "标题\n\n绍兴市柯桥区钱清镇拥有纺织企业500多家，城乡面貌一新。"))
    names = {e.id: e.name for e in x.entities}
    assert ("LOCATED_IN", "钱清镇", "柯桥区") in {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    assert "城乡" not in names.values()


def _located(text: str) -> set[tuple[str, str]]:
    x = extract_article(Article("a.txt", text))
    name = {e.id: e.name for e in x.entities}
    return {(name[r.head], name[r.tail]) for r in x.relations if r.type == "LOCATED_IN"}


def test_towns_standing_alone_are_places_of_the_county_named_before():
    text = ("标题\n\n佛山市顺德区家电企业众多，对接会在乐从镇举行。总部所在的乐从镇和陈村镇聚集了配套企业。"
            "当地正在打造特色小镇。")
    found = _entities(text)
    assert {("City", "乐从镇"), ("City", "陈村镇")} <= found
    assert not any(n.endswith("小镇") or n.startswith("的") for _t, n in found)
    assert ("乐从镇", "顺德区") in _located(text)


def test_a_county_now_a_district_and_a_shared_district_name_placed_by_its_city():
    # 繁昌县 became 繁昌区; 南山区 is a district of Shenzhen and of Hegang
    found = _entities("标题\n\n芜湖市繁昌区的锻造企业与深圳市南山区的无人机企业签约。")
    assert {("City", "繁昌区"), ("City", "南山区")} <= found
    assert ("City", "南山区") not in _entities("标题\n\n南山区的企业参加了会议。")


def test_a_district_named_from_a_county_stem_starts_a_word():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("钢材将用于中建八局在雄安新区承建的项目。")
    assert "安新区" not in names(x, "City")
    assert "繁昌区" in names(extract_news("该项目落户芜湖市繁昌区。"), "City")


def test_the_first_of_a_list_of_towns_and_townships_is_a_town():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("安吉县推动白茶精深加工，依托溪龙乡、天荒坪镇等主产区扩大种植。")
    assert {"溪龙乡", "天荒坪镇"} <= set(names(x, "City"))
    assert "家乡" not in names(extract_news("他回到家乡、故乡和老家。"), "City")


def test_a_town_named_after_its_county_counts_where_the_text_names_it_again():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("总部位于宜兴市官林镇的远东电缆有限公司中标多个项目。宜兴市创新高分子材料有限公司地处官林镇。"
                     "江苏东强股份有限公司位于官林镇工业集中区。")
    located = set(rels(x, "LOCATED_IN"))
    assert {("宜兴市创新高分子材料有限公司", "官林镇"), ("江苏东强股份有限公司", "官林镇")} <= located


def test_the_first_town_of_a_list_after_a_preposition_starts_after_it():
    from news_helpers import extract_news as _x, names as _names

    x = _x("香河县现有家具生产企业1200余家，主要分布在淑阳镇、安平镇。")
    assert {"淑阳镇", "安平镇"} <= set(_names(x, "City")) and "在淑阳镇" not in _names(x, "City")


def test_a_chinese_city_name_is_one_place_whatever_provinces_the_text_names():
    # 福州 (Fujian) and 抚州 (Jiangxi) are both "Fuzhou"; the characters say which
    x = extract_article(Article("a.txt", "标题\n\n福州市的企业与江西省的企业签约。"))
    fuzhou = next(e for e in x.entities if e.name == "福州市")
    assert fuzhou.province == "Fujian"


def test_an_event_name_keeps_a_word_its_boundary_character_opens():
    # 对 stops a name as a preposition, not as the first character of 对接
    found = _entities("标题\n\n7月2日，2024湖南（醴陵）陶瓷产业链供需对接暨项目签约大会在醴陵市举行。")
    assert ("Event", "2024湖南（醴陵）陶瓷产业链供需对接暨项目签约大会") in found


def test_two_character_counties_as_words_and_a_county_now_a_city():
    found = _entities("标题\n\n钛源公司在汉中市勉县投资建设海绵钛项目。平果市的铝企与百色市签约。推动市和县两级联动。")
    assert ("City", "勉县") in found and ("City", "平果市") in found
    assert ("City", "和县") not in found


def test_a_meeting_of_the_whole_province_keeps_it_in_its_name():
    found = _entities("标题\n\n5月15日，全省陶瓷产业链链长制工作推进会在醴陵市召开。")
    assert ("Event", "全省陶瓷产业链链长制工作推进会") in found


def test_a_citys_name_after_a_county_is_no_town_and_a_county_and_its_stem_name_one_alliance():
    found = _entities("标题\n\n江西上栗县的萍乡青岚引火线有限公司将为其供货。安吉办公座椅产业链协作联盟首批吸收56家企业。"
                      "安吉县办公座椅产业链协作联盟成立大会在安吉县举行。")
    assert not any(t == "City" and "萍乡" in n for t, n in found)
    assert [n for t, n in found if t == "Alliance"] == ["安吉县办公座椅产业链协作联盟"]


def test_a_province_name_inside_a_longer_word_is_no_place():
    found = _entities("标题\n\n宁夏文旅厅在银川主办2024贺兰山东麓葡萄酒产业链供需对接会。")
    assert ("Province", "山东") not in found


def test_a_new_area_is_a_district_of_its_city_and_its_firms_are_in_it():
    x = extract_article(Article("a.txt", "标题\n\n宜宾三江新区管理委员会在宜宾主办对接会。青岚锂能科技有限公司位于宜宾三江新区。"
                                         "三江新区已聚集电池企业60家。"))
    cities = {e.name: e for e in x.entities if e.type == "City"}
    assert "宜宾三江新区" in cities and "三江新区" in cities["宜宾三江新区"].aliases
    assert not any(e.type == "Cluster" for e in x.entities)
    names = {e.id: e.name for e in x.entities}
    located = {(names[r.head], names[r.tail]) for r in x.relations if r.type == "LOCATED_IN"}
    assert {("青岚锂能科技有限公司", "宜宾三江新区"), ("宜宾三江新区", "宜宾")} <= located


def test_an_events_name_keeps_a_chain_after_its_county_and_a_firms_supply_chain_meeting():
    x = extract_article(Article("a.txt", "标题\n\n7月5日，2024温岭市泵与电机产业链供需对接会在温岭举行。"))
    assert [e.name for e in x.entities if e.type == "Event"] == ["2024温岭市泵与电机产业链供需对接会"]
    x = extract_article(Article("a.txt", "标题\n\n3月8日，广东青岚电器集团有限公司2024年供应链合作伙伴大会暨战略合作签约仪式在佛山举行。"))
    assert [e.name for e in x.entities if e.type == "Event"] == [
        "广东青岚电器集团有限公司2024年供应链合作伙伴大会暨战略合作签约仪式"]


def test_a_city_the_dictionary_reads_as_a_verb_opens_its_parks_and_bodies_names():
    x = extract_article(Article("a.txt", "标题\n\n走进包头国家高新技术产业开发区（以下简称“包头高新区”），厂房林立。"
                                         "包头高新区管委会出台了支持措施。"))
    found = {(e.type, e.name): e for e in x.entities}
    assert ("Cluster", "包头国家高新技术产业开发区") in found
    assert "包头高新区" in found["Cluster", "包头国家高新技术产业开发区"].aliases
    assert ("Agency", "包头高新区管委会") in found
    assert not any(e.type == "Chain" for e in x.entities)  # 高新技术产业 is no chain


def test_a_new_area_named_with_its_city_names_the_city_too():
    found = _entities("标题\n\n负责人说，青岚半导体位于营口鲅鱼圈新区，交货只需3天。")
    assert {("City", "营口鲅鱼圈新区"), ("City", "营口")} <= found


def test_an_events_name_holds_a_quoted_term_and_the_firms_it_is_for():
    x = extract_article(Article("a.txt", "标题\n\n5月6日，青岚市重点产业链“链主”企业供需对接会在青岚举行。"
                                         "副市长张三在对接会上表示，将深化合作。"))
    assert [e.name for e in x.entities if e.type == "Event"] == ["青岚市重点产业链“链主”企业供需对接会"]


def test_a_hometown_nickname_is_no_township():
    x = extract_article(Article("a.txt", "标题\n\n临颍县作为全国“辣条之乡”，聚集了休闲食品企业120余家。"))
    assert not any("之乡" in e.name for e in x.entities)


def test_a_county_written_before_a_name_that_opens_on_its_province_is_where_the_firm_is():
    from news_helpers import extract_news, names, rels

    x = extract_news("连城县福建金岭纺织有限公司生产的滤布，去年进入了龙净环保的供应商名录。")
    assert "福建金岭纺织有限公司" in names(x, "Firm")
    assert "连城县" in names(x, "City")
    assert ("福建金岭纺织有限公司", "连城县") in rels(x, "LOCATED_IN")


def test_a_park_placed_in_a_city_and_its_district_is_in_the_district_and_a_copula_opens_no_park():
    text = "标题\n\n北海工业园区位于北海市银海区，是重点产业园区。"
    assert ("北海工业园区", "银海区") in _located(text)
    assert {name for kind, name in _entities(text) if kind == "Cluster"} == {"北海工业园区"}


def test_a_second_site_in_another_province_leaves_the_city_in_the_firms_name():
    text = ("标题\n\n走进湖南华菱湘潭钢铁有限公司（以下简称“湘钢”）的厂区，船板正在装车。除湘潭本部外，湘钢还在广东省阳春市"
            "拥有全资子公司阳春新钢铁有限责任公司。")
    located = _located(text)
    assert ("湖南华菱湘潭钢铁有限公司", "湘潭市") in located or ("湖南华菱湘潭钢铁有限公司", "湘潭") in located


def test_a_city_right_after_its_province_is_that_city_even_when_its_name_is_ambiguous_or_runs_into_it():
    x = extract_article(Article("a.txt", "新闻\n\n合源汽车在江西宜春和广西南宁设有整车生产基地。"))
    assert {"宜春", "南宁"} <= {e.name for e in x.entities if e.type == "City"}


def test_a_province_before_a_county_level_city_ending_in_xiang_makes_no_town():
    x = extract_article(Article("a.txt", "新闻\n\n合源汽车在浙江桐乡和江西宜春设有整车生产基地，企业分布在安吉县溪龙乡。"))
    cities = {e.name for e in x.entities if e.type == "City"}
    assert "浙江桐乡" not in cities and "溪龙乡" in cities
