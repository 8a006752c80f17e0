"""Chinese signings read as clauses (zh_signing.py): dated subjects, kinds of firm
before a side, and later clauses that carry the paragraph's subject."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _extract(text: str):
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    return {e.name for e in x.entities if e.type == "Firm"}, rels


def _signed(rels, a, b):
    return ("SIGNED_WITH", a, b) in rels or ("SIGNED_WITH", b, a) in rels


def test_dated_subject_and_kind_before_the_other_side():
    text = "标题\n\n钴材巨头翔鹭锂能11月初与正极材料商晟泰科签署三年供应协议，双方约定分批交付。"
    firms, rels = _extract(text)
    assert {"翔鹭锂能", "晟泰科"} <= firms
    assert _signed(rels, "翔鹭锂能", "晟泰科")
    assert ("SUPPLIES", "翔鹭锂能", "晟泰科") in rels


def test_later_clauses_carry_the_subject_and_a_bare_sign_verb():
    text = "标题\n\n电池企业沃川能源5日与岚图汽车签署合作协议；8日再与储能集成商海曜思创签署采购协议，9日又与铂川科技签三年长约。"
    firms, rels = _extract(text)
    assert {"沃川能源", "海曜思创", "铂川科技"} <= firms
    assert _signed(rels, "沃川能源", "海曜思创") and _signed(rels, "沃川能源", "铂川科技")
    assert ("SUPPLIES", "海曜思创", "沃川能源") in rels


def test_parent_before_subsidiary_is_a_firm_of_its_own():
    text = "标题\n\n翠峰钴业子公司衢江锂材跟日企森和化学签署供应协议。"
    firms, rels = _extract(text)
    assert {"翠峰钴业", "衢江锂材", "森和化学"} <= firms
    assert "翠峰钴业子公司" not in firms
    assert _signed(rels, "衢江锂材", "森和化学")


def test_later_mentions_after_a_preposition_and_former_latter():
    text = ("标题\n\n锂材企业鑫钴材料3日与晟川能源签署合作框架协议，约定晟川能源将向鑫钴材料供应前驱体。"
            "电池企业沃川能源与储能商岚海智储签署十年协议，后者未来三年向前者采购电芯。")
    _firms, rels = _extract(text)
    assert ("SUPPLIES", "晟川能源", "鑫钴材料") in rels
    assert ("SUPPLIES", "沃川能源", "岚海智储") in rels


def test_the_latter_delivering_for_or_to_the_former_supplies_it():
    text = ("标题\n\n装备企业岳麓重机与液压商湘江液压签署合作协议，后者将为前者供应油缸。"
            "岳麓重机与钢材商星沙特钢签约，后者今年给前者提供特种钢材。")
    _firms, rels = _extract(text)
    assert ("SUPPLIES", "湘江液压", "岳麓重机") in rels
    assert ("SUPPLIES", "星沙特钢", "岳麓重机") in rels
    assert ("SUPPLIES", "岳麓重机", "湘江液压") not in rels


def test_the_one_made_a_supplier_supplies_the_subject():
    text = "标题\n\n电池企业沃川能源与铂川科技签署长约，将其作为负极材料第一供应商。"
    _firms, rels = _extract(text)
    assert ("SUPPLIES", "铂川科技", "沃川能源") in rels


def test_a_plain_worded_name_right_after_a_kind_of_firm_is_a_side():
    text = "标题\n\n电池企业沃川能源8日与储能集成商光明能源签署供货协议。"
    firms, rels = _extract(text)
    assert "光明能源" in firms
    assert _signed(rels, "沃川能源", "光明能源")


def _supplies(text: str) -> set[tuple[str, str]]:
    x = extract_article(Article("a.txt", text))
    name = {e.id: e.name for e in x.entities}
    return {(name[r.head], name[r.tail]) for r in x.relations if r.type == "SUPPLIES"}


def test_the_rest_of_a_signing_clause_naming_the_other_side_qi():
    found = _supplies("标题\n\n青岚铜箔有限公司与望岳电池有限公司签订合作协议，将为其动力电池配套铜箔；"
                      "江城结构件有限公司与湘岳汽车有限公司签约，成为其电池包壳体供应商。")
    assert ("青岚铜箔有限公司", "望岳电池有限公司") in found
    assert ("江城结构件有限公司", "湘岳汽车有限公司") in found


def test_who_delivers_outranks_the_kind_of_agreement_and_a_county_prefix_is_no_part_of_a_short_name():
    found = _supplies("标题\n\n双岳食品有限公司与望奎县青岚牧业有限公司签订生猪供应协议，青岚牧业每年将向双岳食品供应商品猪30万头。")
    assert found == {("望奎县青岚牧业有限公司", "双岳食品有限公司")}


def test_firms_listed_as_supporting_firms_supply_the_firm_before_them():
    found = _supplies("标题\n\n园区围绕望岳科技有限公司推进本地配套，已吸引青岚精密有限公司、江城包装有限公司等30余家配套企业落户。")
    assert {("青岚精密有限公司", "望岳科技有限公司"), ("江城包装有限公司", "望岳科技有限公司")} <= found
    assert ("望岳科技有限公司", "青岚精密有限公司") not in found


def test_two_event_names_joined_by_ji_are_one_event():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("8月18日，2023年唐山市钢铁产业链供需对接会暨精品钢材推介会在唐山举行。")
    assert names(x, "Event") == ["2023年唐山市钢铁产业链供需对接会暨精品钢材推介会"]


def test_a_conjunction_after_a_place_stays_inside_a_name_of_chains():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("7月6日，宝鸡市钛及钛合金产业链创新联盟成立大会在宝鸡举行。")
    assert names(x, "Event") == ["宝鸡市钛及钛合金产业链创新联盟成立大会"]
    assert "钛及钛合金" in names(x, "Chain")


def test_a_purchase_agreement_whose_subject_becomes_the_others_supplier():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n大同星弧燃料电池科技有限公司与山西云帆氢能科技股份有限公司参加签约。"
                                         "星弧燃料电池则与云帆氢能签订电堆采购协议，成为其燃料电池系统的核心供应商。"))
    names = {e.id: e.name for e in x.entities}
    supplies = {(names[r.head], names[r.tail]) for r in x.relations if r.type == "SUPPLIES"}
    assert supplies == {("大同星弧燃料电池科技有限公司", "山西云帆氢能科技股份有限公司")}


def test_the_latter_named_after_you_delivering_to_it_supplies_the_subject():
    # 由后者向其供应: the latter (the other side) delivers to 其, the subject
    text = "标题\n\n会上，岳麓机电与湘源铸造有限公司签约，由后者向其供应泵壳铸件。"
    _firms, rels = _extract(text)
    assert ("SUPPLIES", "湘源铸造有限公司", "岳麓机电") in rels
    assert ("SUPPLIES", "岳麓机电", "湘源铸造有限公司") not in rels


def test_a_joint_purchase_agreement_makes_no_supplier_of_either_side():
    # 统一采购: the chain leader and its peers buy together, from neither of each other
    text = "标题\n\n链主企业瓷峰陶瓷集团与玉岚瓷业、青柏窑业等企业签订釉料统一采购协议。"
    _firms, rels = _extract(text)
    assert _signed(rels, "瓷峰陶瓷集团", "玉岚瓷业")
    assert not any(r[0] == "SUPPLIES" for r in rels)


def test_every_member_of_a_list_of_signers_signs():
    # A、县里的B等粮贸企业与C签订…，为其供应: both A and B sign with C and supply it
    text = ("标题\n\n通辽市发展玉米产业。开鲁县的开鲁丰禾粮贸有限公司、科尔沁左翼中旗的金粒玉米收储有限公司等粮贸企业"
            "与青禾生物科技股份有限公司签订了长期购销合同，每年为其供应玉米。")
    _firms, rels = _extract(text)
    for a in ("开鲁丰禾粮贸有限公司", "金粒玉米收储有限公司"):
        assert _signed(rels, a, "青禾生物科技股份有限公司")
        assert ("SUPPLIES", a, "青禾生物科技股份有限公司") in rels


def test_tong_inside_the_other_sides_name_is_no_conjunction():
    # 与北京同心堂签订: the side is 北京同心堂 (同 stands inside names), the short form of the
    # registered name the article gives before
    text = ("标题\n\n北京同心堂健康科技有限公司负责人出席大会。现场签约项目如下：\n"
            "4.鑫禾参茸与北京同心堂签订参茸制品供货合同；")
    firms, rels = _extract(text)
    assert "心堂" not in firms and "北京同心堂" not in firms
    assert _signed(rels, "鑫禾参茸", "北京同心堂健康科技有限公司")


def test_a_chinese_agreement_is_what_its_last_word_says():
    # 年采购2亿元的参茸制品供货合同 is a supply contract: the subject supplies
    text = "标题\n\n鑫禾参茸与岭南同泰有限公司签订年采购2亿元的参茸制品供货合同。"
    _firms, rels = _extract(text)
    assert ("SUPPLIES", "鑫禾参茸", "岭南同泰有限公司") in rels
    assert ("SUPPLIES", "岭南同泰有限公司", "鑫禾参茸") not in rels


def test_attending_a_signing_ceremony_is_no_signing():
    # 出席签约仪式: 签约 names the ceremony here, not what the two bodies before it did
    text = "标题\n\n甘肃省种子总站和湖北省电子信息产品质量监督检验院的负责人出席签约仪式。"
    _firms, rels = _extract(text)
    assert not any(r[0] == "SIGNED_WITH" for r in rels)


def test_a_supply_agreement_whose_sum_is_a_purchase_is_the_subjects_purchase():
    # …签订了年度供货协议，采购金额合计1.6亿元: the subject buys from the other sides
    text = "标题\n\n永泰轴承有限公司与万达保持架有限公司、鑫宇钢球有限公司签订了年度供货协议，采购金额合计1.6亿元。"
    _firms, rels = _extract(text)
    assert ("SUPPLIES", "万达保持架有限公司", "永泰轴承有限公司") in rels
    assert ("SUPPLIES", "永泰轴承有限公司", "万达保持架有限公司") not in rels
