"""Chinese short firm names found by what stands around them (zh_firms.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _firms(text: str) -> set[str]:
    x = extract_article(Article("a.txt", text))
    return {e.name for e in x.entities if e.type == "Firm"}


def test_title_and_department_cues_name_the_firm():
    text = "标题\n\n沃芯汽车CEO王某表示，沃芯汽车将扩大采购。青岚微电采购部部长李某出席。"
    assert {"沃芯汽车", "青岚微电"} <= _firms(text)


def test_kind_of_firm_before_the_name_and_one_member_lists():
    text = "标题\n\n外资车企的北京星河就必须向境外采购，宝钢等国内供应商难以进入。"
    assert {"北京星河", "宝钢"} <= _firms(text)


def test_members_of_a_list_with_a_firm_are_firms():
    text = "标题\n\n园区引入云汉精工股份有限公司。随后又引入云汉精工、东珩、贵研等多个项目。"
    firms = _firms(text)
    assert {"东珩", "贵研"} <= firms


def test_ordinary_words_places_and_chains_are_not_firms():
    text = "标题\n\n该企业的技术人员正在调试设备。华为技术有限公司将在成都建设研发中心，与新能源汽车企业合作。"
    firms = _firms(text)
    assert not firms & {"技术人员", "成都建设", "成都", "新能源汽车"}


def test_a_chain_ending_in_a_verb_word_and_led_by_a_firm_name():
    x = extract_article(Article("a.txt", "标题\n\n星联与湘江储能科技有限公司合作。大会邀请了星联移动支付产业链各环节的代表，"
                                         "共同切入产业链上游。"))
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert "移动支付" in chains and "切入" not in chains


def test_both_sides_of_a_supply_or_a_signing_are_firms():
    x = extract_article(Article("a.txt", "标题\n\n星途锂能将为一汽配套动力电池。赣川锂业成为特斯拉的供应商。"
                                         "湘钴股份向长城汽车供货，并将为外资车企配套。"))
    names = {e.id: e.name for e in x.entities}
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"星途锂能", "一汽", "赣川锂业", "特斯拉", "长城汽车"} <= firms and "外资车企" not in firms
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    assert ("SUPPLIES", "星途锂能", "一汽") in rels and ("SUPPLIES", "赣川锂业", "特斯拉") in rels


def test_a_leading_preposition_and_a_chain_word_across_words():
    x = extract_article(Article("a.txt", "标题\n\n园区龙头企业如宏达集团、恒瑞集团纷纷扩产。全县现有10多家具有竞争力的企业。"))
    assert {"宏达集团", "恒瑞集团"} <= {e.name for e in x.entities if e.type == "Firm"}
    assert "家具" not in {e.name for e in x.entities if e.type == "Chain"}


def test_signing_lists_purchases_named_suppliers_and_builders_name_firms():
    x = extract_article(Article("a.txt", "标题\n\n签约仪式上，比亚迪与湖南中伟新能源、邦普循环分别签订合作协议。"
                                         "隆基绿能将向通威股份采购多晶硅。晶科能源在上饶建设了光伏组件生产基地。"
                                         "通讯企业的发展离不开芯片。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"比亚迪", "湖南中伟新能源", "邦普循环", "隆基绿能", "通威股份", "晶科能源"} <= firms
    assert "通讯" not in firms


def test_a_declared_short_name_is_the_firm_it_shortens():
    text = ("标题\n\n湘岳精密机械股份有限公司（以下简称“湘岳精机”）与望岳重工有限公司（望岳重工）签约。"
            "根据协议，湘岳精机将为望岳重工供应液压阀。")
    x = extract_article(Article("a.txt", text))
    firms = {e.name: e.aliases for e in x.entities if e.type == "Firm"}
    assert set(firms) == {"湘岳精密机械股份有限公司", "望岳重工有限公司"}
    assert "湘岳精机" in firms["湘岳精密机械股份有限公司"] and "望岳重工" in firms["望岳重工有限公司"]


def test_a_subsidiary_and_a_chain_before_a_firm_are_not_its_name():
    text = ("标题\n\n甲方公告称，公司全资子公司湘岳精密机械有限公司与望岳重工有限公司签约。"
            "智能装备产业链以望岳重工有限公司为链主。湘岳子公司将扩产。")
    firms = _firms(text)
    assert "湘岳精密机械有限公司" in firms and "望岳重工有限公司" in firms
    assert not any("子公司" in f or "产业链" in f for f in firms)


def test_a_boundary_character_inside_a_full_name_does_not_cut_it():
    # 和 after a place and one character, 都 inside the word 洪都: parts of the names
    text = ("标题\n\n会上，佛山市利和塑胶制品有限公司、广东万和新电气股份有限公司与来自南昌的洪都芯联科技有限公司签约。"
            "甲乙集团和丙丁有限公司也签了约。")
    firms = _firms(text)
    assert {"佛山市利和塑胶制品有限公司", "广东万和新电气股份有限公司", "洪都芯联科技有限公司"} <= firms
    assert "丙丁有限公司" in firms and not any(f.startswith("甲乙集团和") for f in firms)


def test_a_short_name_used_alone_joins_the_full_name_it_heads():
    text = ("标题\n\n芜湖青岚汽车安全系统股份有限公司与望岳汽车股份有限公司签约。"
            "根据协议，青岚将为望岳供应制动系统。")
    x = extract_article(Article("a.txt", text))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert firms == {"芜湖青岚汽车安全系统股份有限公司", "望岳汽车股份有限公司"}
    name = {e.id: e.name for e in x.entities}
    assert ("芜湖青岚汽车安全系统股份有限公司", "望岳汽车股份有限公司") in {
        (name[r.head], name[r.tail]) for r in x.relations if r.type == "SUPPLIES"}


def test_a_leading_numeral_stays_in_a_name_and_a_descriptor_before_it_does_not():
    text = ("标题\n\n链主由总部位于哈尔滨的九三粮油工业集团有限公司担任。由稀土冶炼龙头青岚稀土集团有限公司牵头，"
            "江城市工业和信息化局会同省农业农村厅推进。")
    x = extract_article(Article("a.txt", text))
    names = {(str(e.type), e.name) for e in x.entities}
    assert ("Firm", "九三粮油工业集团有限公司") in names and ("Firm", "青岚稀土集团有限公司") in names
    assert ("Agency", "江城市工业和信息化局") in names


def test_a_verb_of_winning_or_buying_ends_the_walk_back_to_a_firm_name():
    text = ("标题\n\n海岚轮胎发布公告称，公司收到远川汽车工业有限公司的定点通知。炭黑主要采购自鲁北联科化工有限公司。"
            "去年，东缆电缆中标华电输变电有限公司多个项目。")
    firms = _firms(text)
    assert {"远川汽车工业有限公司", "鲁北联科化工有限公司", "华电输变电有限公司"} <= firms
    assert not any(f.startswith(("公司", "自", "东缆电缆中标")) for f in firms)


def test_an_ordinal_inside_a_firm_name_numbers_its_unit():
    assert "中国建筑第八工程局有限公司" in _firms("标题\n\n津西钢铁与中国建筑第八工程局有限公司签署战略合作协议。")


def test_a_verb_before_the_place_a_firm_name_opens_with_is_not_the_name():
    from news_helpers import extract_news, names

    x = extract_news("《方案》确定河北丽家家具集团有限公司、香河县金凤凰家具有限公司为链主企业。")
    assert "河北丽家家具集团有限公司" in names(x, "Firm")
    assert not [f for f in names(x, "Firm") if f.startswith("确定")]


def test_a_short_name_after_the_articles_district_in_the_full_name_is_that_firm():
    from news_helpers import extract_news, names

    x = extract_news("今年6月，舟山市普陀区经信局举办2024普陀区水产品加工产业链上下游对接会。普陀明珠冷链物流有限公司是区内"
                     "冷链企业。对接会上，明珠冷链与海鲜汇、渔乡人分别签订冷链配送协议。")
    firms = {e.name: e.aliases for e in x.entities if e.type == "Firm"}
    assert "明珠冷链" not in firms and "明珠冷链" in firms["普陀明珠冷链物流有限公司"]


def test_numeral_words_places_and_compounds_inside_full_names_are_kept():
    # 三七 (a herb) is tagged a numeral, 大连 an adverb, and 供应 opens 供应链: none cuts a name
    text = ("标题\n\n副理事长单位包括滇南金岭三七饮片有限公司、青川三七云仓供应链管理有限公司等8家。"
            "滇川精工有限公司与大连锐川半导体材料有限公司签署供货协议。"
            "产品已批量进入武汉青湖存储科技有限公司等晶圆厂。")
    firms = _firms(text)
    assert {"滇南金岭三七饮片有限公司", "青川三七云仓供应链管理有限公司", "大连锐川半导体材料有限公司",
            "武汉青湖存储科技有限公司"} <= firms
    assert not any(f.startswith(("饮片", "链管理", "锐川", "批量")) for f in firms)


def _aliases(text: str) -> dict[str, list[str]]:
    x = extract_article(Article("a.txt", text))
    return {e.name: e.aliases for e in x.entities if e.type == "Firm"}


def test_short_names_drop_county_stems_and_trade_words_but_not_a_trade():
    text = ("标题\n\n浙江义乌星棱服饰有限公司、诸暨云帆针织有限公司和江西南康木森家具有限公司参加了对接会。"
            "云帆针织向星棱供应面料，木森则与云帆针织签订了合作协议。")
    aliases = _aliases(text)
    assert "星棱" in aliases["浙江义乌星棱服饰有限公司"]
    assert "云帆针织" in aliases["诸暨云帆针织有限公司"]
    # a bare form the text also uses for a trade names no one firm
    text = "标题\n\n湖北随州菌香食品有限公司参展。当地菌香企业还有十余家。"
    assert "菌香" not in _aliases(text)["湖北随州菌香食品有限公司"]


def test_a_short_name_may_keep_the_name_and_its_last_trade_word():
    aliases = _aliases("标题\n\n文山华锦三七饮片有限公司参会。华锦饮片是当地最大的饮片企业。")
    assert "华锦饮片" in aliases["文山华锦三七饮片有限公司"]


def test_a_city_and_its_county_before_a_firm_are_no_firm():
    firms = _firms("标题\n\n成员单位中既有长治市的山西上党焦化氢能有限公司、吕梁孝义市的山西鑫晟氢能源有限公司。")
    assert "吕梁孝义市" not in firms


def test_a_time_word_or_a_one_character_verb_before_a_place_is_not_the_firms():
    found = _firms("标题\n\n过去配件要从外省采购，现在青岚新材料、望岳铝业等本地企业都能供货。"
                   "成员既有南湖家具有限公司等整机企业，也有安吉县青禾海绵制品有限公司等配套企业。")
    assert {"青岚新材料", "安吉县青禾海绵制品有限公司"} <= found
    assert not any(f.startswith(("现在", "有")) for f in found)


def test_a_name_opening_on_a_numeral_word_keeps_it_but_a_count_does_not():
    found = _firms("标题\n\n主要客户包括万家福商业连锁有限公司、北京青岚电子商务有限公司等。全省有3万家公司完成备案。")
    assert "万家福商业连锁有限公司" in found and not any(f.startswith("3万") or f == "公司" for f in found)


def test_a_county_the_dictionary_reads_as_a_verb_opens_its_bodys_name():
    x = extract_article(Article("a.txt", "标题\n\n项目中，即墨区人民政府与青岚储能科技有限公司签约。"))
    assert {"即墨区人民政府", "青岚储能科技有限公司"} <= {e.name for e in x.entities}


def test_common_nouns_saying_what_a_firm_is_are_not_its_name():
    x = extract_article(Article("a.txt", "标题\n\n区政府与生鲜电商平台杭州青岚网络科技有限公司签约。"))
    assert "杭州青岚网络科技有限公司" in {e.name for e in x.entities if e.type == "Firm"}


def test_names_keep_a_function_character_that_is_theirs():
    x = extract_article(Article("a.txt", "标题\n\n青岚钢铁与碧山农机有限公司、三和精工（益阳）有限公司分别签订协议。"
                                         "钨都新材料有限公司推介了产品。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"三和精工（益阳）有限公司", "钨都新材料有限公司"} <= firms


def test_a_supply_verb_and_a_foreign_legal_form_bound_firm_names():
    x = extract_article(Article("a.txt", "标题\n\n其光伏螺栓已批量配套青岚新能源科技（衡水）有限公司。"
                                         "碧山正极还与韩国大青材料株式会社签订供货协议。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"青岚新能源科技（衡水）有限公司", "韩国大青材料株式会社"} <= firms


def test_bank_branches_are_firms():
    x = extract_article(Article("a.txt", "签约\n\n会上，兴业银行莆田分行与莆田嘉美鞋业有限公司签订授信协议，中国银行丹阳支行为企业提供贷款。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"兴业银行莆田分行", "中国银行丹阳支行"} <= firms and "兴业银行" not in firms


def test_list_members_fill_their_slots_and_short_names_join_them():
    x = extract_article(Article("a.txt", "钢琴联盟\n\n12月12日，德清县钢琴产业联盟成立大会暨产业链合作项目签约仪式在洛舍镇举行。"
                                         "浙江华音钢琴股份有限公司是链主企业。联盟首批成员单位包括华音钢琴、德清施特劳钢琴、"
                                         "洛舍镇金鹰琴业、浙江音悦数码乐器等整机和配件企业。"
                                         "签约仪式上，施特劳钢琴与华音钢琴签订采购协议。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"德清施特劳钢琴", "洛舍镇金鹰琴业", "浙江音悦数码乐器"} <= firms
    assert "施特劳钢琴" not in firms  # the short name is the listed firm's
    assert not [e for e in x.entities if e.type == "Chain" and "暨" in e.name]


def test_a_seller_after_cong_and_a_customer_before_a_chain_of_brands_are_firms():
    x = extract_article(Article("a.txt", "椰子\n\n甲乙光学科技股份有限公司每年从华晶新材采购单体原料3000余吨。"
                                         "椰盛食品有限公司的椰子水主要供给沪上茶里等连锁品牌。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"华晶新材", "沪上茶里"} <= firms


def test_a_party_after_its_role_is_a_firm():
    x = extract_article(Article("a.txt", "签约\n\n当天，司徒镇的金豪眼镜制造有限公司与温州市瓯海区的金属材料供应商瑞通合金签订钛合金丝材采购合同。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert "瑞通合金" in firms and not any("供应商" in f for f in firms)


def test_a_groups_subsidiary_named_after_qixia_is_a_firm():
    x = extract_article(Article("a.txt", "签约\n\n日喀则藏源牦牛肉制品有限公司与光明集团旗下上海农场签订牦牛肉供货协议。"))
    assert "上海农场" in {e.name for e in x.entities if e.type == "Firm"}


def test_a_numeral_opening_a_name_stays_but_a_count_does_not():
    x = extract_article(Article("a.txt", "签约\n\n签约项目如下：\n三、万视达光学与京东签订线上渠道合作协议。全县新增产能5万台。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert "万视达光学" in firms and "视达光学" not in firms


def test_a_word_read_as_an_adverb_after_the_place_of_a_registered_name_stays_in_it():
    # jieba tags 真味 an adverb; after 广东 it is the firm's own word, not a cut
    text = "标题\n\n河套葵业集团有限公司当天与广东真味坚果食品有限公司签订供货协议。"
    firms = _firms(text)
    assert "广东真味坚果食品有限公司" in firms
    assert "坚果食品有限公司" not in firms


def test_a_farmers_cooperative_is_a_firm_and_a_kind_of_one_is_not():
    text = ("标题\n\n河套葵业集团有限公司与当地120多个种植合作社签订订单。"
            "其中，五原县丰收葵花种植专业合作社去年向河套葵业集团有限公司交售葵花籽4800吨。")
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert "五原县丰收葵花种植专业合作社" in firms
    assert not any(f.startswith("种植合作社") or f == "120多个种植合作社" for f in firms)
    assert ("五原县丰收葵花种植专业合作社", "河套葵业集团有限公司") in {
        (names[r.head], names[r.tail]) for r in x.relations if r.type == "SUPPLIES"}


def test_a_word_read_as_a_numeral_that_counts_nothing_stays_in_a_name():
    # 多层 is tagged a numeral; 三家 still counts
    text = "标题\n\n黄石华信多层线路板有限公司与三家铜箔企业签约。"
    firms = _firms(text)
    assert "黄石华信多层线路板有限公司" in firms
    assert "线路板有限公司" not in firms


def test_a_purchasing_meeting_for_quoted_chain_leaders_is_one_event():
    # X产业链供需对接暨“链主”企业采购大会: 采购 and the firms it is for are the event's name
    x = extract_article(Article("a.txt", "标题\n\n5月23日，黄石市电子信息产业链供需对接暨“链主”企业采购大会在黄石经济技术开发区举行。"))
    assert "黄石市电子信息产业链供需对接暨“链主”企业采购大会" in {e.name for e in x.entities if e.type == "Event"}


def test_a_short_name_after_the_province_of_a_registered_name_is_that_firm():
    # 云州黄花 (a district's name and a word) is all of 山西云州黄花农业开发有限公司 after 山西
    text = ("标题\n\n大同市云州区黄花产业发展迅速。北京惠农优选电子商务有限公司与山西云州黄花农业开发有限公司签订供货协议。"
            "宏远冷链物流有限公司与云州黄花签订冷链协议。")
    x = extract_article(Article("a.txt", text))
    firm = next(e for e in x.entities if e.name == "山西云州黄花农业开发有限公司")
    assert "云州黄花" in firm.aliases
    assert "云州黄花" not in {e.name for e in x.entities}


def test_a_short_name_of_two_characters_and_the_trade_is_the_registered_firm():
    # 永泰轴承: 永泰 and 轴承 of 山东永泰精密轴承有限公司, 精密 left out
    text = "标题\n\n山东永泰精密轴承有限公司加入联盟。会上，永泰轴承与万达保持架签订了年度供货协议。"
    x = extract_article(Article("a.txt", text))
    firm = next(e for e in x.entities if e.name == "山东永泰精密轴承有限公司")
    assert "永泰轴承" in firm.aliases


def test_a_five_character_short_name_of_two_characters_and_a_three_character_trade():
    # 东晟打火机: 东晟 and 打火机 of 湖南东晟智能打火机有限公司, 智能 left out
    text = "标题\n\n湖南东晟智能打火机有限公司加入联盟。会上，东晟打火机与万达保持架签订了年度供货协议。"
    x = extract_article(Article("a.txt", text))
    firm = next(e for e in x.entities if e.name == "湖南东晟智能打火机有限公司")
    assert "东晟打火机" in firm.aliases
    assert not any(e.name == "东晟打火机" for e in x.entities)


def test_a_verb_of_where_goods_go_opens_no_name_and_names_customers():
    from news_helpers import extract_news, rels

    x = extract_news("铜陵华拓铜箔有限公司生产锂电铜箔，产品主要销往泰昊新能、华滨储能等电池企业。")
    assert {"泰昊新能", "华滨储能"} <= {e.name for e in x.entities if e.type == "Firm"}
    assert not any("销往" in e.name for e in x.entities)
    assert ("铜陵华拓铜箔有限公司", "泰昊新能") in rels(x, "SUPPLIES")


def test_a_full_name_ends_before_a_preposition_and_the_next_name():
    assert {"衢州华丰包装有限公司", "浙江恒达纸业有限公司"} <= _firms(
        "标题\n\n衢州华丰包装有限公司以浙江恒达纸业有限公司的牛皮纸为原料生产纸箱。")


def test_a_short_form_inside_another_word_names_no_firm():
    from news_helpers import extract_news, rels

    x = extract_news("沧州华宇管件有限公司采购钢管。邯郸金钢机械有限公司与沧州华宇管件有限公司签约，将为其供应合金钢管。")
    supplies = rels(x, "SUPPLIES")
    assert ("沧州华宇管件有限公司", "邯郸金钢机械有限公司") not in supplies
    assert ("邯郸金钢机械有限公司", "沧州华宇管件有限公司") in supplies


def test_a_county_of_another_province_after_the_names_province_is_a_word_of_the_name():
    from news_helpers import extract_news, rels

    x = extract_news("长春北辰暖通设备有限公司参会。其暖通设备所用的铜管由四平华盛铜业有限公司供应。")
    assert not any(e.name == "暖通设备" or "暖通设备" in e.aliases for e in x.entities if e.type == "Firm")


def test_a_short_name_of_the_place_and_the_names_first_word_keeps_the_whole_word():
    x = extract_article(Article("a.txt", "标题\n\n东风康明斯发动机有限公司展示了其最新产品。据介绍，东风康明斯的发动机主要为"
                                         "东风商用车配套。"))
    firm = next(e for e in x.entities if e.name == "东风康明斯发动机有限公司")
    assert "东风康明斯" in firm.aliases and "东风康明" not in firm.aliases


def test_a_declared_short_name_may_lead_with_the_place_the_full_name_holds_in_brackets():
    x = extract_article(Article("a.txt", "标题\n\n冠捷显示科技（北海）有限公司（简称“北海冠捷”）是冠捷科技集团在国内的生产基地。"
                                         "北海翰达精密模具有限公司主要为北海冠捷提供显示器外壳注塑件。"))
    firm = next(e for e in x.entities if e.name == "冠捷显示科技（北海）有限公司")
    assert "北海冠捷" in firm.aliases


def test_a_boundary_character_right_after_a_closing_bracket_opens_no_name():
    assert "惠科股份有限公司" in _firms("标题\n\n链主企业北海惠科光电技术有限公司（简称“北海惠科”）是惠科股份有限公司在广西投资建设的生产线。")


def test_a_short_name_declared_without_quotes_stays_its_firms_beside_a_subsidiary_opening_on_it():
    x = extract_article(Article("a.txt", "新闻\n\n在岩州钢铁集团有限责任公司（以下简称岩钢集团）的冷轧车间里，钢卷正在下线。"
                                         "岩钢集团近年来积极推进结构调整。岩钢还在周口建设了岩钢集团周口钢铁有限责任公司（岩钢周口公司）。"))
    firms = {e.name: set(e.aliases) for e in x.entities if e.type == "Firm"}
    assert {"岩钢集团", "岩钢"} <= firms["岩州钢铁集团有限责任公司"]
    assert firms["岩钢集团周口钢铁有限责任公司"] == {"岩钢周口公司"}


def test_a_group_and_its_listed_company_of_one_name_are_two_firms():
    x = extract_article(Article("a.txt", "新闻\n\n岩州钢铁集团有限责任公司近年来积极推进结构调整。其控股子公司岩州钢铁股份有限公司"
                                         "（岩钢股份）是省内最大的钢铁上市企业。岩钢股份向岩州重工有限公司供应板材。"))
    firms = {e.name: set(e.aliases) for e in x.entities if e.type == "Firm"}
    assert "岩州钢铁集团有限责任公司" in firms
    assert firms.get("岩州钢铁股份有限公司") == {"岩钢股份"}


def test_yinhang_before_ye_is_an_industry_not_a_bank():
    x = extract_article(Article("a.txt", "新闻\n\n岩州银业股份有限公司是国内白银行业的骨干企业，岩州农商银行为其提供贷款。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert not any(f.endswith("白银行") for f in firms) and "岩州农商银行" in firms


def test_entering_a_customers_supply_system_is_no_part_of_the_customers_name():
    x = extract_article(Article("a.txt", "标题\n\n其汽车板产品已进入湘岭丰泰汽车有限公司的供应体系，并成功切入江岸重卡有限公司。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"湘岭丰泰汽车有限公司", "江岸重卡有限公司"} <= firms
    assert not any(name.startswith(("进入", "切入")) for name in firms)


def test_a_registered_name_ends_once_and_a_verb_of_belonging_is_no_part_of_the_next():
    x = extract_article(Article("a.txt", "标题\n\n青岚电子科技有限公司隶属于江岸控股集团有限公司。碧山机械有限公司同属江岸控股集团有限公司。"
                                         "中国银行股份有限公司青岚分行发放贷款。"))
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert {"青岚电子科技有限公司", "碧山机械有限公司", "江岸控股集团有限公司", "中国银行股份有限公司青岚分行"} <= firms
    assert not any("隶属" in f or "同属" in f for f in firms)


def test_a_service_firms_name_keeps_its_trade_before_the_legal_form():
    firms = _firms("标题\n\n开发区与青岚华翼航空技术服务有限公司签订投资协议，北辰物资供应有限公司参加签约。")
    assert {"青岚华翼航空技术服务有限公司", "北辰物资供应有限公司"} <= firms


def test_er_whereas_opens_no_firms_name():
    firms = _firms("标题\n\n北辰动力有限公司位于青岚县，而青岚精铸有限责任公司则为其提供铸件。")
    assert "青岚精铸有限责任公司" in firms and "而青岚精铸有限责任公司" not in firms


def test_a_firms_declared_short_form_that_ends_like_a_bodys_name_is_the_firm():
    x = extract_article(Article("a.txt", "标题\n\n青岚县永清石墨烯研究院有限公司（永清石墨烯研究院）建成了中试线。"
                                         "永清石墨烯研究院向北辰新材料科技有限公司供应石墨烯浆料。"))
    kinds = {e.name: e.type for e in x.entities}
    assert "永清石墨烯研究院" not in kinds  # no body of its own
    firm = next(e for e in x.entities if e.name == "青岚县永清石墨烯研究院有限公司")
    assert "永清石墨烯研究院" in firm.aliases
