"""English deals read by en_signing: agreements entered into or extended (purchase →
the other party supplies), sales contracts (the signer supplies), a new clause after
a comma, and a firm that invites others to an event organises it."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names, rels as _rels


def test_an_agreement_entered_into_or_extended_for_purchases():
    x = _x("On March 2 Harbor Chips Co., Ltd. entered into a framework purchase agreement with Delta Optics Co., Ltd. "
           "for lenses. Harbor Chips Co., Ltd. will also extend a deal with Ridge Tools Co., Ltd. "
           "for equipment purchases.")
    assert ("Delta Optics Co., Ltd", "Harbor Chips Co., Ltd") in _rels(x, "SUPPLIES")
    assert ("Ridge Tools Co., Ltd", "Harbor Chips Co., Ltd") in _rels(x, "SUPPLIES")
    assert len(_rels(x, "SIGNED_WITH")) == 2


def test_a_sales_contract_makes_the_signer_the_supplier_and_a_comma_opens_a_new_clause():
    x = _x("Before Amber Silicon Co., Ltd. signed sales contracts with Cobalt Solar Co., Ltd., Birch Wafer Co., Ltd. "
           "also announced that it had signed an agreement with Cobalt Solar Co., Ltd. to buy wafers.")
    assert ("Amber Silicon Co., Ltd", "Cobalt Solar Co., Ltd") in _rels(x, "SUPPLIES")
    signed = _rels(x, "SIGNED_WITH")
    assert ("Amber Silicon Co., Ltd", "Birch Wafer Co., Ltd") not in signed
    assert ("Birch Wafer Co., Ltd", "Amber Silicon Co., Ltd") not in signed


def test_a_firm_inviting_others_to_an_event_organises_it_there():
    x = _x("On May 4, the carmaker Zenith Motors invited its core suppliers to a \"Partner Supplier Summit\" "
           "in Hefei. Only 80 suppliers were invited. Staff of Zenith Motors took part in the summit.")
    assert ("Zenith Motors", "Partner Supplier Summit") in _rels(x, "ORGANIZED")
    assert ("Partner Supplier Summit", "Hefei") in _rels(x, "LOCATED_IN")
    assert ("Zenith Motors", "Partner Supplier Summit") not in _rels(x, "PARTICIPATED_IN")


def test_the_parties_of_a_deal_signed_at_a_forum_took_part_in_it_where_they_signed():
    x = _x("Harbor Copper Co., Ltd. signed a supply agreement with Ridge Cable Co., Ltd. on Monday in Kunming. "
           "The deal was signed at the Copper Supply Chain Summit organized by a trade body.")
    took_part = _rels(x, "PARTICIPATED_IN")
    assert ("Harbor Copper Co., Ltd", "Copper Supply Chain Summit") in took_part
    assert ("Ridge Cable Co., Ltd", "Copper Supply Chain Summit") in took_part
    assert ("Copper Supply Chain Summit", "Kunming") in _rels(x, "LOCATED_IN")


def test_the_clause_after_a_purchase_agreement_names_the_supplier():
    x = _x("Pine Valve Co., Ltd. signed a purchase agreement with Lake Motor Co., Ltd., under which it will supply "
           "brake valves to Lake Motor's plant. Stone Gear Co., Ltd. signed a purchase agreement with Lake Motor "
           "Co., Ltd., under which the latter will supply axles.")
    supplies = _rels(x, "SUPPLIES")
    assert ("Pine Valve Co., Ltd", "Lake Motor Co., Ltd") in supplies
    assert ("Lake Motor Co., Ltd", "Pine Valve Co., Ltd") not in supplies
    assert ("Lake Motor Co., Ltd", "Stone Gear Co., Ltd") in supplies


def test_a_signing_verb_with_no_party_before_it_and_a_supplier_named_as_such():
    x = _x("Among the signed projects, Pine Valve Co., Ltd. inked an agreement with Lake Motor Co., Ltd. on valves. "
           "Stone Gear Co., Ltd. was also named a qualified gear supplier of Lake Motor Co., Ltd.")
    assert ("Pine Valve Co., Ltd", "Lake Motor Co., Ltd") in _rels(x, "SIGNED_WITH")
    assert ("Stone Gear Co., Ltd", "Lake Motor Co., Ltd") in _rels(x, "SUPPLIES")


def test_the_members_an_alliance_includes():
    x = _x("The Pine Valve Industry Alliance was founded in Wenzhou. Its first members span the chain and include "
           "Pine Valve Co., Ltd., Lake Seal Co., Ltd. and Stone Gear Co., Ltd.")
    members = {h for h, t in _rels(x, "MEMBER_OF") if t == "Pine Valve Industry Alliance"}
    assert {"Pine Valve Co., Ltd", "Lake Seal Co., Ltd", "Stone Gear Co., Ltd"} <= members


def test_the_side_named_in_a_deals_terms_delivers_to_the_other():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("Hanyang Laser Co., Ltd. and Wuhan Guanggu Optics Co., Ltd. signed an agreement to develop cutters, "
                     "in which Guanggu will provide the laser sources. Jianghan Networks Co., Ltd. signed a contract "
                     "with Hubei Telecom Services Co., Ltd. Under the deal, Jianghan will supply routers.")
    assert set(rels(x, "SUPPLIES")) == {("Wuhan Guanggu Optics Co., Ltd", "Hanyang Laser Co., Ltd"),
                                        ("Jianghan Networks Co., Ltd", "Hubei Telecom Services Co., Ltd")}


def test_customers_listed_by_full_legal_names_after_products_go_to():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("Yichun Lithium Salt Co., Ltd. will supply lithium carbonate to CATL. Besides CATL, the company's "
                     "products also go to cathode makers such as Hunan Cathode Co., Ltd., Jiangxi Precursor Co., Ltd. "
                     "and Ningbo Powder Co., Ltd.")
    got = set(rels(x, "SUPPLIES"))
    assert {("Yichun Lithium Salt Co., Ltd", f) for f in
            ("Hunan Cathode Co., Ltd", "Jiangxi Precursor Co., Ltd", "Ningbo Powder Co., Ltd")} <= got
    assert not any(h == "CATL" for h, _t in got)


def test_they_include_after_a_sentence_about_members_lists_members():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("The Lishui Valve Industry Alliance was founded on Monday. The first batch of 30 members are "
                     "mostly manufacturers. They include Zhejiang Oulong Valve Co., Ltd. and Lishui Tianfu Pump Co., Ltd.")
    assert {h for h, _t in rels(x, "MEMBER_OF")} == {"Zhejiang Oulong Valve Co., Ltd", "Lishui Tianfu Pump Co., Ltd"}


def test_firms_named_with_as_co_organizers_organised_the_event():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("The 2024 Chongqing Parts Matchmaking Conference was held in Chongqing on Thursday. It was organized "
                     "by the Chongqing Municipal Commission of Commerce, with Chongqing Changan Automobile Co., Ltd. "
                     '(hereinafter "Changan") and Seres Group Co., Ltd. as co-organizers. Jiangbei Seats Co., Ltd. '
                     "signed with Changan, with Seres as a witness.")
    organisers = {h for h, _t in rels(x, "ORGANIZED")}
    assert {"Chongqing Changan Automobile Co., Ltd", "Seres Group Co., Ltd"} <= organisers
    assert "Jiangbei Seats Co., Ltd" not in organisers


def test_goods_provided_by_a_firm_go_to_their_owner_or_the_other_party_of_the_agreement():
    x = _x("The largest assembler is Pine Piano Co., Ltd., which makes 30,000 pianos a year. Its soundboards are "
           "provided by Birch Soundboard Co., Ltd. A supply agreement was signed between Oak Blade Co., Ltd. and "
           "Elm Turbine Co., Ltd. Under the agreement, 400 blades will be supplied by Oak Blade Co., Ltd. from 2025. "
           "To serve the order, a local supporting system was arranged by the company: cores will be provided by "
           "Ash Core Co., Ltd.; fabrics are sourced from Yew Fabrics Co., Ltd.; and resin will come from the plant "
           "of Fir Resin Co., Ltd.")
    supplies = set(_rels(x, "SUPPLIES"))
    assert ("Birch Soundboard Co., Ltd", "Pine Piano Co., Ltd") in supplies
    assert ("Oak Blade Co., Ltd", "Elm Turbine Co., Ltd") in supplies
    assert {("Ash Core Co., Ltd", "Oak Blade Co., Ltd"), ("Yew Fabrics Co., Ltd", "Oak Blade Co., Ltd"),
            ("Fir Resin Co., Ltd", "Oak Blade Co., Ltd")} <= supplies
    assert ("Yew Fabrics Co., Ltd", "Ash Core Co., Ltd") not in supplies


def test_deals_listed_as_bullets_after_a_signing_cue_and_a_signer_with_an_appositive():
    x = _x("On May 2, the 2024 Pine Drone Supply and Demand Docking Meeting was held in Anyang. 23 projects were "
           "signed on the spot. Among them:\n\n"
           "-- Oak Flight Control Co., Ltd. signed a framework agreement with Elm Aviation Co., Ltd. Under the "
           "agreement, 3,000 flight controllers will be supplied by Oak Flight Control Co., Ltd. to Elm Aviation "
           "Co., Ltd.;\n\n"
           "-- Ash Power Co., Ltd., headquartered in Shenzhen, Guangdong Province, signed a motor supply agreement "
           "with Elm Aviation Co., Ltd.\n\n"
           "During the event, 14 firms including Yew Frames Co., Ltd. released purchase lists. Batteries will be "
           "supplied by Fir Cells Co., Ltd. to Elm Aviation Co., Ltd.")
    event = "2024 Pine Drone Supply and Demand Docking Meeting"
    took_part = {f for f, e in _rels(x, "PARTICIPATED_IN") if e == event}
    assert {"Oak Flight Control Co., Ltd", "Elm Aviation Co., Ltd", "Ash Power Co., Ltd",
            "Yew Frames Co., Ltd"} <= took_part
    assert ("Ash Power Co., Ltd", "Elm Aviation Co., Ltd") in _rels(x, "SIGNED_WITH")
    supplies = set(_rels(x, "SUPPLIES"))
    assert {("Oak Flight Control Co., Ltd", "Elm Aviation Co., Ltd"), ("Ash Power Co., Ltd", "Elm Aviation Co., Ltd"),
            ("Fir Cells Co., Ltd", "Elm Aviation Co., Ltd")} <= supplies


def test_the_parties_opening_each_line_of_a_list_of_signed_deals_signed_with_each_other():
    x = _x("The fair closed on Friday. Projects signed on the day included:\n\n"
              "- Hill Carbon Co., Ltd. and Lake Machinery Co., Ltd. of Changshu: Lake will deliver 40 lines;\n"
              "- Stone Composites Co., Ltd., River Vessel Co., Ltd. and Bank of Jiangsu Lianyungang Branch: a "
              "framework agreement.\n\nOther firms, such as Pine Mould Co., Ltd. and Oak Resin Co., Ltd., "
              "attended.")
    assert _rels(x, "SIGNED_WITH") == [
        ("Hill Carbon Co., Ltd", "Lake Machinery Co., Ltd"),
        ("River Vessel Co., Ltd", "Bank of Jiangsu Lianyungang Branch"),
        ("Stone Composites Co., Ltd", "Bank of Jiangsu Lianyungang Branch"),
        ("Stone Composites Co., Ltd", "River Vessel Co., Ltd")]


def test_a_part_of_a_named_event_is_the_event_and_listed_parties_may_carry_a_place():
    x = _x("On September 20, the project signing ceremony of the 2024 Hill Bay Aquatic Products Investment "
           "Conference was held in Hill Bay. Other signings included:\n"
           "- Hong Kong-based Ocean Trading Limited and Dongjin Food Co., Ltd., for frozen shrimp;\n"
           "- Xian Cold Chain Co., Ltd. from Shenzhen and the Hill Bay Bureau of Commerce, for a cold store;\n"
           "- Thailand's Pine Foods Co., Ltd. (Pine) and Ruihai Seedling Co., Ltd., for broodstock.")
    assert _names(x, "Event") == ["2024 Hill Bay Aquatic Products Investment Conference"]
    assert _rels(x, "SIGNED_WITH") == [("Ocean Trading Limited", "Dongjin Food Co., Ltd"),
                                       ("Pine Foods Co., Ltd", "Ruihai Seedling Co., Ltd"),
                                       ("Xian Cold Chain Co., Ltd", "Hill Bay Bureau of Commerce")]


def test_inking_and_agreeing_with_sign_and_a_relative_clause_keeps_the_subject():
    x = _x("Hill Composites Co., Ltd., which supplies wing skins to Stone Aviation Co., Ltd., used the conference to "
           "ink a framework agreement with Lake UAV Co., Ltd. River Group agreed with the Yangdong District People's "
           "Government on a 1.2 billion yuan project.")
    signed = _rels(x, "SIGNED_WITH")
    assert ("Hill Composites Co., Ltd", "Lake UAV Co., Ltd") in signed
    assert ("Stone Aviation Co., Ltd", "Lake UAV Co., Ltd") not in signed
    assert ("River Group", "Yangdong District People's Government") in signed


def test_agreeing_to_buy_from_a_firm_is_a_deal_with_it():
    x = _x("In the biggest deal, Hill Petrochemical Co., Ltd. agreed to source 1,200 ball valves over two years from "
           "Lake Valve Group Co., Ltd. Stone Co., Ltd. buys steel from River Steel Co., Ltd.")
    assert _rels(x, "SIGNED_WITH") == [("Hill Petrochemical Co., Ltd", "Lake Valve Group Co., Ltd")]
    assert ("Lake Valve Group Co., Ltd", "Hill Petrochemical Co., Ltd") in _rels(x, "SUPPLIES")


def test_a_joint_procurement_agreement_makes_no_supplier_of_either_side():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "Title\n\nHengfa Ceramics Co., Ltd. signed a joint procurement agreement "
                                         "with Yulan Porcelain Co., Ltd. for glaze materials."))
    assert any(r.type == "SIGNED_WITH" for r in x.relations)
    assert not any(r.type == "SUPPLIES" for r in x.relations)


def test_a_line_of_signed_deals_may_join_its_parties_with_with():
    x = _x("The meeting opened on Thursday. Other agreements signed on the day included:\n"
           "* Hill Graphene Technology Co., Ltd. with the Lake Institute of Technology on a pilot line;\n"
           "* Stone Economic Development Zone Administrative Committee with River Anode Co., Ltd. on a project.")
    assert set(_rels(x, "SIGNED_WITH")) == {
        ("Hill Graphene Technology Co., Ltd", "Lake Institute of Technology"),
        ("Stone Economic Development Zone Administrative Committee", "River Anode Co., Ltd")}


def test_supply_deals_under_a_signed_agreements_header_are_signings_at_the_meeting():
    from news_helpers import extract_news, rels

    x = extract_news("The 2024 Riverside Liquor Industry Chain Supply and Demand Docking Meeting was held in Riverside "
                     "on June 20. A total of 12 agreements were signed on site.\n\n"
                     "Officials said local sourcing rose last year.\n\n"
                     "The signed agreements include:\n\n"
                     "1. Hill Sorghum Co., Ltd. will supply 30,000 tons of sorghum to Bay Liquor Co., Ltd. under a "
                     "three-year contract;\n"
                     "2. Pine Filling Equipment Co., Ltd. will provide two filling lines for Oak Distillery Co., Ltd.")
    signed = {frozenset(p) for p in rels(x, "SIGNED_WITH")}
    assert frozenset({"Hill Sorghum Co., Ltd", "Bay Liquor Co., Ltd"}) in signed
    assert frozenset({"Pine Filling Equipment Co., Ltd", "Oak Distillery Co., Ltd"}) in signed
    took_part = {h for h, _t in rels(x, "PARTICIPATED_IN")}
    assert {"Hill Sorghum Co., Ltd", "Pine Filling Equipment Co., Ltd"} <= took_part


def test_a_signer_described_as_another_firms_subsidiary_signs_itself():
    signed = _rels(_x("Guangxi Qinghe Paper Co., Ltd., the Beihai subsidiary of Shandong Qinghe Paper Industry Joint "
                      "Stock Co., Ltd. (Qinghe Paper), signed with the Management Committee of Lanxi Industrial Zone "
                      "for a pulp project."), "SIGNED_WITH")
    assert ("Guangxi Qinghe Paper Co., Ltd", "Management Committee of Lanxi Industrial Zone") in signed
    assert not any("Shandong" in a for a, _b in signed)


def test_firms_that_both_signed_their_own_deals_signed_with_no_one_named():
    signed = _rels(_x("The coils of Qinghe Nickel Co., Ltd. are supplied to enterprises in the zone, such as Lanxi "
                      "Metal Co., Ltd. and Beichen Tableware Co., Ltd., both of which also signed expansion projects "
                      "on the day."), "SIGNED_WITH")
    assert signed == []
