"""English firm names: a company's own name in capitals on its press page, its
regional firm ("X Asia"), and a short form merged with the one longer name it
begins."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names, rels as _rels


def _firms(x):
    return sorted((e.name, tuple(e.aliases)) for e in x.entities if e.type == "Firm")


def test_a_name_in_capitals_used_three_times_is_a_firm_and_its_region_firm_too():
    x = _x("VALDOR was invited to the supplier day. Staff of VALDOR Europe met the buyers. "
           "The buyers praised VALDOR for its switches.", title="VALDOR wins a prize")
    names = [n for n, _a in _firms(x)]
    assert "VALDOR" in names and "VALDOR Europe" in names


def test_a_short_form_is_one_firm_with_its_longer_name():
    x = _x("Sunmark and Pinecrest signed a wafer order. Pinecrest said it will buy wafers from Sunmark. "
           "Pinecrest Solar Energy also bought wafers last year.")
    assert ("Pinecrest Solar Energy", ("Pinecrest",)) in _firms(x)
    assert not any(n == "Pinecrest" for n, _a in _firms(x))


def test_an_acronym_of_a_firm_found_is_that_firm_not_a_new_brand():
    x = _x("HMIC will buy tools. Harbor Microchip International Corp has set aside 40 million yuan for them. "
           "HMIC said the deal helps. Shares of HMIC rose.")
    names = [n for n, _a in _firms(x)]
    assert "HMIC" not in names


def test_a_name_joined_by_and_to_a_firm_is_a_firm_but_a_place_is_not():
    x = _x("The new plant will supply Hill Valve Co., Ltd. and Quarzon with pumps. "
           "Hill Valve Co., Ltd. and Hunan also signed a deal.")
    names = [n for n, _a in _firms(x)]
    assert "Quarzon" in names
    assert "Hunan" not in names


def test_acronyms_of_bodies_and_hyphenated_capitals_are_no_brand_firms():
    x = _x("MIIT said output grew. MIIT will publish a list. Firms followed MIIT rules. "
           "SARS-like rules and ZORV-listed shares: ZORV-listed firms, ZORV-listed banks.")
    names = [n for n, _a in _firms(x)]
    assert "MIIT" not in names and "ZORV" not in names


def test_a_person_joined_to_a_firm_is_no_firm():
    x = _x("The award went to Hill Valve Co., Ltd. and Wang Wei, its chairman.")
    assert "Wang Wei" not in [n for n, _a in _firms(x)]


def test_a_second_full_firm_name_after_and_starting_with_a_place():
    x = _x("Magnet makers such as Pine Ridge Magnetics and Wuhan Stonebridge Magnet Material Co., Ltd. joined.")
    firms = _names(x, "Firm")
    assert "Wuhan Stonebridge Magnet Material Co., Ltd" in firms
    assert not any(" and " in f for f in firms)


def test_the_committee_of_a_zone_is_an_agency():
    x = _x("The Administrative Committee of the Pine Lake Economic Development Zone signed 12 projects.")
    assert "Administrative Committee of the Pine Lake Economic Development Zone" in _names(x, "Agency")
    assert "Administrative Committee of the Pine Lake Economic Development Zone" not in _names(x, "Cluster")


def test_a_short_name_declared_in_brackets_is_an_alias():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news('The Lishui Valve Industry Alliance (hereinafter referred to as the "Valve Alliance") was founded. '
                     "The Valve Alliance will hold two matchmaking sessions a year.")
    assert names(x, "Alliance") == ["Lishui Valve Industry Alliance"]


def test_a_pronoun_and_verb_before_a_role_noun_are_not_its_product():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("Besides Jinko, they include cell producer Jiangxi Lumeng Solar Co., Ltd.")
    assert "they include cell" not in names(x, "Chain")


def test_an_event_named_after_a_passive_verb_and_a_weekday_starts_at_its_name():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("HEFEI, May 9 -- In all, 12 deals were signed on Thursday at the 2024 Hefei Pump Valve Industry "
                     "Matchmaking Conference, which was held in Shushan District.")
    assert names(x, "Event") == ["2024 Hefei Pump Valve Industry Matchmaking Conference"]


def test_a_name_starting_with_its_place_is_one_name_across_and():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("The firm signed a contract with Yichun Tantalum and Niobium Mine Co., Ltd., which ships mica. "
                     "Tea firms including Bama Tea, Huaxiangyuan and Fujian Anxi Tea Factory Co., Ltd. opened plants.")
    assert {"Yichun Tantalum and Niobium Mine Co., Ltd", "Huaxiangyuan", "Fujian Anxi Tea Factory Co., Ltd"} \
        <= set(names(x, "Firm"))


def test_a_short_name_is_the_full_name_without_its_leading_places():
    from tests.extract.news_helpers import extract_news

    x = extract_news("Fujian Anxi Tieguanyin Group Co., Ltd. signed a deal. Tieguanyin Group will expand its plant.")
    assert [(e.name, e.aliases) for e in x.entities if e.type == "Firm"] == [
        ("Fujian Anxi Tieguanyin Group Co., Ltd", ["Tieguanyin Group"])]


def test_a_name_given_as_also_known_as_is_an_alias():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("Firms in the Nanjing Jiangbei High-tech Development Zone (also known as Jiangbei Valley) signed "
                     "deals. Jiangbei Valley has 300 firms.")
    assert names(x, "Cluster") == ["Nanjing Jiangbei High-tech Development Zone"]


def test_a_one_word_short_name_after_a_county_in_the_full_name_and_the_bare_county_is_no_alias():
    from tests.extract.news_helpers import extract_news

    x = extract_news("Walking into Luoshe Town, Deqing County, you hear pianos. The largest firm is Aiyin Piano Co., "
                     "Ltd. Cast frames come from Deqing Hongda Casting Co., Ltd. Deqing Meilu Musical Instruments Co., "
                     "Ltd. makes actions. Meilu supplies Aiyin Piano Co., Ltd. Hongda ships frames to Aiyin Piano Co., "
                     "Ltd.")
    firms = {e.name: e.aliases for e in x.entities if e.type == "Firm"}
    assert firms["Deqing Meilu Musical Instruments Co., Ltd"] == ["Meilu"]
    assert firms["Deqing Hongda Casting Co., Ltd"] == ["Hongda"] and "Meilu" not in firms


def test_a_short_form_may_leave_out_words_and_the_place_it_is_based_in():
    x = _x("Harbin Kestrel Agricultural Equipment Co., Ltd. and Siping Tongfu Special Vehicle Co., Ltd. joined the "
           "alliance, and Hexi Wind Power Equipment Co., Ltd. signed a deal. Ruoxi Valve began supplying valves to "
           "Kestrel Equipment last year. Ruoxi Valve also signed a contract with Siping-based Tongfu Special Vehicle. "
           "Ruoxi Valve will ship valves to Hexi Wind Power.")
    firms = dict(_firms(x))
    assert "Kestrel Equipment" in firms["Harbin Kestrel Agricultural Equipment Co., Ltd"]
    assert "Tongfu Special Vehicle" in firms["Siping Tongfu Special Vehicle Co., Ltd"]
    assert "Hexi Wind Power" in firms["Hexi Wind Power Equipment Co., Ltd"]


def test_the_chinese_name_inside_a_translated_name_and_the_word_after_it_is_a_short_form():
    x = _x("Hainan Yazhou Bay Ruolan Seed Industry Co., Ltd. signed a deal. Ruolan Seed, a founding member of the "
           "Hainan Seed Alliance, will supply seeds.")
    assert "Ruolan Seed" in dict(_firms(x))["Hainan Yazhou Bay Ruolan Seed Industry Co., Ltd"]


def test_a_place_joined_by_and_to_a_full_firm_name_is_no_part_of_it():
    x = _x("The battery maker has customers in Huzhou and Dongguan Feichi Electric Vehicle Co., Ltd. buys its packs.")
    assert "Dongguan Feichi Electric Vehicle Co., Ltd" in dict(_firms(x))


def test_a_listed_acronym_is_the_one_firm_whose_name_after_its_place_it_spells():
    x = _x("Vehicle makers such as QHC, Zenith and Pine Motors Co., Ltd. released lists. Anhui Qinghe Automobile Co., "
           "Ltd. co-organized it. Anhui Ruolan Battery Co., Ltd., located in Feixi County, Hefei, signed a supply "
           "agreement with QHC. Under the agreement, Ruolan will provide packs for two of QHC's models.")
    assert "QHC" in dict(_firms(x))["Anhui Qinghe Automobile Co., Ltd"]
    # its later uses are that firm's too, so the signing is read
    x = _x("Vehicle makers such as JAC, NRO and Pine Automobile Co., Ltd. released lists. Anhui Jianghuai Automobile Group "
           "Co., Ltd. co-organized it. Anhui Ruolan Battery Co., Ltd., located in Feixi County, Hefei, signed a supply "
           "framework agreement worth 1.2 billion yuan with JAC.")
    assert ("Anhui Ruolan Battery Co., Ltd", "Anhui Jianghuai Automobile Group Co., Ltd") in _rels(x, "SIGNED_WITH")


def test_a_short_form_whose_first_word_is_also_a_county_and_a_district_before_and():
    x = _x("Ningbo Jinghong Die Casting Co., Ltd. took part. Jinghong Die Casting signed a deal with Pine Motors Co., Ltd. "
           "Clay comes from Nanhai District and Baishi Mining Co., Ltd. supplies the rest.")
    firms = dict(_firms(x))
    assert "Jinghong Die Casting" in firms["Ningbo Jinghong Die Casting Co., Ltd"]
    assert "Baishi Mining Co., Ltd" in firms


def test_an_acronym_the_list_rules_miss_is_still_the_firm_it_spells_after_its_place():
    x = _x("Carmakers such as JAC, NRO and Pine Automobile Co., Ltd. released lists. Anhui Jianghuai Automobile Group "
           "Co., Ltd. co-organized it. Anhui Ruolan Battery Co., Ltd., located in Feixi County, Hefei, signed a supply "
           "framework agreement worth 1.2 billion yuan with JAC.")
    assert "JAC" in dict(_firms(x))["Anhui Jianghuai Automobile Group Co., Ltd"]


def test_a_name_opening_on_two_pinyin_words_goes_by_its_second_word():
    from news_helpers import extract_news, names

    x = extract_news("Wuhu Jiuzhou Yunqi Robot Technology Co., Ltd. (Yunqi Robot) was elected chairman unit. "
                     "Yunqi Robot signed an agreement with Anhui Hengrui Reducer Co., Ltd.")
    assert names(x, "Firm") == ["Anhui Hengrui Reducer Co., Ltd", "Wuhu Jiuzhou Yunqi Robot Technology Co., Ltd"]



def test_a_one_word_short_name_may_be_the_second_pinyin_word_of_a_full_name():
    # "Huayu" is found on its own (a known name of the shipped data), as its own firm
    from chaingraph.extract.en_names import merge_short_names
    from chaingraph.extract.result import Entity, Mention

    full = Entity("e1", "Firm", "Dongjiang Qinglan Petrochemical Co., Ltd", [],
                  mentions=[Mention(0, 39, "Dongjiang Qinglan Petrochemical Co., Ltd", "Firm", 0)])
    short = Entity("e2", "Firm", "Qinglan", [], mentions=[Mention(50, 57, "Qinglan", "Firm", 1)])
    other = Entity("e3", "Firm", "Bishan Polymer Co., Ltd", [], mentions=[Mention(70, 93, "Bishan Polymer Co., Ltd", "Firm", 1)])
    merged = merge_short_names([full, short, other])
    assert [(e.name, e.aliases) for e in merged] == [("Dongjiang Qinglan Petrochemical Co., Ltd", ["Qinglan"]),
                                                      ("Bishan Polymer Co., Ltd", [])]


def test_an_owners_description_is_not_the_name_and_a_county_word_can_be_a_short_name():
    x = _x("Haiyun Marine Co., Ltd. supplies the Korean-invested Yantai Qinglan Shipbuilding Co., Ltd. "
           "It also signed with Longkou Xinhe Propulsion Co., Ltd. The alliance now has 76 member firms, including "
           "Haiyun, Xinhe and Qinglan.", title="Marine alliance grows")
    firms = dict(_firms(x))
    assert firms["Yantai Qinglan Shipbuilding Co., Ltd"] == ("Qinglan",)
    assert firms["Longkou Xinhe Propulsion Co., Ltd"] == ("Xinhe",)


def test_a_full_name_opening_on_a_county_after_and_is_a_second_firm_and_an_acronym_joins_what_it_spells():
    x = _x("The bureau serves key firms such as Qinglan Titanium Alloy and Miyi Bishan Vanadium Products Co., Ltd. "
           "The chain is led by Hubei Wudang Heavy Truck Co., Ltd. At the ceremony, Wudang Heavy Truck (WDHT) signed "
           "three deals. Kaiheng Cab Co., Ltd. will supply cabs for WDHT's new tractor.")
    names = [n for n, _a in _firms(x)]
    assert "Qinglan Titanium Alloy" in names and "Miyi Bishan Vanadium Products Co., Ltd" in names
    assert "WDHT" not in names and "WDHT" in dict(_firms(x))["Hubei Wudang Heavy Truck Co., Ltd"]


def test_a_one_word_short_name_may_be_the_second_pinyin_word_after_the_place():
    from chaingraph.extract.en_names import merge_short_names
    from chaingraph.extract.result import Entity, Mention

    full = Entity("e1", "Firm", "Tianjin Bohai Qinglan Offshore Engineering Co., Ltd", [],
                  mentions=[Mention(0, 51, "Tianjin Bohai Qinglan Offshore Engineering Co., Ltd", "Firm", 0)])
    short = Entity("e2", "Firm", "Qinglan", [], mentions=[Mention(60, 67, "Qinglan", "Firm", 1)])
    assert [(e.name, e.aliases) for e in merge_short_names([full, short])] == [
        ("Tianjin Bohai Qinglan Offshore Engineering Co., Ltd", ["Qinglan"])]


def test_bank_branches_and_branches_of_bodies():
    x = _x("Deals: Haiyu Carbon and Bank of Jiangsu Lianyungang Branch signed a credit line. China Construction "
           "Bank Xingtai Branch granted a loan. The Valve Branch of China General Machinery Industry Association "
           "co-hosted the fair.")
    assert _names(x, "Firm") == ["Bank of Jiangsu Lianyungang Branch", "China Construction Bank Xingtai Branch"]
    assert _names(x, "Alliance") == ["Valve Branch of China General Machinery Industry Association"]


def test_firms_named_with_a_trade_word_and_after_their_country():
    x = _x("More than half of the output is bought by Tianrun Beverage in Hangzhou. Thailand's Charoen Pokphand "
           "Foods (CP Foods) signed with Lake Seedling Co., Ltd.")
    assert {"Tianrun Beverage", "Charoen Pokphand Foods"} <= set(_names(x, "Firm"))


def test_a_bodys_remit_listed_with_commas_stays_in_its_name():
    x = _x("The meeting was undertaken by the Yongjia County Bureau of Economy, Information Technology and Commerce, "
           "and Hill Co., Ltd. came. The Ministry of Commerce, Lake Technologies Co., Ltd. and River Group attended.")
    assert _names(x, "Agency") == ["Ministry of Commerce",
                                   "Yongjia County Bureau of Economy, Information Technology and Commerce"]
    assert {"Lake Technologies Co., Ltd", "River Group"} <= set(_names(x, "Firm"))
    assert "Commerce" not in _names(x, "Firm")


def test_a_pinyin_gloss_in_brackets_is_not_part_of_a_name_and_take_opens_none():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", (
        "Title\n\nOn May 6, the 2024 Hanlin Pear Industry Chain Supply and Demand Matchmaking Conference "
        "(Hanlin Lizi Chanyelian Gongxu Duijiehui) opened in Hanlin County. Take Hanlin Xiangli Fruit Co., Ltd., "
        "the county's chain leader. It buys pears from Hanlin Dongcun Pear Professional Cooperative.")))
    names = {e.name for e in x.entities}
    assert "2024 Hanlin Pear Industry Chain Supply and Demand Matchmaking Conference" in names
    assert "Hanlin Xiangli Fruit Co., Ltd" in names
    assert not any("Duijiehui" in n or n.startswith("Take ") for n in names)


def test_a_body_joined_by_and_to_a_firms_short_name_ends_before_the_and():
    x = _x("Hubei Qinglong Marine Engine Co., Ltd. makes engines in the zone. On May 8, the Jingzhou Municipal Bureau "
           "of Commerce and Information Technology and Qinglong Marine jointly held the Ship Parts Supply and Demand "
           "Matchmaking Meeting.")
    assert "Jingzhou Municipal Bureau of Commerce and Information Technology" in _names(x, "Agency")
    organisers = {head for head, _tail in _rels(x, "ORGANIZED")}
    assert organisers == {"Jingzhou Municipal Bureau of Commerce and Information Technology",
                          "Hubei Qinglong Marine Engine Co., Ltd"}


def test_a_body_whose_remit_words_open_a_firms_name_keeps_them():
    x = _x("Information Technology Service Co., Ltd. signed with the Jingzhou Municipal Bureau of Industry and "
           "Information Technology at the meeting.")
    assert "Jingzhou Municipal Bureau of Industry and Information Technology" in _names(x, "Agency")


def test_european_legal_forms_end_a_firms_name():
    x = _x("Lindqvist Rail Parts AB, a Swedish maker of couplers, signed a memorandum with Hengtong Rolling Stock "
           "Co., Ltd. Van Dijk Controls BV attended too.")
    assert {"Lindqvist Rail Parts AB", "Van Dijk Controls BV"} <= set(_names(x, "Firm"))


def test_a_trade_word_opening_a_firms_name_after_its_place_is_no_short_name_of_it():
    x = _x("Luoyang Bearing Research Institute Co., Ltd. opened a new plant this year.",
           title='Luoyang Works to Build the "Bearing Capital"')
    firm = next(e for e in x.entities if e.type == "Firm")
    assert firm.name == "Luoyang Bearing Research Institute Co., Ltd" and "Bearing" not in firm.aliases


def test_an_institute_named_as_a_firms_registered_name_without_its_legal_form_is_that_firm():
    x = _x("The meeting was undertaken by Luoyang Bearing Research Institute Co., Ltd. on Monday. Luoyang Bearing "
           "Research Institute (ZYS) and CITIC Heavy Industries Co., Ltd. serve as vice-chairman units. ZYS will grow.")
    assert _names(x, "Agency") == []
    firm = next(e for e in x.entities if e.name == "Luoyang Bearing Research Institute Co., Ltd")
    assert {"Luoyang Bearing Research Institute", "ZYS"} <= set(firm.aliases)


def test_a_capitalised_word_of_a_firms_name_after_its_place_is_its_short_name():
    x = _x("The conference was undertaken by Luoyang LYC Bearing Co., Ltd. and Luoyang Bearing Research Institute "
           "Co., Ltd. LYC serves as the chairman unit, and CITIC Heavy Industries Co., Ltd. serves as vice-chairman "
           "unit. At the conference, LYC signed supply agreements with First Tractor Co., Ltd. and CITIC Heavy "
           "Industries respectively.")
    firm = next(e for e in x.entities if e.name == "Luoyang LYC Bearing Co., Ltd")
    assert "LYC" in firm.aliases and "LYC" not in _names(x, "Firm")


def test_a_short_name_declared_after_hereinafter_without_quotes_is_the_same_park():
    x = _x("Relying on Chizhou High-tech Industrial Development Zone (hereinafter referred to as Chizhou High-tech "
           "Zone), the city has gathered 68 firms. The leading enterprises are all located in Chizhou High-tech Zone.")
    assert _names(x, "Cluster") == ["Chizhou High-tech Industrial Development Zone"]
    park = next(e for e in x.entities if e.type == "Cluster")
    assert park.aliases == ["Chizhou High-tech Zone"]


def test_a_country_after_a_firms_legal_form_is_no_part_of_its_name():
    x = _x("Its customers include KEMET Corporation of the United States. Aluminum Corporation of China grew.")
    assert "KEMET Corporation" in _names(x, "Firm")
    assert "Aluminum Corporation of China" in _names(x, "Firm")


def test_an_acronym_with_vowels_for_half_its_letters_is_the_one_firm_it_spells():
    x = _x("In the workshop of Ningxia Orient Tantalum Industry Co., Ltd. in Dawukou District, powder is packed. "
           "Founded in 1965, the company, known as Orient Tantalum or OTIC, is big. Shizuishan Xinghe Fluorine "
           "Chemical Co., Ltd., for example, has been a supplier of OTIC for more than ten years.")
    assert "OTIC" not in _names(x, "Firm")
    assert ("Shizuishan Xinghe Fluorine Chemical Co., Ltd", "Ningxia Orient Tantalum Industry Co., Ltd") in _rels(
        x, "SUPPLIES")


def test_two_words_in_brackets_after_a_firm_are_its_short_name_unless_they_are_a_place():
    x = _x("Corvane Delmar Magnetics Co., Ltd. (CD Mag) and Ostrel Mining Co., Ltd. (Hong Kong) signed an "
           "agreement. CD Mag will supply magnets to Ostrel.")
    firms = dict(_firms(x))
    assert "CD Mag" in firms.get("Corvane Delmar Magnetics Co., Ltd", ())
    assert "CD Mag" not in firms
    assert not any("Hong Kong" in aliases for aliases in firms.values())


def test_a_bracketed_name_opening_on_a_place_is_the_short_name_of_the_park_before_it():
    x = _x("In the Quzhou Lakeside Industrial Development Zone (Quzhou Lakeside Zone), firms such as Quzhou Hengli "
           "Pumps Co., Ltd. have settled. The Quzhou Lakeside Zone plans more plants.")
    parks = [(e.name, tuple(e.aliases)) for e in x.entities if e.type == "Cluster"]
    assert parks == [("Quzhou Lakeside Industrial Development Zone", ("Quzhou Lakeside Zone",))]


def test_a_number_inside_a_registered_name_is_part_of_it():
    x = _x("Members include Quzhou Hengli Technology Co., Ltd. and Quzhou 749 Electronics Co., Ltd. "
           "In 2023 Quzhou 120 enterprises joined. On March 2 Harbor Chips Co., Ltd. signed.")
    names = [n for n, _a in _firms(x)]
    assert {"Quzhou 749 Electronics Co., Ltd", "Harbor Chips Co., Ltd"} <= set(names)
    assert "Electronics Co., Ltd" not in names and not any("120" in n for n in names)


def test_a_name_saying_its_first_word_again_after_and_is_two_firms():
    x = _x("Its two core subsidiaries, Lanfeng Electric Machinery and Lanfeng Turbine Co., Ltd., are in Deyang. "
           "Lanfeng Electric Machinery makes generators.")
    names = [n for n, _a in _firms(x)]
    assert {"Lanfeng Electric Machinery", "Lanfeng Turbine Co., Ltd"} <= set(names)
    assert not any(" and " in n for n in names)


def test_a_facility_of_a_firm_is_no_firm_its_owner_is():
    x = _x("Lanfeng Electric Machinery has supplied eight units to the Baihetan Hydropower Station of Qiantang "
           "Hydro Corporation, and the Xishan Power Plant of Huarun Power International Inc. bought turbines.")
    names = [n for n, _a in _firms(x)]
    assert {"Qiantang Hydro Corporation", "Huarun Power International Inc"} <= set(names)
    assert not any("Station" in n or "Plant" in n for n in names)
    assert ("Lanfeng Electric Machinery", "Qiantang Hydro Corporation") in _rels(x, "SUPPLIES")


def test_a_short_name_after_the_groups_acronym_is_the_firm():
    x = _x("Hill Titanium Co., Ltd. and AVIC Shaanxi Aircraft Industry Co., Ltd. joined the alliance. "
           "At the meeting, Hill Titanium and Shaanxi Aircraft signed a strategic cooperation agreement.")
    assert "AVIC Shaanxi Aircraft Industry Co., Ltd" in _names(x, "Firm")
    assert "Shaanxi Aircraft" not in _names(x, "Firm")
