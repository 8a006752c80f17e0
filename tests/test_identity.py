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
