"""Regions and firm locations in Chinese and English."""

import pytest

from chaingraph.errors import NotFoundError
from chaingraph.analytics.regions import firm_locations, resolve_region


@pytest.mark.parametrize("name", ["Hunan", "湖南", "湖南省", "Hunan Province", "HUNAN"])
def test_province_names_in_both_languages(analytics_graph, name):
    region = resolve_region(analytics_graph, name)
    assert (region.kind, region.key, region.name) == ("province", "430000", "湖南")
    assert region.firms(analytics_graph) == {"firm:f1", "firm:f2", "firm:f3", "firm:f7"}


@pytest.mark.parametrize("name", ["Changsha", "长沙", "长沙市", "Changsha City"])
def test_city_names(analytics_graph, name):
    region = resolve_region(analytics_graph, name)
    assert (region.kind, region.key, region.provinces) == ("city", "430100", {"430000"})
    assert region.firms(analytics_graph) == {"firm:f1", "firm:f2"}


def test_locations_from_properties_edges_and_city_nodes(analytics_graph):
    loc = firm_locations(analytics_graph)
    assert (loc["firm:f2"].city.name, loc["firm:f2"].province.name) == ("长沙", "湖南")  # city node's province
    assert (loc["firm:f7"].city.name, loc["firm:f7"].province.name) == ("株洲", "湖南")  # City -> Province edge
    assert (loc["firm:f3"].city.name, loc["firm:f3"].province.name) == ("湘潭", "湖南")  # English properties
    assert (loc["firm:f4"].city.name, loc["firm:f4"].province.name) == ("常州", "江苏")
    assert not loc["firm:f4"].inferred


def test_cluster_and_alliance_regions_and_unknown_names(analytics_graph):
    assert resolve_region(analytics_graph, "长沙经开区").members == {"firm:f1"}
    alliance = resolve_region(analytics_graph, "长株潭工程机械联盟")
    assert alliance.kind == "cluster" and alliance.members == {"firm:f1", "firm:f2", "firm:f7"}
    assert alliance.provinces == {"430000"}
    with pytest.raises(NotFoundError):
        resolve_region(analytics_graph, "Changsha Economic Development Zone")  # alias needs the store
    with pytest.raises(NotFoundError):
        resolve_region(analytics_graph, "Atlantis")


def test_city_suffix_picks_the_city_over_the_province(analytics_graph):
    assert resolve_region(analytics_graph, "吉林").kind == "province"
    assert resolve_region(analytics_graph, "吉林市").kind == "city"
