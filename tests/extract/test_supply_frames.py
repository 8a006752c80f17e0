"""SUPPLIES read by verb frames, with a left-out or pronoun subject (supply_frames.py)."""

from tests.extract.news_helpers import extract_news, rels


def _supplies(body: str) -> set[tuple[str, str]]:
    return set(rels(extract_news(body), "SUPPLIES"))


def test_english_supplier_first_frames_and_a_pronoun_subject():
    got = _supplies(
        "Qingshan Cathode Materials Co., Ltd. ships the cathode material to Linhe Battery Co., Ltd. and to "
        "Baishui Power Co., Ltd. Hexi Foil Co., Ltd. is one of the main suppliers to Linhe Battery Co., Ltd. "
        "Nanlu Die-Casting Co., Ltd. opened a plant in March. It has been supplying housings to Baishui Power "
        "Co., Ltd. since 2021. Donggang Steel Co., Ltd. and Beiling Alloy Co., Ltd. will provide Baishui Power "
        "Co., Ltd. with plates.")
    assert {("Qingshan Cathode Materials Co., Ltd.", "Linhe Battery Co., Ltd."),
            ("Qingshan Cathode Materials Co., Ltd.", "Baishui Power Co., Ltd."),
            ("Hexi Foil Co., Ltd.", "Linhe Battery Co., Ltd."),
            ("Nanlu Die-Casting Co., Ltd.", "Baishui Power Co., Ltd."),
            ("Donggang Steel Co., Ltd.", "Baishui Power Co., Ltd."),
            ("Beiling Alloy Co., Ltd.", "Baishui Power Co., Ltd.")} <= {(a + ".", b + ".") for a, b in got}


def test_english_customer_first_frames_take_its_from_the_text_before():
    got = _supplies(
        "Xiangfei Auto Parts Co., Ltd. is a major parts maker in the region. The plant also draws on regional "
        "suppliers. Steel coils for its stamping lines are provided by Jinling Iron and Steel Co., Ltd., while "
        "seat fabrics come from Hongye Interior Co., Ltd.")
    assert {("Jinling Iron and Steel Co., Ltd", "Xiangfei Auto Parts Co., Ltd"),
            ("Hongye Interior Co., Ltd", "Xiangfei Auto Parts Co., Ltd")} <= got


def test_chinese_frames_with_pronouns_and_left_out_subjects():
    got = _supplies(
        "位于开发区的青禾肉类食品有限公司年屠宰生猪200万头，其冷鲜肉主要为白川速冻食品股份有限公司配套。"
        "江岭冷链物流有限公司总部位于郑州市，其冷藏车厢全部由新乡北辰制冷设备有限公司供货。"
        "宝鸡钛川新材料股份有限公司的主要原料，一部分来自锦州泰山钛业有限公司。"
        "宝鸡钛川新材料股份有限公司生产的钛锭，再分别供给陕西宏远金属科技有限公司等加工企业。"
        "陕西宏远金属科技有限公司的棒材通过了认证，是西安天川航空部件有限公司的合格供应商。")
    assert {("青禾肉类食品有限公司", "白川速冻食品股份有限公司"),
            ("新乡北辰制冷设备有限公司", "江岭冷链物流有限公司"),
            ("锦州泰山钛业有限公司", "宝鸡钛川新材料股份有限公司"),
            ("宝鸡钛川新材料股份有限公司", "陕西宏远金属科技有限公司"),
            ("陕西宏远金属科技有限公司", "西安天川航空部件有限公司")} <= got


def test_frames_keep_their_direction_and_people_from_a_firm_supply_nothing():
    got = _supplies("为广川汽车有限公司配套的南海川田零部件有限公司宣布扩产。"
                    "会议邀请了来自青山重工有限公司的代表。")
    assert got == {("南海川田零部件有限公司", "广川汽车有限公司")}


def test_english_relative_clauses_and_buying_from_the_company():
    got = _supplies(
        "Daqing Ruoxi Gear Co., Ltd. and Harbin Kestrel Tractor Co., Ltd. joined the alliance. Changchun Lanfeng "
        "Seat Co., Ltd. and Jilin Tongli Motor Co., Ltd. took part. Ruoxi Gear, which makes gearboxes, became a "
        "supplier to Kestrel Tractor in January. Lanfeng Seat, which already makes door panels for Kestrel Tractor, "
        "signed an agreement to supply seat frames to Tongli Motor. Kestrel Tractor signed a purchase agreement "
        "with Jilin Tongli Motor Co., Ltd., under which Tongli Motor will buy 600 tractors from the company.")
    assert {("Daqing Ruoxi Gear Co., Ltd", "Harbin Kestrel Tractor Co., Ltd"),
            ("Changchun Lanfeng Seat Co., Ltd", "Jilin Tongli Motor Co., Ltd"),
            ("Harbin Kestrel Tractor Co., Ltd", "Jilin Tongli Motor Co., Ltd")} <= got
    # the buyer named after the agreement outranks the agreement's kind
    assert ("Jilin Tongli Motor Co., Ltd", "Harbin Kestrel Tractor Co., Ltd") not in got


def test_a_firm_signed_with_after_its_place_keeps_its_legal_form_whole():
    x = extract_news("Weihai Lanhai Shipbuilding Co., Ltd., which signed an order with Shanghai-based Dongyuan "
                     "Ocean Shipping Co., Ltd. for four carriers, is the largest yard.")
    firms = {e.name for e in x.entities if e.type == "Firm"}
    assert "Dongyuan Ocean Shipping Co., Ltd" in firms and not firms & {"Ltd", "Shanghai-based Dongyuan Ocean Shipping Co"}


def test_chinese_frames_read_every_member_of_the_customers_list():
    got = _supplies("株洲星弧电机有限公司、湘潭云帆重工有限公司和长沙恒岳机械有限公司参会。岳阳华锦铜材有限公司位于岳阳，"
                    "该公司生产的铜排目前向星弧电机以及长沙的恒岳机械供货；其铜线还供给园区内的云帆重工、恒岳机械等整机企业。")
    supplier = "岳阳华锦铜材有限公司"
    assert {(supplier, "株洲星弧电机有限公司"), (supplier, "长沙恒岳机械有限公司"),
            (supplier, "湘潭云帆重工有限公司")} <= got


def test_chinese_a_firm_named_as_its_supplier_supplies_the_owner():
    got = _supplies("株洲星弧电机有限公司表示，新工厂投产后采购量将增加三成，其铜线供应商岳阳华锦铜材有限公司已同步扩建生产线。")
    assert got == {("岳阳华锦铜材有限公司", "株洲星弧电机有限公司")}


def test_english_its_customers_include_and_a_chinese_announcements_own_firm():
    got = _supplies("Foshan Ruolan Ceramics Co., Ltd. sold 9 billion yuan of tiles last year. Its customers include "
                    "developers such as Hengfa Real Estate Co., Ltd. and Jiaxin Home Furnishing Co., Ltd.")
    assert {("Foshan Ruolan Ceramics Co., Ltd", "Hengfa Real Estate Co., Ltd"),
            ("Foshan Ruolan Ceramics Co., Ltd", "Jiaxin Home Furnishing Co., Ltd")} <= got
    got = _supplies("江苏星弧风电科技股份有限公司（以下简称“公司”或“星弧风电”）注册地为盐城市。"
                    "公司将为上海远帆风能装备股份有限公司提供轮毂。其子公司另有业务。")
    assert got == {("江苏星弧风电科技股份有限公司", "上海远帆风能装备股份有限公司")}


def test_english_a_second_verb_of_the_subject_an_apposed_relative_clause_and_a_possessive_purchase():
    got = _supplies(
        "Pine Servo Co., Ltd. signed with Lake Robot Co., Ltd. and will become the designated motor supplier for "
        "Lake Robot's new line. Ridge Bearing Co., Ltd. signed a contract with Hill Steel Co., Ltd., a steelmaker in "
        "Jiyuan, which will provide it with 50,000 tonnes of steel. Stone Casting Co., Ltd. supplies blocks to "
        "Delta Power Co., Ltd., and Qingdao-based Harbour Marine Co., Ltd. buys Delta Power's marine engines.")
    assert got == {("Pine Servo Co., Ltd", "Lake Robot Co., Ltd"), ("Hill Steel Co., Ltd", "Ridge Bearing Co., Ltd"),
                   ("Stone Casting Co., Ltd", "Delta Power Co., Ltd"), ("Delta Power Co., Ltd", "Harbour Marine Co., Ltd")}


def test_a_relative_clause_on_the_firm_signed_with_makes_it_the_supplier():
    assert _supplies("Haiyun Marine Co., Ltd. signed four deals. Haiyun also signed with Longkou Xinhe Propulsion "
                     "Co., Ltd., which will supply azimuth thrusters for its vessels.") == {
        ("Longkou Xinhe Propulsion Co., Ltd", "Haiyun Marine Co., Ltd")}


def test_every_firm_of_a_list_after_from_is_a_supplier():
    assert _supplies("Brenner GmbH opened a plant in Xinfeng County last year. Its Xinfeng plant procures magnets "
                     "from Chenguang Magnetic Co., Ltd. and Jiangxi Ruike Rare Earth Metals Co., Ltd., and plans to "
                     "source more locally.") == {("Chenguang Magnetic Co., Ltd", "Brenner GmbH"),
                                                 ("Jiangxi Ruike Rare Earth Metals Co., Ltd", "Brenner GmbH")}


def test_a_firm_named_after_an_unnamed_county_is_found_by_its_own_name():
    x = extract_news("Members include Ganzhou Fuxing Motor Co., Ltd. and Dayu Tuoda Precision Machinery. Tuoda provides "
                     "machined housings for Fuxing Motor's production line.")
    firms = {e.name: e for e in x.entities if e.type == "Firm"}
    assert "Tuoda" in firms["Dayu Tuoda Precision Machinery"].aliases


def test_chinese_pronouns_point_to_the_last_sentences_subject_and_a_cleft_names_the_supplier_last():
    assert _supplies("青岚磁材科技有限公司是骨干企业。青岚磁材的产品还销往区外。其磁钢批量供应碧山精密电机有限公司，用于驱动电机。") \
        == {("青岚磁材科技有限公司", "碧山精密电机有限公司")}
    assert _supplies("云岭电子有限公司是获奖企业之一。该公司主要生产主控板，2019年成为江岸电器集团有限公司的合格供应商。") \
        == {("云岭电子有限公司", "江岸电器集团有限公司")}
    assert _supplies("青岚数控机床有限公司是联盟的理事长单位。为其五轴机床提供数控系统的是碧山数控系统有限公司。") \
        == {("碧山数控系统有限公司", "青岚数控机床有限公司")}
    assert _supplies("碧山精密丝杠有限公司去年通过了青岚数控机床有限公司的供应商审核，成为其合格供应商。") \
        == {("碧山精密丝杠有限公司", "青岚数控机床有限公司")}


def test_it_refers_to_the_subject_of_the_sentence_before_not_the_article_firm():
    x = extract_news("Stone Kiln Group Co., Ltd. hosted the fair. Stone Kiln Group Co., Ltd. is the city's largest maker of "
              "kilns, and Stone Kiln Group Co., Ltd. employs 900 people.\n\nHill Ceramics Co., Ltd. makes bearing "
              "balls. At the fair it signed a purchase contract with Lake Powder Co., Ltd. It also buys alumina "
              "from River Alumina Co., Ltd. each year.")
    assert rels(x, "SIGNED_WITH") == [("Hill Ceramics Co., Ltd", "Lake Powder Co., Ltd")]
    assert rels(x, "SUPPLIES") == [("River Alumina Co., Ltd", "Hill Ceramics Co., Ltd")]


def test_customers_counted_an_oem_producer_and_its_after_a_sentence_that_keeps_the_topic():
    x = extract_news("Lake Composites Co., Ltd. counts Pine Sporting Goods Co., Ltd., a rod maker, among its largest "
                     "customers.\n\nRiver Pet Food Co., Ltd. now turns out 80,000 tonnes a year. About 40 percent is "
                     "sold overseas; the company has been an OEM producer for the German brand Paw GmbH since 2019. "
                     "Its vitamin premix is sourced from Stone Feed Additive Co., Ltd.")
    got = rels(x, "SUPPLIES")
    assert ("Lake Composites Co., Ltd", "Pine Sporting Goods Co., Ltd") in got
    assert ("River Pet Food Co., Ltd", "Paw GmbH") in got
    assert ("Stone Feed Additive Co., Ltd", "River Pet Food Co., Ltd") in got
    assert ("Stone Feed Additive Co., Ltd", "Paw GmbH") not in got


def test_english_goods_bought_with_no_buyer_named_are_the_article_firms():
    # the firm the article is about (most mentions) buys what a sentence names no buyer for;
    # a sentence naming another firm first, or a speaker's "we", keeps its own buyer
    got = _supplies(
        "Beiling Rolling Stock Co., Ltd. is the chain leader of the city's railcar industry. "
        "Beiling Rolling Stock Co., Ltd. builds 8,000 wagons a year. Side frames are cast by Hexi Foundry Co., Ltd., "
        "and wheelsets are purchased from Nanyuan Wheelset Co., Ltd. "
        "Qinghe Axle Co., Ltd. said its bearings come from Donglu Bearing Co., Ltd. "
        "\"We buy paint from Xishan Coatings Co., Ltd.,\" said a manager of Qinghe Axle Co., Ltd. "
        "Qinghe Axle Co., Ltd. doubled output last year; motors are made by Donglu Motor Co., Ltd. "
        "Beiling Rolling Stock Co., Ltd. plans a second line.")
    assert ("Hexi Foundry Co., Ltd", "Beiling Rolling Stock Co., Ltd") in got
    assert ("Nanyuan Wheelset Co., Ltd", "Beiling Rolling Stock Co., Ltd") in got
    assert ("Donglu Bearing Co., Ltd", "Beiling Rolling Stock Co., Ltd") not in got
    assert ("Xishan Coatings Co., Ltd", "Beiling Rolling Stock Co., Ltd") not in got
    assert ("Donglu Motor Co., Ltd", "Beiling Rolling Stock Co., Ltd") not in got



def test_chinese_sentence_opening_on_a_supplier_leaves_out_the_firm_talked_about():
    # 所用的玻璃瓶由A供应 names no customer: the firm the text was about buys, for the other
    # clauses too (not A, the first firm of the sentence); a market's share names none
    got = _supplies(
        "青川味业集团有限公司相关负责人介绍，公司每年收购鲜菜10万吨。"
        "泡菜所用的玻璃瓶由乐岭玻璃制品有限公司供应，包装袋来自眉岭包装有限公司。"
        "国内50%的泡菜坛都由西岭陶瓷有限公司供应。")
    assert ("乐岭玻璃制品有限公司", "青川味业集团有限公司") in got
    assert ("眉岭包装有限公司", "青川味业集团有限公司") in got
    assert ("眉岭包装有限公司", "乐岭玻璃制品有限公司") not in got
    assert not any(a == "西岭陶瓷有限公司" for a, _b in got)


def test_chinese_supplier_after_where_it_is():
    got = _supplies("河岭葵业集团有限公司所用的编织袋，全部由位于巴彦淖尔经济技术开发区的金岭包装有限公司配套生产。")
    assert ("金岭包装有限公司", "河岭葵业集团有限公司") in got


def test_its_products_entering_a_firms_supply_system_and_a_hoped_for_entry():
    x = extract_news("Pine Avionics Co., Ltd. is the supplier of display units for Hill Aviation Group Co., Ltd., "
                     "and its products have also entered the supply system of Bay Aircraft Co., Ltd. "
                     "Lake Motor Co., Ltd. hopes to enter the supply chain of River Auto Co., Ltd.")
    supplies = set(rels(x, "SUPPLIES"))
    assert ("Pine Avionics Co., Ltd", "Bay Aircraft Co., Ltd") in supplies
    assert ("Lake Motor Co., Ltd", "River Auto Co., Ltd") not in supplies


def test_the_agent_of_a_passive_buys_nothing_and_an_adverb_opens_no_name():
    x = extract_news("Hill Air Co., Ltd. makes air conditioners. Controllers are provided by Bay Controls Co., Ltd. "
                     "in Xiangzhou District, and plastic housings are sourced from Pine Plastics Co., Ltd. "
                     "\"Now Bay delivers to our line four times a day,\" said an official of Hill Air.")
    supplies = set(rels(x, "SUPPLIES"))
    assert ("Pine Plastics Co., Ltd", "Bay Controls Co., Ltd") not in supplies
    assert ("Pine Plastics Co., Ltd", "Hill Air Co., Ltd") in supplies
    assert not any(e.name.startswith("Now") for e in x.entities)


def test_sourcing_from_the_other_signers_plant_after_a_signing():
    x = extract_news("Hill Agrochemical Co., Ltd. signed a strategic cooperation agreement with Bay Sulfur Chemical "
                     "Co., Ltd., sourcing sulfuric acid and steam from Bay Sulfur's plant in the park.")
    assert ("Bay Sulfur Chemical Co., Ltd", "Hill Agrochemical Co., Ltd") in rels(x, "SUPPLIES")


def test_the_subject_of_two_joined_verbs_supplies_not_the_seller_of_the_first():
    x = extract_news("Tongbo Copper Foil Co., Ltd. buys its cathode copper from Hill Copper Corporation and is a "
                     "qualified supplier of copper foil to Bay Battery Co., Ltd.")
    supplies = set(rels(x, "SUPPLIES"))
    assert ("Tongbo Copper Foil Co., Ltd", "Bay Battery Co., Ltd") in supplies
    assert ("Hill Copper Corporation", "Bay Battery Co., Ltd") not in supplies


def test_a_place_possessive_between_from_and_the_seller():
    x = extract_news("Hill Pump Co., Ltd. buys mechanical seals from Yongjia's Bay Seal Technology Co., Ltd. every year.")
    assert ("Bay Seal Technology Co., Ltd", "Hill Pump Co., Ltd") in rels(x, "SUPPLIES")


def test_a_customer_joined_by_as_well_as_is_supplied_too():
    from news_helpers import extract_news, rels

    x = extract_news("Ruifeng Valve Co., Ltd. sells to Hisense Air Co., Ltd. as well as to Midea Group Co., Ltd.")
    supplies = rels(x, "SUPPLIES")
    assert ("Ruifeng Valve Co., Ltd", "Midea Group Co., Ltd") in supplies
    assert ("Ruifeng Valve Co., Ltd", "Hisense Air Co., Ltd") in supplies


def test_a_firms_goods_used_in_anothers_products_are_its_supplies():
    from news_helpers import extract_news, rels

    x = extract_news("Ruifeng Valve Co., Ltd. makes valves. Ruifeng's expansion valves are used in Hisense Air Co., "
                     "Ltd.'s heat pumps.")
    assert ("Ruifeng Valve Co., Ltd", "Hisense Air Co., Ltd") in rels(x, "SUPPLIES")


def test_its_after_a_sentence_on_the_chain_leader_is_the_articles_firm():
    from news_helpers import extract_news, rels

    x = extract_news("Hunan Zhongyuan Rail Co., Ltd. was named the chain leader. It buys bolts from Xinrui Bolt Co., Ltd. "
                     "In May, Tianhe Paint Co., Ltd. became a supplier of paint for Zhongyuan."
                     "\n\nThe chain leader also links the city to wider markets. Its steel is bought from Lianyuan "
                     "Steel Co., Ltd.")
    supplies = rels(x, "SUPPLIES")
    assert ("Lianyuan Steel Co., Ltd", "Hunan Zhongyuan Rail Co., Ltd") in supplies
    assert ("Lianyuan Steel Co., Ltd", "Tianhe Paint Co., Ltd") not in supplies


def test_its_main_supplier_is_a_supplier_of_the_firm_before():
    from news_helpers import extract_news, rels

    x = extract_news("Haining Ruida Bolt Co., Ltd. makes bolts in Jiaxing. Its main suppliers are Tongxiang Hengfa Wire "
                     "Co., Ltd. and Haiyan Dali Steel Co., Ltd., both within 50 kilometres.")
    supplies = rels(x, "SUPPLIES")
    assert ("Tongxiang Hengfa Wire Co., Ltd", "Haining Ruida Bolt Co., Ltd") in supplies
    assert ("Haiyan Dali Steel Co., Ltd", "Haining Ruida Bolt Co., Ltd") in supplies


def test_goods_produced_by_its_plant_and_supplied_to_a_firm_are_the_supply_of_the_firm_its_refers_to():
    x = extract_news("Minth Group Limited also attended the meeting. Battery housings produced by its plant in "
                     "Huai'an are mainly supplied to BYD Company Limited.")
    assert ("Minth Group Limited", "BYD Company Limited") in rels(x, "SUPPLIES")


def test_its_after_a_sentence_listing_its_customers_and_across_a_paragraph_is_the_articles_firm():
    x = extract_news("Upstream, Orient Tantalum Industry Co., Ltd. buys ore from Africa. Jinyu Packaging Co., Ltd. "
                     "provides special packaging for its powder products.\n\nDownstream, the powder of the company is "
                     "used in capacitors. Its major customers include Zhenhua Science Co., Ltd. in Guiyang. Its niobium "
                     "cavities have been supplied to Shanghai Electric Group Co., Ltd. for large facilities. Orient "
                     "Tantalum Industry Co., Ltd. is the chain leader.")
    supplies = rels(x, "SUPPLIES")
    assert ("Orient Tantalum Industry Co., Ltd", "Shanghai Electric Group Co., Ltd") in supplies
    assert ("Zhenhua Science Co., Ltd", "Shanghai Electric Group Co., Ltd") not in supplies
    assert ("Jinyu Packaging Co., Ltd", "Shanghai Electric Group Co., Ltd") not in supplies


def test_part_of_the_same_goods_supplied_in_a_later_clause_come_from_the_same_supplier():
    x = extract_news("Minth Group Limited also attended the meeting. Housings made by Minth Group Limited are mainly "
                     "supplied to BYD Company Limited, and part of them are supplied to Chery Automobile Co., Ltd. in "
                     "Wuhu.")
    supplies = rels(x, "SUPPLIES")
    assert ("Minth Group Limited", "Chery Automobile Co., Ltd") in supplies


def test_goods_supplied_to_a_customer_by_a_firm_are_that_firms():
    supplies = _supplies("Hill Titanium Co., Ltd. and Lake Oilfield Machinery Co., Ltd. are in the zone. Titanium drill "
                         "pipes for deep wells are supplied to Lake Oilfield Machinery by Hill Titanium.")
    assert ("Hill Titanium Co., Ltd", "Lake Oilfield Machinery Co., Ltd") in supplies


def test_supplied_to_it_by_a_list_of_agents():
    found = _supplies("Qinghe Lithium Co., Ltd. has built long-term supply ties with miners. Spodumene concentrate "
                      "is supplied to it by Ridge Minerals Limited and Coral Resources Limited.")
    assert {("Ridge Minerals Limited", "Qinghe Lithium Co., Ltd"),
            ("Coral Resources Limited", "Qinghe Lithium Co., Ltd")} <= found


def test_a_clause_that_opens_on_its_verb_shares_the_sentences_subject():
    found = _supplies("Lanxi Coke Co., Ltd., located in the high-tech zone, purchases coal from Qinghe Coal Co., "
                      "Ltd., and supplies coke to Beichen Steel Co., Ltd.")
    assert ("Lanxi Coke Co., Ltd", "Beichen Steel Co., Ltd") in found
    assert ("Qinghe Coal Co., Ltd", "Beichen Steel Co., Ltd") not in found


def test_a_large_part_of_its_products_is_supplied_by_the_firm_its_points_to():
    found = _supplies("Beichen Steel Co., Ltd. is located in Zhongshan District. Its main products are rebar and "
                      "wire rods, and a considerable part is supplied to Lanxi Construction Group Co., Ltd.")
    assert ("Beichen Steel Co., Ltd", "Lanxi Construction Group Co., Ltd") in found


def test_a_firms_subsidiary_named_in_apposition_is_what_the_sentence_is_about():
    found = _supplies("Qinghe Group's listed subsidiary, Qinghe Refined Coal Co., Ltd., operates its mines in "
                      "Panzhou, and its coking coal is supplied to Beichen Steel Co., Ltd.")
    assert ("Qinghe Refined Coal Co., Ltd", "Beichen Steel Co., Ltd") in found
    assert not any(s == "Qinghe Group" for s, _c in found)


def test_an_apposition_naming_a_supplier_of_a_firm():
    found = _supplies("Lanxi Optics Co., Ltd., a backlight module supplier of Qinghe Display Co., Ltd., signed an "
                      "agreement.")
    assert ("Lanxi Optics Co., Ltd", "Qinghe Display Co., Ltd") in found


def test_goods_used_by_a_list_of_firms_partly_supplied_by_another():
    found = _supplies("The raw hair used by Qinghe Wigs Co., Ltd. and Lanxi Hair Co., Ltd. is partly supplied by "
                      "Beichen Hair Materials Co., Ltd.")
    assert {("Beichen Hair Materials Co., Ltd", "Qinghe Wigs Co., Ltd"),
            ("Beichen Hair Materials Co., Ltd", "Lanxi Hair Co., Ltd")} <= found


def test_goods_installed_in_vehicles_of_a_firm():
    found = _supplies("Qinghe Battery Co., Ltd.'s solid-state batteries have been installed in vehicles of Lanxi "
                      "Motor Corporation.")
    assert ("Qinghe Battery Co., Ltd", "Lanxi Motor Corporation") in found
