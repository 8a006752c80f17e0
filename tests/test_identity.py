from chaingraph.identity import firm_id, name_key, node_id, place_key
from chaingraph.model import Label


def test_legal_suffixes_and_forms_share_one_key():
    assert name_key("Dongfeng Motor Group Co., Ltd.") == name_key("DONGFENG MOTOR") == "dongfeng motor"
    assert name_key("三一重工股份有限公司") == name_key("三一重工") == "三一重工"
    assert name_key("中国宏桥集团有限公司") == "中国宏桥"
    assert name_key("广东坚美铝型材厂(集团)有限公司") == name_key("广东坚美铝型材厂")
    # Full-width letters, ideographic spaces and case fold to one form.
    assert name_key("ＳＡＮＹ　Heavy  Industry Co.,Ltd") == name_key("Sany Heavy Industry")


def test_firm_id_prefers_credit_code_then_stock_code_then_name_and_place():
    assert firm_id("x", credit_code="91430100184883577B", stock_code="600031") == "firm:uscc:91430100184883577B"
    assert firm_id("三一重工", stock_code="600031.SH") == firm_id("三一重工股份有限公司", stock_code="600031")
    assert firm_id("星邦智能", credit_code="not a code", place="长沙市") == "firm:name:星邦智能@长沙"
    assert firm_id("Sunward Co., Ltd.", place="Changsha City") == firm_id("SUNWARD", place="changsha")


def test_place_and_other_ids():
    assert place_key("湖南省") == "湖南"
    assert node_id(Label.PROVINCE, "Hunan Province") == "province:湖南" == node_id(Label.PROVINCE, "湖南省")
    assert node_id(Label.CITY, "Changsha") == node_id(Label.CITY, "长沙市") == "city:长沙"
    assert node_id(Label.SEGMENT, "工程机械整机") == "segment:工程机械整机"


def test_suffix_layers_edges():
    # The suffix search works on the text's tail and last words; these pin the cases
    # where that could differ from "the longest suffix with something before it".
    assert name_key("有限公司") == "有限"            # never strips to nothing
    assert name_key("公司") == "公司"
    assert name_key("Co., Ltd.") == "co"
    assert name_key("Ltd") == "ltd"
    assert name_key("Acme Joint Stock Company Limited") == "acme"
    assert name_key("Acme Group Holdings Co Limited") == "acme"
    assert name_key("Acme Incorporated.") == "acme"
    assert name_key("华菱钢铁集团股份有限公司") == "华菱钢铁"
    assert name_key("Acme 集团") == "acme"
    assert name_key("三一重工 Co., Ltd.") == "三一重工"
    assert name_key("Xiangtan·Electric_Co") == "xiangtan electric"


def test_county_level_units_renamed_after_the_gazetteer_snapshot_are_known():
    # 云州区 (formerly 大同县, 2018) and 建安区 (formerly 许昌县, 2017) come from gazetteer_updates.tsv
    from chaingraph.gazetteer import gazetteer

    found = gazetteer().parse_address("山西省大同市云州区西坪镇")
    assert (found.city.short, found.county.name) == ("大同", "云州区")
    found = gazetteer().parse_address("贵州省六盘水市盘州市红果镇")  # 盘县 until 2017
    assert (found.city.short, found.county.name) == ("六盘水", "盘州市")
    assert gazetteer().canonical("建安区").city_code == "411000"


def test_places_named_with_du_are_found_by_their_pinyin():
    # 都 in a place name reads dū (宁都 Ningdu, 都匀 Duyun, 花都 Huadu); 涡阳 Guoyang, 什邡 Shifang, 洪洞 Hongtong
    from chaingraph.gazetteer import gazetteer

    assert [gazetteer().canonical(n).short for n in ("Ningdu", "Duyun", "Huadu", "Guoyang", "Shifang", "Hongtong")] \
        == ["宁都", "都匀", "花都", "涡阳", "什邡", "洪洞"]
