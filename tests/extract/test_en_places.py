"""English places below the prefecture: a new area the gazetteer does not know is a
district of the article's city; bodies and events named for it are located in it; a
firm that invested in a city is located there."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names, rels as _rels


def test_a_new_area_of_the_city_and_what_is_named_for_it():
    x = _x("On June 3, the Qinghe New Area Administrative Committee in Qingdao hosted the 2022 Qinghe New Area "
           "Marine Equipment Supply Chain Docking Conference. Firms from Qinghe New Area took part.")
    assert ("Qinghe New Area", "Qingdao") in _rels(x, "LOCATED_IN")
    assert ("Qinghe New Area Administrative Committee", "Qinghe New Area") in _rels(x, "LOCATED_IN")
    assert ("2022 Qinghe New Area Marine Equipment Supply Chain Docking Conference",
            "Qinghe New Area") in _rels(x, "LOCATED_IN")


def test_a_firm_that_invested_in_a_city_is_there():
    x = _x("Maple Rail Co., Ltd. has also invested in Wuhan to set up firms making brakes.")
    assert ("Maple Rail Co., Ltd", "Wuhan") in _rels(x, "LOCATED_IN")


def test_a_county_named_like_its_city_is_its_own_place():
    x = _x("Pine Valve Co., Ltd. opened a plant in Nanchang County. Nanchang hopes for more such plants.")
    cities = _names(x, "City")
    assert "Nanchang County" in cities and "Nanchang" in cities
    county = next(e for e in x.entities if e.name == "Nanchang County")
    assert "Nanchang" not in county.aliases


def test_bare_county_names_in_a_list_under_a_named_prefecture():
    x = _x("Nantong leads the province, and Haimen, Qidong and Rugao together host 300 valve makers. "
           "Rugao Pine Steel Co., Ltd. is one of them.")
    cities = _names(x, "City")
    assert {"Haimen", "Qidong", "Rugao"} <= set(cities)
    firm = next(e for e in x.entities if e.type == "Firm")
    assert "Rugao" not in firm.aliases  # the county is not the firm's short name
    qidong = next(e for e in x.entities if e.name == "Qidong")
    assert ("Qidong", "Nantong") in _rels(x, "LOCATED_IN")  # 启东 of Nantong, not 祁东 of Hengyang
    assert qidong.type == "City"


def test_a_bare_county_name_outside_a_place_slot_is_not_a_place():
    x = _x("Nantong is a port. Huishan clay figures were on show.")
    assert "Huishan" not in _names(x, "City")


def test_firms_of_a_sentence_about_the_city_are_in_the_articles_city():
    x = _x("The Pine Valve Conference was held in Wenzhou on May 3. Wenzhou has 300 valve makers. The city's leading "
           "makers, including Pine Valve Co., Ltd. and Lake Seal Co., Ltd., buy parts worth 2 billion yuan a year. "
           "Stone Gear Co., Ltd. also attended.")
    located = _rels(x, "LOCATED_IN")
    assert ("Pine Valve Co., Ltd", "Wenzhou") in located and ("Lake Seal Co., Ltd", "Wenzhou") in located
    assert ("Stone Gear Co., Ltd", "Wenzhou") not in located


def test_a_firm_placed_in_a_district_by_the_text_is_not_placed_by_its_name():
    x = _x("Xiamen is home to battery firms. Fujian Pine Electrolyte Co., Ltd., a Haicang District company, signed a "
           "deal. Anhui Lake Seal Co., Ltd., from Ningguo City in Xuancheng, attended.")
    located = _rels(x, "LOCATED_IN")
    assert ("Fujian Pine Electrolyte Co., Ltd", "Haicang District") in located
    assert not any(h == "Fujian Pine Electrolyte Co., Ltd" and t.startswith("Fujian") for h, t in located)
    assert ("Anhui Lake Seal Co., Ltd", "Ningguo City") in located


def test_a_county_name_several_places_share_is_the_one_the_article_places():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("The Shangrao alliance was founded in Shangrao, Jiangxi. "
                     "Members are spread across Guangxin District, Yushan County and Yiyang County.")
    assert {"Yushan County", "Yiyang County"} <= set(names(x, "City"))
    alone = extract_news("Members are spread across Yiyang County.")
    assert "Yiyang County" not in names(alone, "City")


def test_an_event_held_in_a_county_of_a_city_is_in_the_county():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("On May 18, the 2023 Anxi Tea Investment Promotion Conference was held in Anxi County, "
                     "Quanzhou City, Fujian Province.")
    assert ("2023 Anxi Tea Investment Promotion Conference", "Anxi County") in rels(x, "LOCATED_IN")
    zh = extract_news("5月18日，2023安溪茶产业招商推介会在福建省泉州市安溪县举行。")
    assert ("2023安溪茶产业招商推介会", "安溪县") in rels(zh, "LOCATED_IN")


def test_a_firm_placed_by_of_a_company_in_or_whose_plant_is_located_in():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("Chongqing Jiaxin Aluminum Co., Ltd. of Fuling District will provide profiles. Hongye Glass Co., "
                     "Ltd., whose furnace is located in Guangxin District, delivers glass. Xinda Catheter Co., Ltd., "
                     "a company in Gaogang District, exports catheters. Bank of China signed too.")
    located = set(rels(x, "LOCATED_IN"))
    assert {("Chongqing Jiaxin Aluminum Co., Ltd", "Fuling District"), ("Hongye Glass Co., Ltd", "Guangxin District"),
            ("Xinda Catheter Co., Ltd", "Gaogang District")} <= located


def test_a_park_placed_before_its_name_and_its_firms_are_in_that_district():
    x = _x("Located in Gaogang District, the Pine Valley Industrial Park has attracted 20 enterprises, among which "
           "are Maple Blade Co., Ltd. and Birch Cable Co., Ltd. Taizhou will build a drone hub.")
    located = set(_rels(x, "LOCATED_IN"))
    assert ("Pine Valley Industrial Park", "Gaogang District") in located
    assert {("Maple Blade Co., Ltd", "Gaogang District"), ("Birch Cable Co., Ltd", "Gaogang District")} <= located


def test_a_government_of_a_county_is_one_body_and_a_firm_after_it_another():
    x = _x("The meeting was organized by the People's Government of Long'an District. The People's Government "
           "of Tangyin County and Beijing Pine Cloud Information Technology Co., Ltd. signed a contract.")
    agencies = _names(x, "Agency")
    assert "People's Government of Long'an District" in agencies and "People's Government of Tangyin County" in agencies
    assert _names(x, "Firm") == ["Beijing Pine Cloud Information Technology Co., Ltd"]


def test_a_town_named_before_its_county_is_in_it():
    x = _x("Walking into Luoshe Town, Deqing County, Huzhou City, you hear pianos. The founding conference of "
           "the Pine Alliance was convened in Wutong Sub-district of Tongxiang City.")
    located = set(_rels(x, "LOCATED_IN"))
    assert {("Luoshe Town", "Deqing County"), ("Wutong Sub-district", "Tongxiang City")} <= located


def test_a_municipality_is_a_province_level_region_and_still_the_city_of_its_districts_and_firms():
    x = _x("The forum was held in Yubei District, Chongqing. Beijing Pine Co., Ltd. is in Haidian District of "
           "Beijing. 北京 is far.")
    # Beijing, the seat of a firm, is typed a City as the real golds type a firm's municipality
    assert "Chongqing" in _names(x, "Province") and "Beijing" in _names(x, "City")
    located = set(_rels(x, "LOCATED_IN"))
    assert {("Yubei District", "Chongqing"), ("Haidian District", "Beijing"), ("Beijing Pine Co., Ltd", "Beijing")} \
        <= located


def test_firms_of_a_sentence_about_the_county_are_in_the_articles_county():
    x = _x("On November 4, the signing ceremony was held in Wenxi County, Yuncheng City. At present, the county has "
           "formed a magnesium chain, gathering enterprises like Pine Magnesium Co., Ltd. and Birch Alloy Co., Ltd.")
    located = set(_rels(x, "LOCATED_IN"))
    assert {("Pine Magnesium Co., Ltd", "Wenxi County"), ("Birch Alloy Co., Ltd", "Wenxi County")} <= located


def test_a_county_named_like_a_city_and_a_new_area_are_one_place_each():
    x = _x("Qilian Blades Co., Ltd., headquartered in Lanzhou New Area, will build a plant in Guazhou County "
                     "of Jiuquan. Another plant is in Suzhou District of Jiuquan.")
    cities = [e for e in x.entities if e.type == "City"]
    names = [e.name for e in cities]
    assert names.count("Lanzhou New Area") == 1 and names.count("Suzhou District") == 1
    suzhou = next(e for e in cities if e.name == "Suzhou District")
    assert suzhou.province == "Gansu"


def test_a_provincial_body_is_in_the_province_that_shares_a_citys_name():
    x = _x("The Jilin Provincial Department of Industry and Information Technology organised the meeting. "
                     "A Jilin City-based firm, Songhua Thermal Co., Ltd., attended. Jilin Province hosts 900 parts makers.")
    assert ("Jilin Provincial Department of Industry and Information Technology", "Jilin Province") in _rels(x, "LOCATED_IN")


def test_an_ethnic_autonomous_county_is_a_county():
    x = _x("Nanfan Rice Seed Co., Ltd., a seed producer in Ledong Li Autonomous County, signed a contract in Sanya.")
    assert "Ledong Li Autonomous County" in _names(x, "City")


def test_a_trade_city_is_a_park_and_a_pinyin_u_umlaut_stays_in_its_word():
    x = _x("The Aksu Cotton Textile Industrial City hosted the meeting. The Lüyuan Auto Parts Industrial Cluster "
           "in Changchun sent 20 firms.")
    clusters = _names(x, "Cluster")
    assert "Aksu Cotton Textile Industrial City" in clusters and "Lüyuan Auto Parts Industrial Cluster" in clusters


def test_a_county_known_by_its_mongolian_name_and_its_other_bare_uses():
    x = _x("On May 8, a potash project signing ceremony was held in Golmud, Haixi Prefecture. Later, Golmud "
           "signed a deal with Qinghai Dexi Salt Chemical Co., Ltd.", title="Golmud signs 12 potash projects")
    assert "Golmud" in _names(x, "City") and "Golmud" not in _names(x, "Firm")
    assert ("Golmud", "Haixi Prefecture") in _rels(x, "LOCATED_IN")


def test_english_regions_are_places_but_not_where_a_body_named_for_them_is():
    x = _x("The Greater Bay Area Robotics Industry Chain Summit was held in Foshan. Hengyu Robot Co., Ltd. is among "
           "the largest robot makers in the Yangtze River Delta, and Weifang anchors the Jiaodong Economic Circle.")
    assert {"Yangtze River Delta", "Jiaodong Economic Circle"} <= set(_names(x, "City"))
    assert "Greater Bay Area" not in _names(x, "City")
    assert ("Greater Bay Area Robotics Industry Chain Summit", "Foshan") in _rels(x, "LOCATED_IN")


def test_a_city_name_two_provinces_share_takes_the_province_of_its_sentence_else_the_larger_city():
    x = _x("The Wuhu Robot Alliance was founded in Wuhu, Anhui Province. Members include the Suzhou-based Lingkong "
           "Control Co., Ltd.")
    assert [e.province for e in x.entities if e.name == "Suzhou"] == ["Jiangsu"]
    x = _x("Pine Valve Co., Ltd. opened a plant in Suzhou, Anhui Province.")
    assert [e.province for e in x.entities if e.name == "Suzhou"] == ["Anhui"]


def test_an_event_held_in_a_park_is_in_its_city_and_one_firms_gathered_in_is_in_that_city():
    x = _x("Forty-eight agreements were signed on June 20 at the 2024 Jilin Auto Parts Docking Meeting, held in the "
           "Changchun Automotive Economic and Technological Development Zone.")
    assert ("2024 Jilin Auto Parts Docking Meeting", "Changchun") in _rels(x, "LOCATED_IN")
    y = _x("More than 120 enterprises gathered in Aksu on October 30 for the 2023 Xinjiang Cotton Textile Matchmaking "
           "Conference, where 31 contracts were signed.")
    assert ("2023 Xinjiang Cotton Textile Matchmaking Conference", "Aksu") in _rels(y, "LOCATED_IN")


def test_regions_written_in_lower_case_and_a_chinese_city_groups_short_name():
    x = _x("He added that the Wuhan metropolitan area already had more firms. The chain in the Chengdu-Chongqing "
           "economic circle grew.")
    assert {"Wuhan metropolitan area", "Chengdu-Chongqing economic circle"} <= set(_names(x, "City"))
    y = _x("内蒙古将以包头为核心，联动呼包鄂地区，推动稀土产业发展。", title="标题")
    assert "呼包鄂地区" in _names(y, "City")


def test_a_municipality_a_firm_is_located_in_is_a_city_and_one_named_alone_a_province_level_region():
    x = _x("SMIC signed a purchase agreement with ASML Shanghai on February 1. Hill Valve Co., Ltd. is a Shanghai-based "
           "maker of valves.")
    assert [e.type for e in x.entities if e.name == "Shanghai"] == ["City"]
    y = _x("Firms from Chongqing and Mianyang attended the Pine Forum in Chengdu.")
    assert [e.type for e in y.entities if e.name == "Chongqing"] == ["Province"]


def test_a_one_character_county_an_apposed_county_level_city_and_a_product_named_with_based():
    x = _x("Trucks queue at the Fei County Wood-based Panel Industrial Park in Linyi City. Yongkang, a county-level "
           "city administered by Jinhua, is known for hardware. The Yongkang Municipal Bureau of Commerce spoke.")
    cities = {e.name: e for e in x.entities if e.type == "City"}
    assert {"Fei County", "Yongkang"} <= set(cities)
    assert "Fei County Wood-based Panel Industrial Park" in {e.name for e in x.entities if e.type == "Cluster"}
    names = {e.id: e.name for e in x.entities}
    located = {(names[r.head], names[r.tail]) for r in x.relations if r.type == "LOCATED_IN"}
    assert {("Fei County", "Linyi City"), ("Yongkang", "Jinhua"),
            ("Yongkang Municipal Bureau of Commerce", "Yongkang")} <= located


def test_an_events_place_cites_the_sentence_it_was_read_from():
    x = _x("The 2024 Jilin Auto Parts Docking Meeting drew buyers from five provinces. Forty-eight agreements were "
           "signed at the 2024 Jilin Auto Parts Docking Meeting, held in the Changchun Automotive Economic and "
           "Technological Development Zone.")
    names = {e.id: e.name for e in x.entities}
    placed = [r for r in x.relations if r.type == "LOCATED_IN" and names[r.head] == "2024 Jilin Auto Parts Docking Meeting"]
    assert placed and all("held in" in x.sentences[r.sent].text for r in placed)


def test_a_park_and_a_firm_named_for_a_county_without_its_suffix_are_in_it():
    x = _x("Fengyang County in Chuzhou, Anhui Province, sits on quartz sand. Today the Fengyang Silicon-Based New "
           "Materials Industrial Park turns it into glass, and Fengyang Jinshi Mining Co., Ltd. digs the sand.")
    located = _rels(x, "LOCATED_IN")
    assert ("Fengyang Silicon-Based New Materials Industrial Park", "Fengyang County") in located
    assert ("Fengyang Jinshi Mining Co., Ltd", "Fengyang County") in located


def test_a_bare_county_after_a_firms_legal_form_and_of_is_its_place():
    x = _x("The fair was held in Lianyungang City, Jiangsu Province. Haiyu signed with Weiyang Machinery Co., Ltd. "
           "of Changshu on Monday.")
    assert "Changshu" in _names(x, "City")
    assert ("Weiyang Machinery Co., Ltd", "Changshu") in _rels(x, "LOCATED_IN")


def test_a_firm_after_its_places_possessive_is_there():
    x = _x("The meeting was held in Yongjia County, Wenzhou. KSB buys mechanical seals from Yongjia's Huaxin Seal "
           "Technology Co., Ltd. and Wenzhou's Kaiyuan Fluid Control Co., Ltd.")
    located = _rels(x, "LOCATED_IN")
    assert ("Huaxin Seal Technology Co., Ltd", "Yongjia County") in located
    assert ("Kaiyuan Fluid Control Co., Ltd", "Wenzhou") in located


def test_a_firm_after_a_countys_possessive_is_there():
    x = _x("Last spring, Dongxiang County's Jiangxi Fenglin Valve Co., Ltd. became a supplier of valves for the plant.")
    assert "Jiangxi Fenglin Valve Co., Ltd" in _names(x, "Firm")
    assert "Ltd" not in _names(x, "Firm")
    assert ("Jiangxi Fenglin Valve Co., Ltd", "Dongxiang County") in _rels(x, "LOCATED_IN")


def test_city_clusters_and_metropolitan_areas_are_city_groups():
    x = _x("Fengyang is a member of the Nanjing Metropolitan Area, and Zhanjiang leads the Beibu Gulf City Cluster.")
    assert {"Nanjing Metropolitan Area", "Beibu Gulf City Cluster"} <= set(_names(x, "City"))
    assert not _names(x, "Alliance") and not _names(x, "Cluster")


def test_a_town_is_in_the_city_written_right_after_it():
    from news_helpers import extract_news, rels

    x = extract_news("The expo was held at the expo centre in Guzhen Town, Zhongshan, Guangdong on May 2.")
    assert ("Guzhen Town", "Zhongshan") in rels(x, "LOCATED_IN")


def test_a_city_of_another_province_after_a_firms_place_is_a_word_of_its_name():
    x = _x("The fair was held in Weifang. Weifang Shaoguan Machinery Co., Ltd. signed a deal there. Shaoguan "
           "Machinery, in turn, is the gear supplier for Weichai Power Co., Ltd.")
    assert "Shaoguan" not in _names(x, "City")
    assert ("Weifang Shaoguan Machinery Co., Ltd", "Weifang") in _rels(x, "LOCATED_IN")
    assert ("Weifang Shaoguan Machinery Co., Ltd", "Weichai Power Co., Ltd") in _rels(x, "SUPPLIES")


def test_the_plant_of_a_firm_whose_name_ends_in_inc_is_its_own():
    x = _x("Ruifeng Valve Co., Ltd. makes valve plates for Midea Electric, Inc.'s plant in Hefei.")
    located = _rels(x, "LOCATED_IN")
    assert ("Midea Electric, Inc", "Hefei") in located
    assert ("Ruifeng Valve Co., Ltd", "Hefei") not in located


def test_a_region_named_with_its_peoples_is_the_province_and_its_full_name():
    x = _x("Shizuishan, Ningxia, June 12 -- According to the plan of Ningxia Hui Autonomous Region, "
           "Shizuishan will build a base. Guangxi Zhuang Autonomous Region also took part.")
    assert _names(x, "Province") == ["Guangxi Zhuang Autonomous Region", "Ningxia Hui Autonomous Region"]
    assert _names(x, "Firm") == []


def test_a_district_written_before_a_city_is_in_it_though_a_namesake_elsewhere_is_not():
    x = _x("The fair was held in Yibin District, Luoyang City. Firms of Dawukou District, Shizuishan City came.")
    located = _rels(x, "LOCATED_IN")
    assert ("Yibin District", "Luoyang City") in located  # not the old Yibin County of Sichuan
    assert ("Dawukou District", "Shizuishan City") in located


def test_an_alliance_named_only_inside_its_founding_meeting_is_in_the_place_its_name_opens_on():
    x = _x("On April 17, the founding conference of the Luoyang Bearing Industry Chain Alliance was held in "
           "Yibin District. The alliance has 46 members.")
    assert ("Luoyang Bearing Industry Chain Alliance", "Luoyang") in _rels(x, "LOCATED_IN")


def test_things_named_for_a_county_level_city_or_with_it_in_brackets_are_in_it():
    x = _x("Dashiqiao City, a county-level city administered by Yingkou, Liaoning Province, is rich. Dashiqiao "
           "Huamei Refractories Co., Ltd. and RHI Jinding Magnesia (Dashiqiao) Co., Ltd. make bricks. The Dashiqiao "
           "Magnesium Industry Park is big.")
    located = _rels(x, "LOCATED_IN")
    assert ("Dashiqiao Huamei Refractories Co., Ltd", "Dashiqiao City") in located
    assert ("RHI Jinding Magnesia (Dashiqiao) Co., Ltd", "Dashiqiao City") in located
    assert ("Dashiqiao Magnesium Industry Park", "Dashiqiao City") in located
    assert ("Dashiqiao Magnesium Industry Park", "Liaoning Province") not in located


def test_an_event_held_in_another_city_than_its_name_opens_on_is_where_it_was_held():
    x = _x("On November 6, the Chizhou Semiconductor Industry Investment Promotion Conference was held in Shenzhen, "
           "Guangdong Province. Chizhou, Anhui Province, hopes for more chip firms.")
    located = _rels(x, "LOCATED_IN")
    assert ("Chizhou Semiconductor Industry Investment Promotion Conference", "Shenzhen") in located
    assert ("Chizhou Semiconductor Industry Investment Promotion Conference", "Chizhou") not in located


def test_the_city_after_a_district_bodys_name_is_no_part_of_it():
    x = _x("Sunwoda signed an agreement with the Nankang District People's Government of Ganzhou on a project. "
           "The People's Government of Ganzhou City attended.")
    agencies = _names(x, "Agency")
    assert "Nankang District People's Government" in agencies
    assert "People's Government of Ganzhou City" in agencies


def test_a_place_named_by_its_province_or_country_in_a_list_of_places_is_a_city():
    x = _x("Hill Motor Co., Ltd. has built bases in Suzhou of Jiangsu and Zhenhu of Zhejiang, as well as plants "
           "in Chonburi of Thailand. The Department of Commerce of Zhejiang attended.")
    assert {"Zhenhu", "Chonburi"} <= set(_names(x, "City"))
    assert ("Zhenhu", "Zhejiang") in _rels(x, "LOCATED_IN")
    assert "Commerce" not in _names(x, "City")


def test_a_firm_with_bases_in_a_list_of_places_is_in_each():
    x = _x("Hill Motor Co., Ltd. has built bases in Suzhou of Jiangsu, Zhenhu of Zhejiang and Rizhao of Shandong.")
    located = {t for h, t in _rels(x, "LOCATED_IN") if h == "Hill Motor Co., Ltd"}
    assert {"Suzhou", "Zhenhu", "Rizhao"} <= located
    assert not {"Jiangsu", "Zhejiang", "Shandong"} & located


def test_a_county_named_by_its_province_in_a_list_of_places_is_found_once_as_the_county():
    x = _x("Hill Motor Co., Ltd. has built bases in Suzhou of Jiangsu, Pinghu of Zhejiang and Rizhao of Shandong. "
           "The Pinghu base makes SUVs.")
    assert _names(x, "City").count("Pinghu") == 1
    assert ("Pinghu", "Zhejiang") in _rels(x, "LOCATED_IN")
    pinghu = next(e for e in x.entities if e.name == "Pinghu")
    assert pinghu.mentions[0].key.startswith("county:")


def test_a_list_of_firms_both_located_in_one_place():
    located = set(_rels(_x("Its subsidiaries Qinghe Plastic Co., Ltd. and Lanxi Packaging Co., Ltd., both located "
                           "in Yuxi, produce film."), "LOCATED_IN"))
    assert {("Qinghe Plastic Co., Ltd", "Yuxi"), ("Lanxi Packaging Co., Ltd", "Yuxi")} <= located


def test_a_firms_plant_named_by_its_place_first():
    located = set(_rels(_x("Qinghe Battery Co., Ltd. introduced the progress of its Yuxi battery base. "
                           "Lanxi Motor Co., Ltd.'s Hefei plant started production. Beichen Co., Ltd. has a "
                           "Qujing office."), "LOCATED_IN"))
    assert {("Qinghe Battery Co., Ltd", "Yuxi"), ("Lanxi Motor Co., Ltd", "Hefei")} <= located
    assert not any(f == "Beichen Co., Ltd" for f, _p in located)
