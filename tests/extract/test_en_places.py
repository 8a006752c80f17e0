"""English places below the prefecture: a new area the gazetteer does not know is a
district of the article's city; bodies and events named for it are located in it; a
firm that invested in a city is located there."""

from __future__ import annotations

from news_helpers import extract_news as _x, rels as _rels


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
