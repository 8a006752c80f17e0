"""English lists of chains after "areas like" and after a verb of making with a known
chain among them; a list in a sentence about the participants is what the event is
about; an event held under a long title-case name keeps its whole name."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names, rels as _rels


def test_a_long_event_name_and_the_chains_of_its_participants():
    x = _x("On April 2, the Pine Bay Management Committee hosted the 2023 Pine Bay New Area (Lakeside Port Zone) "
           "Supply Chain Matchmaking Conference. Participating firms came from areas like smart sensors "
           "and marine cable systems.")
    event = "2023 Pine Bay New Area (Lakeside Port Zone) Supply Chain Matchmaking Conference"
    assert _names(x, "Event") == [event]
    assert (event, "marine cable systems") in _rels(x, "ABOUT")
    assert (event, "smart sensors") in _rels(x, "ABOUT")


def test_a_list_after_develop_with_one_known_chain_is_a_list_of_chains():
    x = _x("Birch Rail Co., Ltd. has invested in Suzhou to develop new materials, hydrogen storage "
           "and smart logistics robots.")
    assert {"hydrogen storage", "smart logistics robots"} <= set(_names(x, "Chain"))


def test_a_list_of_tasks_is_no_list_of_chains():
    x = _x("The park will focus on areas such as vaccine research and development, data services "
           "and clinical testing.")
    assert "data services" not in _names(x, "Chain")


def test_a_listed_field_of_five_words():
    x = _x("The park has a chain covering ore mining, copper smelting, high purity copper foil materials "
           "and cable making.")
    assert "high purity copper foil materials" in _names(x, "Chain")


def test_two_fields_the_signed_projects_involve_are_what_the_event_is_about():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("The 2024 Hefei Parts Matchmaking Conference was held in Hefei on Monday. Of the 30 signed projects, "
                     "12 involve seat frames and door modules, and 18 concern brake pads and wheel hubs.")
    about = {t for _h, t in rels(x, "ABOUT")}
    assert {"seat frames", "door modules", "brake pads", "wheel hubs"} <= about


def test_fields_named_after_namely_and_a_list_ending_in_as_well_as():
    x = _x("The Pine Glass Fibre Alliance was founded in Tongxiang. The alliance will focus on three directions, "
           "namely high-performance glass fibre, electronic-grade glass fibre and wind power composites. "
           "18 projects were signed at the 2024 Pine Wind Power Conference, covering turbines, blades, towers, "
           "submarine cables as well as tower flanges.")
    chains = set(_names(x, "Chain"))
    assert {"high-performance glass fibre", "electronic-grade glass fibre", "wind power composites"} <= chains
    assert {"turbines", "blades", "towers", "submarine cables", "tower flanges"} <= chains


def test_a_field_list_closed_by_chains_and_a_chain_owner_are_no_chain_names():
    from news_helpers import extract_news, names

    x = extract_news("Buyers released 132 demands on site, covering the auto parts, automotive electronics, power battery "
                     "and mould chains. Chain-owner enterprise Foshan Ruolan Ceramics Co., Ltd. and chain-owner "
                     "enterprise Qinghe Glass Co., Ltd. took part.")
    chains = names(x, "Chain")
    assert "mould" in chains and "mould chains" not in chains and "chain-owner" not in chains


def test_names_listed_before_and_other_brand_owners_are_firms():
    x = _x("At the fair, 45 local parts makers met buyers from Lingxing, Qingqi Mobility and other brand owners.")
    assert _names(x, "Firm") == ["Lingxing", "Qingqi Mobility"]


def test_a_list_of_firms_after_where_they_are_and_a_customer_after_supplier_of():
    x = _x("Qinglan Wood Co., Ltd. became a qualified supplier of Haoju Cabinets in March. Other enterprises in "
           "the park, such as Bishan Plywood Co., Ltd., Tianchi Board and Huaxiang Hot Press Machinery, have "
           "upgraded their lines.")
    assert {"Haoju Cabinets", "Tianchi Board", "Huaxiang Hot Press Machinery"} <= set(_names(x, "Firm"))
    assert ("Qinglan Wood Co., Ltd", "Haoju Cabinets") in _rels(x, "SUPPLIES")


def test_fields_a_list_covered_are_chains():
    x = _x("Carmakers released their procurement lists, which covered power batteries, electric drive systems and "
           "intelligent cockpits, while parts makers held talks with buyers.")
    assert {"electric drive systems", "intelligent cockpits"} <= set(_names(x, "Chain"))


def test_the_trades_of_enterprises_in_a_list_that_attended_are_chains_the_meeting_is_about():
    x = _x("On May 6, the Anqing Chip Investment Conference was held in Shenzhen. More than 60 enterprises in wafer "
           "manufacturing, semiconductor materials and test equipment attended the conference. Their research, "
           "production and sales were shown.")
    chains = _names(x, "Chain")
    assert {"wafer manufacturing", "semiconductor materials", "test equipment"} <= set(chains)
    assert "research" not in chains and "production" not in chains
    about = {chain for _event, chain in _rels(x, "ABOUT")}
    assert {"wafer manufacturing", "semiconductor materials", "test equipment"} <= about


def test_a_cluster_covering_only_steps_of_work_lists_no_chains():
    x = _x("Fourteen supporting enterprises have settled in the zone, forming an industrial cluster covering smelting, "
           "powder making, processing and recycling.")
    assert not {"smelting", "powder making", "recycling"} & set(_names(x, "Chain"))


def test_a_city_and_its_country_closing_a_firm_list_are_no_firms():
    x = _x("Hanlin Materials makes precursors, which are supplied to Doral Cathode of Ulsan, Korea, and other "
           "cathode material makers.")
    firms = _names(x, "Firm")
    assert "Ulsan" not in firms and "Korea" not in firms
    assert "Ulsan" in _names(x, "City")


def test_the_industry_chains_closing_a_field_list_are_no_part_of_its_last_member():
    x = _x("The 30 projects are worth 20 billion yuan, covering the fine chemicals, synthetic rubber and "
           "solid state battery materials industry chains.")
    chains = set(_names(x, "Chain"))
    assert {"fine chemicals", "synthetic rubber", "solid state battery materials"} <= chains
    assert "solid state battery materials industry" not in chains


def test_the_links_a_chain_is_extended_to_are_chains():
    x = _x("Lakeside will extend the chain to specialty rubber, aramid fibres and fine chemicals in five years.")
    assert {"specialty rubber", "aramid fibres", "fine chemicals"} <= set(_names(x, "Chain"))
