"""Open-vocabulary product chains of English news: a noun before trade words used
three times is a chain (adjectives and name acronyms are not); an event named for a
chain is about it rather than about a chain that only shares its sentence."""

from __future__ import annotations

from news_helpers import extract_news as _x, names as _names, rels as _rels


def test_a_repeated_product_before_trade_words_is_a_chain():
    x = _x("Maple Carbon Co., Ltd. signed a long-term graphite order with Birch Cells Co., Ltd. "
           "Graphite prices rose this year. Maple Carbon Co., Ltd. said its graphite products sell well.")
    assert "graphite" in _names(x, "Chain")
    assert "term" not in _names(x, "Chain") and "long-term" not in _names(x, "Chain")


def test_an_event_named_for_a_chain_is_about_it():
    x = _x("Pine Weaving Co., Ltd. joined a wool programme after the launch event of the 'Deep Denim' range in "
           "Hangzhou, adding more linen consumption. Linen prices rose. Linen exports grew. "
           "Denim prices fell. Its denim products sell well.")
    about = _rels(x, "ABOUT")
    assert ("launch event of the 'Deep Denim' range", "denim") in about
    assert ("launch event of the 'Deep Denim' range", "linen") not in about


def test_place_and_time_words_before_trade_words_are_no_chains():
    x = _x("Oak Foods Co., Ltd. sells to the world market. Its share of the world grew this year. "
           "The world needs food. Year output rose; year output of the year was high.")
    assert "world" not in _names(x, "Chain") and "year" not in _names(x, "Chain")


def test_a_coordinated_lowercase_chain_is_two_chains_unless_a_name_holds_it():
    x = _x("The output of Pine City's automobile and parts industry rose by 9%.")
    chains = _names(x, "Chain")
    assert "automobile and parts" not in chains and "parts" in chains
    y = _x("The Pine Glass and Ceramics Industry Alliance met. The glass and ceramics industry grew by 5%.")
    assert "glass and ceramics" in _names(y, "Chain")


def test_a_product_always_named_with_the_same_noun_before_it_is_that_compound():
    from tests.extract.news_helpers import extract_news, names

    x = extract_news("Ganfeng is a lithium salt producer. Lithium salt prices fell, but lithium salt exports rose.")
    assert "lithium salt" in names(x, "Chain") and "salt" not in names(x, "Chain")


def test_words_judging_a_chain_are_not_part_of_it():
    x = _x("Pine County has built a relatively complete magnesium industrial chain. "
           "Birch City now has a complete industrial chain.")
    chains = _names(x, "Chain")
    assert "magnesium" in chains
    assert not {c for c in chains if "complete" in c}


def test_a_modifier_before_a_chain_form_narrows_it_in_every_spelling():
    x = _x("Pine City grows its offshore wind power industry chain. Maple Blade Co., Ltd. joined the "
           "Pine Offshore Wind Power Industry Chain Forum. Wind power output rose by 9%.")
    chains = _names(x, "Chain")
    assert "offshore wind power" in chains and "wind power" not in chains
    assert ("Pine Offshore Wind Power Industry Chain Forum", "offshore wind power") in _rels(x, "ABOUT")


def test_a_verb_before_a_chain_form_is_not_its_modifier():
    x = _x("Pine County sets up photovoltaic industry chain projects. Birch Group founds aquaculture industry "
           "chain funds.")
    chains = _names(x, "Chain")
    assert {"photovoltaic", "aquaculture"} <= set(chains)
    assert not {c for c in chains if c.startswith(("sets", "up ", "founds"))}


def test_an_alliance_founded_at_an_event_is_named_with_the_chain_its_name_gives():
    x = _x("The founding conference of the Pine Steel Wire and Cable Industrial Chain Alliance was held in "
           "Changsha. Maple Wire Co., Ltd. joined the alliance. The steel wire industry grew by 5%.")
    assert "Pine Steel Wire and Cable Industrial Chain Alliance" in _names(x, "Alliance")
    chains = {c.lower() for c in _names(x, "Chain")}
    assert {"steel wire and cable", "steel wire"} <= chains


def test_the_x_chain_is_a_chain_but_the_supply_or_cold_chain_is_not():
    x = _x("Pine City will build five sub-chains. Second, the graphene chain, led by Maple Graphene Co., Ltd. "
           "Third, the flexible graphite sealing materials chain, led by Birch Seals Co., Ltd. The supply chain and "
           "the cold chain are short. Oak Mart Co., Ltd. runs a chain store. Elm Chips Co., Ltd. anchors the "
           "integrated circuit chain.")
    chains = set(_names(x, "Chain"))
    assert {"graphene", "flexible graphite sealing materials", "integrated circuit"} <= chains
    assert not chains & {"supply", "cold", "circuit", "store"}
    assert ("Maple Graphene Co., Ltd", "graphene") in _rels(x, "BELONGS_TO")


def test_a_word_used_twice_before_a_chain_form_names_the_articles_segment():
    x = _x("Sessions were held for advanced ceramics and for glass. Firms in the advanced ceramics session "
           "included Qinglan Ceramics Co., Ltd. Bishan Advanced Ceramics Co., Ltd. also came.")
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert "advanced ceramics" in chains and "ceramics" not in chains


def test_a_title_case_name_joining_two_trades_makes_them_one_chain():
    x = _x("The founding conference of the Hubei Optical Fibre and Cable Industry Alliance was held in Wuhan. "
           "Qinglan Fibre Co., Ltd. joined the alliance.", title="Qinglan Sets Up Fibre Alliance")
    chains = _names(x, "Chain")
    assert "optical fibre and cable" in chains and "cable" not in chains


def test_a_modal_verb_before_a_trade_verb_is_no_chain():
    x = _x("Under the deal, Hill Foods Co., Ltd. will import shrimp. Lake Co., Ltd. will supply feed. "
           "River Co., Ltd. will import fillets, and shrimp imports rose.")
    assert "will" not in _names(x, "Chain")


def test_a_product_noun_used_twice_after_a_chain_form_narrows_it():
    x = _x("Hill Co., Ltd. makes copper foil for the lithium battery copper foil market, "
           "and the city now ships 60,000 tonnes of copper foil a year.")
    chains = _names(x, "Chain")
    assert "copper foil" in chains and "copper" not in chains and "foil" not in chains


def test_a_trailing_participle_and_a_relative_clause_are_no_part_of_a_chain():
    from news_helpers import extract_news

    x = extract_news("The 2024 Hunan Construction Machinery Supporting Industry Conference was held in Changsha. "
                     "Members will enter sectors such as auto parts, home appliances and photovoltaics, where demand "
                     "for robots keeps growing.")
    chains = {e.name for e in x.entities if e.type == "Chain"}
    assert "construction machinery" in chains
    assert not any(c.endswith("supporting") or c.startswith("where") for c in chains)


def test_a_chain_is_named_by_the_fuller_form_written_as_a_trade():
    x = _x("Zhangjiakou hosted a hydrogen energy matchmaking meeting, and twenty hydrogen energy firms attended. "
           "Their plants make hydrogen from wind power; hydrogen output rose, and hydrogen prices fell.")
    chains = _names(x, "Chain")
    assert "hydrogen energy" in chains and "hydrogen" not in chains


def test_a_fuller_product_form_does_not_rename_the_chain():
    x = _x("Jiujiang's copper foil makers met buyers. One sells battery copper foil to Sunwoda. Copper foil output "
           "rose, and copper foil exports doubled.")
    assert "copper foil" in _names(x, "Chain")


def test_a_headlines_verb_is_no_part_of_a_chain():
    x = _x("The alliance held its first meeting in Liaocheng.",
           title="Liaocheng sets up bearing industry chain alliance with 30 members")
    assert "bearing" in _names(x, "Chain") or "bearings" in _names(x, "Chain")
    assert not any("sets" in n for n in _names(x, "Chain") + _names(x, "Alliance"))


def test_a_count_of_chains_names_no_chain():
    x = _x("The local matching of the two chains was insufficient, and the three chains of the city grew. "
           "Its industry chains cover steel.")
    assert _names(x, "Chain") == ["steel"]


def test_a_scale_before_a_trade_is_no_word_of_the_chain():
    x = _x("The city aims to build a 100-billion-yuan new energy battery industry cluster by 2026, and a "
           "trillion-yuan-level steel industry cluster.")
    assert sorted(_names(x, "Chain")) == ["new energy battery", "steel"]


def test_integrated_or_large_alone_judge_a_chain_and_name_none():
    chains = set(_names(_x("The company has formed an integrated industrial chain and a large industry chain. "
                           "The integrated circuit industry chain grew."), "Chain"))
    assert "integrated circuit" in chains
    assert not chains & {"integrated", "large"}


def test_existing_chains_name_no_chain():
    assert "existing" not in _names(_x("The signed projects are mostly supplementary links of the existing chains. "
                                       "The existing copper foil industry chain grew."), "Chain")
