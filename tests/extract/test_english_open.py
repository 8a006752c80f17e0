"""English extraction beyond head words: page furniture after a comment prompt,
holidays that are not events, firms named by their role in a sentence, foreign
places, document-level relations (coreference to the article's firm, plants and
bases, an event referred to by its head word, lists), open-vocabulary chains."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names, rels as _rels


def test_a_comment_prompt_ends_the_article_and_a_holiday_is_no_event():
    x = _x("During the Spring Festival, Hill Battery Co., Ltd. shipped more packs.\n\n"
           "Leave your Comments\n\nOur Partners\nRiver Paper Co., Ltd.\nLake Glass Company Limited")
    assert _names(x, "Firm") == ["Hill Battery Co., Ltd"]
    assert _names(x, "Event") == []


def test_firms_named_by_their_role_and_foreign_cities():
    x = _x("Korean cell maker Hanul Energy said on Monday it signed a three-year agreement with Brightway "
           "and Coastal Motors Co., Ltd. It will also build a plant in Szeged, Hungary. The battery maker "
           "will offer its packs to the Kestrel carmaker. It ships cells to Ostara by 2027. Yellow River Machinery "
           "(Group) Co., Ltd. was not part of the deal.")
    firms = _names(x, "Firm")
    assert {"Hanul Energy", "Brightway", "Ostara", "Coastal Motors Co., Ltd",
            "Yellow River Machinery (Group) Co., Ltd"} <= set(firms)
    assert "Kestrel" not in firms  # a capitalised word before a noun modifies it
    assert _names(x, "City") == ["Szeged"]
    assert "cell" in _names(x, "Chain")
    assert not {"Hungary", "Monday"} & set(firms)


def test_a_described_firm_gives_its_product_chain_only_with_a_nationality():
    x = _x("The Chinese denim manufacturer opened a new line. The battery maker said sales rose.")
    assert _names(x, "Chain") == ["denim"]


def test_the_articles_firm_takes_its_plants_and_its_described_product():
    x = _x("Harbor Knit Co., Ltd. has joined a cotton programme. The Chinese sweater manufacturer was founded "
           "in 1998. With 2,000 workers in two knitting mills in Fujian Province, China, and one dye house in "
           "Dhaka, Bangladesh, the group makes 4 million pieces a year. Harbor Knit said it would hire more.")
    located = _rels(x, "LOCATED_IN")
    assert ("Harbor Knit Co., Ltd", "Fujian Province") in located
    assert ("Harbor Knit Co., Ltd", "Dhaka") in located
    assert ("Harbor Knit Co., Ltd", "sweater") in _rels(x, "BELONGS_TO")


def test_possessive_plants_and_based_firms():
    x = _x("Zhejiang-based Lanxin Motors Co., Ltd. and Ridge Parts Co., Ltd. met on Monday. Ridge Parts "
           "Co., Ltd. supplies Lanxin Motors Co., Ltd. from its plant in Wuhu.")
    located = _rels(x, "LOCATED_IN")
    assert ("Lanxin Motors Co., Ltd", "Zhejiang") in located
    assert ("Ridge Parts Co., Ltd", "Wuhu") in located
    assert ("Lanxin Motors Co., Ltd", "Wuhu") not in located


def test_a_two_word_place_before_based_and_a_role_noun_after_it():
    x = _x("Lanling Electronics, a maker of film capacitors, became a supplier to Zhuhai-based air conditioner maker "
           "Haoyu Electric Appliance Co., Ltd. Orders also came from Inner Mongolia-based Saihan Wind Power Co., Ltd.")
    firms = _names(x, "Firm")
    assert "Saihan Wind Power Co., Ltd" in firms and not any(f.endswith("-based") or "based" in f for f in firms)
    located = _rels(x, "LOCATED_IN")
    assert ("Haoyu Electric Appliance Co., Ltd", "Zhuhai") in located
    assert ("Saihan Wind Power Co., Ltd", "Inner Mongolia") in located


def test_parties_of_one_agreement_and_joint_suppliers():
    x = _x("Pine Cell Co., Ltd. signed a five-year agreement with Delta Auto Co., Ltd. and Summit Power Co., Ltd. "
           "Pine Cell Co., Ltd. and Summit Power Co., Ltd. will provide Delta Auto Co., Ltd. with battery packs.")
    signed = {tuple(sorted(p)) for p in _rels(x, "SIGNED_WITH")}
    assert signed == {("Delta Auto Co., Ltd", "Pine Cell Co., Ltd"), ("Delta Auto Co., Ltd", "Summit Power Co., Ltd"),
                      ("Pine Cell Co., Ltd", "Summit Power Co., Ltd")}
    assert _rels(x, "SUPPLIES") == [("Pine Cell Co., Ltd", "Delta Auto Co., Ltd"),
                                    ("Summit Power Co., Ltd", "Delta Auto Co., Ltd")]


def test_an_event_referred_to_by_its_head_word_is_about_the_chains_said_of_it():
    x = _x("The opening ceremony of the Lakeside Valve Park was held in Wenzhou on May 9. Twelve contracts in the "
           "valve industry were signed at the ceremony.")
    event = _names(x, "Event")
    assert event and ("valve" in [c for _e, c in _rels(x, "ABOUT")])
    assert ("Lakeside Valve Park", "Wenzhou") in _rels(x, "LOCATED_IN")


def test_lowercase_occasions_and_joined_programmes():
    x = _x("Pine Knit Co., Ltd. has joined the Wool Forward certification programme. The move follows the launch "
           "event of the 'Blue Hour' range in Hangzhou in May. Representatives of 12 enterprises joined the "
           "programme later.", title="Knitwear maker joins Wool Forward")
    assert _names(x, "Event") == ["launch event of the 'Blue Hour' range"]
    assert _names(x, "Alliance") == ["Wool Forward certification programme"]
    assert _rels(x, "MEMBER_OF") == [("Pine Knit Co., Ltd", "Wool Forward certification programme")]
    assert ("launch event of the 'Blue Hour' range", "Hangzhou") in _rels(x, "LOCATED_IN")


def test_an_unnamed_crowd_joining_is_no_member():
    x = _x("River Tea Co., Ltd. sent a delegate to the meeting. Later, 15 enterprises joined the Lakeside Tea "
           "programme.")
    assert _names(x, "Alliance") == ["Lakeside Tea programme"]
    assert _rels(x, "MEMBER_OF") == []


def test_orders_supplier_phrases_and_the_two_sides():
    x = _x("Delta Auto Co., Ltd. placed an order with Pine Cell Co., Ltd. for 5,000 packs. Ridge Parts Co., Ltd. "
           "won a 30 million yuan contract from Delta Auto Co., Ltd. in May. Lake Glass Co., Ltd., one of Delta "
           "Auto Co., Ltd.'s key suppliers, opened a plant. Stone Seats Co., Ltd. is a supplier of body components "
           "for Harbor Motor Co., Ltd. Harbor Motor Co., Ltd. met Wuxi Steel Co., Ltd. in June, and the two sides "
           "signed a framework agreement.")
    supplies = _rels(x, "SUPPLIES")
    for pair in [("Pine Cell Co., Ltd", "Delta Auto Co., Ltd"), ("Ridge Parts Co., Ltd", "Delta Auto Co., Ltd"),
                 ("Lake Glass Co., Ltd", "Delta Auto Co., Ltd"), ("Stone Seats Co., Ltd", "Harbor Motor Co., Ltd")]:
        assert pair in supplies
    assert ("Delta Auto Co., Ltd", "Pine Cell Co., Ltd") not in supplies
    assert {tuple(sorted(p)) for p in _rels(x, "SIGNED_WITH")} == {("Harbor Motor Co., Ltd", "Wuxi Steel Co., Ltd")}


def test_firms_at_a_supplier_conference_named_for_a_firm_supply_it():
    x = _x("The 2024 Harbor Motor Supplier Conference was held in Ningbo on March 3. Representatives of Stone "
           "Seats Co., Ltd. and Lake Glass Co., Ltd. attended the conference. Harbor Motor Co., Ltd. thanked them.")
    supplies = _rels(x, "SUPPLIES")
    assert ("Stone Seats Co., Ltd", "Harbor Motor Co., Ltd") in supplies
    assert ("Lake Glass Co., Ltd", "Harbor Motor Co., Ltd") in supplies


def test_an_event_said_of_by_its_head_word_lists_participants_and_fields():
    x = _x("The 2024 Lakeside Valve Industry Chain Conference opened in Wenzhou on Friday. Organized by the "
           "Wenzhou Municipal Bureau of Commerce, the event attracted over 200 companies, including Kestrel "
           "Valves and Ridge Pumps. Projects covering hydrogen energy, marine pumps and smart meters were signed "
           "at the conference. The new park, covering research, production and sales, opened too.")
    about = [c for _e, c in _rels(x, "ABOUT")]
    assert {"hydrogen energy", "marine pumps", "smart meters"} <= set(about)
    assert not {"research", "production", "sales"} & set(_names(x, "Chain"))
    takers = sorted(f for f, _e in _rels(x, "PARTICIPATED_IN"))
    assert takers == ["Kestrel Valves", "Ridge Pumps"]
    assert [o for o, _e in _rels(x, "ORGANIZED")] == ["Wenzhou Municipal Bureau of Commerce"]


def test_a_procurement_agreement_gives_the_supply_direction_and_a_firm_keeps_its_own_chain():
    x = _x("Solar wafer producer Sunhill Technology signed a procurement agreement with polysilicon supplier "
           "Redstone Silicon, under which Redstone will supply 80,000 tonnes of polysilicon to Sunhill.")
    assert _rels(x, "SUPPLIES") == [("Redstone Silicon", "Sunhill Technology")]
    belongs = _rels(x, "BELONGS_TO")
    assert ("Redstone Silicon", "polysilicon") in belongs and ("Redstone Silicon", "wafer") not in belongs


def test_buying_from_a_described_seller_and_a_lowercase_local_government():
    x = _x("Shanghai-based chipmaker Orion Chips Corporation (OCC) said it had agreed to buy tools worth 1.5 "
           "billion US dollars from Dutch firm Veldt Optics. Starway Rail Co., Ltd. and the Wuxi municipal "
           "government signed a framework agreement on Tuesday.")
    assert _rels(x, "SUPPLIES") == [("Veldt Optics", "Orion Chips Corporation")]
    assert ("Orion Chips Corporation", "Shanghai") in _rels(x, "LOCATED_IN")
    assert _names(x, "Agency") == ["Wuxi municipal government"]
    assert ("Wuxi municipal government", "Wuxi") in _rels(x, "LOCATED_IN")
    assert {tuple(sorted(p)) for p in _rels(x, "SIGNED_WITH")} == {("Starway Rail Co., Ltd",
                                                                    "Wuxi municipal government")}


def test_a_supplier_conference_in_lower_case_is_placed_and_its_awardees_supply_the_host():
    x = _x("At the 2023 supplier conference of Tianrui Auto held in Shenzhen, German seat maker Helm Seating "
           "received an award.")
    assert _names(x, "Event") == ["2023 supplier conference of Tianrui Auto"]
    assert ("2023 supplier conference of Tianrui Auto", "Shenzhen") in _rels(x, "LOCATED_IN")
    assert _rels(x, "SUPPLIES") == [("Helm Seating", "Tianrui Auto")]


def test_subjects_of_deal_verbs_are_firms_but_not_common_words_or_district_acronyms():
    x = _x("Analysts said demand was weak. Sunreach and LONGRAY signed a supply deal on Monday. Sunreach will "
           "ship wafers from May. Both are in the Wuxi National Hi-tech District. WND signed more deals.",
           title="Wafer news")
    assert _names(x, "Firm") == ["LONGRAY", "Sunreach"]
    assert "Wuxi National Hi-tech District" in _names(x, "City")


def test_plural_firm_nouns_list_firms_and_each_plant_has_its_own_owner():
    x = _x("The 2024 Lakeside Auto Parts Industry Chain Matchmaking Meeting opened in Hefei on Friday. More than "
           "300 enterprises attended, including carmakers Nexo, Kestrel Motors Co., Ltd. and Brightway Group. "
           "Projects covering power batteries, motors and smart cockpits were signed.\n\n"
           "Kestrel's plant in Wuhu produced 1 million cars last year, and Ostara Auto's base in Hefei "
           "started production in 2023.")
    firms = _names(x, "Firm")
    assert {"Nexo", "Kestrel Motors Co., Ltd", "Brightway Group", "Ostara Auto"} <= set(firms)
    assert "including" not in _names(x, "Chain")
    located = _rels(x, "LOCATED_IN")
    assert ("Kestrel Motors Co., Ltd", "Wuhu") in located and ("Ostara Auto", "Hefei") in located
    assert ("Kestrel Motors Co., Ltd", "Hefei") not in located
    # firms at the event take the chain it is named for, not every field its deals cover
    belongs = _rels(x, "BELONGS_TO")
    assert ("Nexo", "auto parts") in belongs and ("Nexo", "motors") not in belongs


def test_a_supplier_of_a_product_belongs_to_it_and_its_customer_does_not():
    x = _x("Stone Seats Co., Ltd., a leading supplier of body components for Harbor Motor Co., Ltd., opened "
           "a plant.")
    assert _names(x, "Chain") == ["body components"]
    assert _rels(x, "BELONGS_TO") == [("Stone Seats Co., Ltd", "body components")]
    assert _rels(x, "SUPPLIES") == [("Stone Seats Co., Ltd", "Harbor Motor Co., Ltd")]


def test_deals_of_it_and_the_company_go_to_the_articles_firm():
    x = _x("Pine Cell Co., Ltd. (PCC) reported higher sales. PCC will expand its plant. In May, the battery maker "
           "announced a partnership with Kaito Motors, saying it will offer 20GWh of cells to the Japanese "
           "automaker by 2027. The company also signed an agreement with Ridge Parts Co., Ltd.")
    assert ("Pine Cell Co., Ltd", "Kaito Motors") in _rels(x, "SUPPLIES")
    assert ("Pine Cell Co., Ltd", "Ridge Parts Co., Ltd") in _rels(x, "SIGNED_WITH")


def test_a_name_headquartered_somewhere_is_a_firm_located_there():
    x = _x("Kestrel Valves Co., Ltd., headquartered in Wenzhou, signed a deal. Ridge Pumps (RP), based in "
           "Hangzhou, agreed too.")
    assert _names(x, "Firm") == ["Kestrel Valves Co., Ltd", "Ridge Pumps"]
    located = _rels(x, "LOCATED_IN")
    assert ("Kestrel Valves Co., Ltd", "Wenzhou") in located and ("Ridge Pumps", "Hangzhou") in located


def test_an_address_places_the_park_and_the_zone_in_its_city():
    x = _x("Cranes were busy at the Valve Industrial Park in the Lakeside Economic Development Zone, Wenzhou City, "
           "Zhejiang Province. The county is building a valve industry chain.")
    located = _rels(x, "LOCATED_IN")
    assert ("Valve Industrial Park", "Wenzhou City") in located
    assert ("Lakeside Economic Development Zone", "Wenzhou City") in located
    assert ("Valve Industrial Park", "Zhejiang Province") not in located


def test_an_event_named_after_the_verb_of_its_clause():
    # "X was launched at the Y, which was held …": Y is the event, X is not part of its name
    x = _x("On May 3, the Pine Valve Industry Alliance was formally launched at the 2024 Pine Valve Supply "
           "Conference, which was held in Wenzhou.")
    assert _names(x, "Event") == ["2024 Pine Valve Supply Conference"]
    assert "Pine Valve Industry Alliance" in _names(x, "Alliance")


def test_a_named_alliance_outranks_a_headline_reference_and_an_edition_keeps_its_year():
    x = _x("A valve alliance of 30 firms was launched on May 3 at the 2024 Pine Valve Supply Conference in Wenzhou. "
           "The Pine Valve Industry Alliance was initiated by Pine Valve Co., Ltd.",
           title="Wenzhou sets up valve industry alliance")
    assert _names(x, "Alliance") == ["Pine Valve Industry Alliance"]
    assert _names(x, "Event") == ["2024 Pine Valve Supply Conference"]


def test_possessives_places_before_names_towns_and_new_energy():
    x = _x("Wenzhou-headquartered Pine Valve Co., Ltd. will supply valves to Lake Motor's Wuhan plant. Its seals "
           "come from Chendai Town. The new energy battery industry chain grew. The Wuhan Municipal People's "
           "Government hosted the talks.")
    firms = _names(x, "Firm")
    assert "Pine Valve Co., Ltd" in firms and not any("Wuhan" in f or "headquartered" in f for f in firms)
    assert "Chendai Town" in _names(x, "City")
    assert "new energy battery" in _names(x, "Chain")
    assert "Wuhan Municipal People's Government" in _names(x, "Agency")
    y = _x("Pinecell Semiconductor Co., Ltd. signed a deal with Lake Wafer Co., Ltd. under which it will supply "
           "wafers to Pinecell's Xi'an plant.")
    assert not any("'s" in f for f in _names(y, "Firm"))


def test_an_event_name_keeps_its_edition_and_drops_whose_it_is():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("On the morning of November 4, our county's magnesium industry chain key projects signing ceremony "
                     "was held in Pine Economic Development Zone.")
    assert names(x, "Event") == ["magnesium industry chain key projects signing ceremony"]
    y = extract_news("In October, the 6th China (Deqing) Piano Culture Festival will be held in Luoshe, organized by "
                     "the China Musical Instrument Association.")
    assert names(y, "Event") == ["6th China (Deqing) Piano Culture Festival"]


def test_an_organised_events_name_ends_before_where_it_was_held():
    x = _x("In May, the Pine Zone Management Committee organised the Pine Power Industry Chain Matchmaking Week in the "
           "park, with engine parts as its focus.")
    assert _names(x, "Event") == ["Pine Power Industry Chain Matchmaking Week"]


def test_an_association_named_for_a_trade_is_an_alliance_of_its_chain():
    x = _x("The meeting was hosted by the Pine Ceramics Association and the Pine Municipal Bureau of Commerce.")
    assert _names(x, "Alliance") == ["Pine Ceramics Association"]
    assert _names(x, "Agency") == ["Pine Municipal Bureau of Commerce"]


def test_a_firm_named_china_and_a_word_in_a_role_slot():
    x = _x("Hubei Pine Cable Co., Ltd. makes cables. Pine Cable won bids last year to supply trunk cables to China "
           "Mobile and China Tower. The plant is in China.")
    assert {"China Mobile", "China Tower"} <= set(_names(x, "Firm"))
    assert ("Hubei Pine Cable Co., Ltd", "China Mobile") in _rels(x, "SUPPLIES")


def test_a_body_named_only_in_a_quoted_persons_title_is_left_out_but_not_one_at_the_event():
    x = _x('"Local firms now sell to the east," said Zhao Peng, deputy director of the Pine Municipal Bureau of '
           "Commerce. Liu Dong, chief engineer of the Pine Bureau of Industry and Information Technology, attended "
           "the meeting.")
    agencies = _names(x, "Agency")
    assert "Pine Municipal Bureau of Commerce" not in agencies
    assert "Pine Bureau of Industry and Information Technology" in agencies


def test_a_full_name_with_and_before_a_common_word_is_one_firm_in_a_role_slot():
    x = _x("During the meeting, Pine Engineering Co., Ltd. signed a contract with Zhonghai Deepwater Oil and Gas "
           "Development Co., Ltd. It also signed with Hengrui and Tianxuan Motor Co., Ltd.")
    firms = _names(x, "Firm")
    assert "Zhonghai Deepwater Oil and Gas Development Co., Ltd" in firms
    assert {"Hengrui", "Tianxuan Motor Co., Ltd"} <= set(firms)


def test_a_cooperative_is_a_firm():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "Title\n\nThe apples come from the Jiuxian Apple Professional Cooperative, "
                                         "which has 300 member households."))
    assert "Jiuxian Apple Professional Cooperative" in {e.name for e in x.entities if e.type == "Firm"}


def test_its_first_batch_of_members_are_the_alliances_members():
    x = _x("The Lakeside Drone Industry Chain Alliance was founded on May 8. The alliance was initiated by "
           "Lakeside Wing Aviation Co., Ltd. Its first batch of members includes Hill Rotor Parts Co., Ltd. "
           "and Bay Flight Control Technology Co., Ltd.")
    members = {h for h, _t in _rels(x, "MEMBER_OF")}
    assert {"Hill Rotor Parts Co., Ltd", "Bay Flight Control Technology Co., Ltd"} <= members


def test_a_conference_named_for_an_alliance_is_an_event_not_a_second_alliance():
    x = _x("The Lakeside Drone Industry Chain Alliance was founded on May 8. The Founding Conference of the "
           "Lakeside Drone Industry Chain Alliance was hosted by the Lakeside Municipal Bureau of Commerce.")
    assert _names(x, "Alliance") == ["Lakeside Drone Industry Chain Alliance"]
    assert "Founding Conference of the Lakeside Drone Industry Chain Alliance" in _names(x, "Event")


def test_a_session_closes_an_events_name():
    x = _x("On June 3, the bureau and Yuchai jointly held the Rail Transit Equipment Industry Chain Supply and Demand "
           "Matchmaking Session at the plant, attended by 30 local enterprises.")
    assert _names(x, "Event") == ["Rail Transit Equipment Industry Chain Supply and Demand Matchmaking Session"]


def test_hosted_by_closes_an_events_name_and_names_its_organizer():
    x = _x("On May 9, the 2024 Hill Auto Global Suppliers Conference hosted by Hill Auto was held in Lakeside. "
           "Hill Auto Co., Ltd. builds pickups in Lakeside.")
    assert _names(x, "Event") == ["2024 Hill Auto Global Suppliers Conference"]
    assert ("Hill Auto Co., Ltd", "2024 Hill Auto Global Suppliers Conference") in _rels(x, "ORGANIZED")


def test_a_bodys_name_with_an_and_of_its_own_then_a_firms_full_name_are_two():
    x = _x("The meeting was undertaken by the Lakeside Municipal Bureau of Economy and Information Technology "
           "and Hill Commercial Vehicle Co., Ltd. It was held in Lakeside.")
    assert _names(x, "Agency") == ["Lakeside Municipal Bureau of Economy and Information Technology"]
    assert _names(x, "Firm") == ["Hill Commercial Vehicle Co., Ltd"]


def test_a_firms_apposition_names_its_product_chain():
    x = _x("Hill Distillery Group Co., Ltd., the local sorghum liquor leader, signed with the Lakeside Management "
           "Committee on a tourism project.")
    assert "sorghum liquor" in _names(x, "Chain")
    assert ("Hill Distillery Group Co., Ltd", "sorghum liquor") in _rels(x, "BELONGS_TO")


def test_a_product_cut_short_at_its_participle_is_no_chain():
    x = _x("Hill Materials Co., Ltd., a Lakeside-based insulating material maker, signed with Bay Grid Co., Ltd.")
    assert "material" not in _names(x, "Chain")


def test_an_event_declared_a_short_name_keeps_its_full_name():
    x = _x('On September 15, the 2023 Lanxi International Hair Products Trade Fair (hereinafter referred to as '
           'the "Hair Fair") opened. The Hair Fair was sponsored by the Lanxi Municipal People\'s Government.')
    events = [e for e in x.entities if e.type == "Event"]
    assert [e.name for e in events] == ["2023 Lanxi International Hair Products Trade Fair"]
    assert "Hair Fair" in events[0].aliases
