"""Regions and firm locations in Chinese and English."""

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.places import firm_locations
from chaingraph.analytics.regions import resolve_region
from chaingraph.errors import InputError, NotFoundError


def firms_in(graph, region):
    return PlacedGraph.from_graph(graph).firms_in(region)


@pytest.mark.parametrize("name", ["Hunan", "湖南", "湖南省", "Hunan Province", "HUNAN"])
def test_province_names_in_both_languages(analytics_graph, name):
    region = resolve_region(analytics_graph, name)
    assert (region.kind, region.key, region.name) == ("province", "430000", "湖南")
    assert firms_in(analytics_graph, region) == {"firm:f1", "firm:f2", "firm:f3", "firm:f7"}


@pytest.mark.parametrize("name", ["Changsha", "长沙", "长沙市", "Changsha City"])
def test_city_names(analytics_graph, name):
    region = resolve_region(analytics_graph, name)
    assert (region.kind, region.key, region.provinces) == ("city", "430100", {"430000"})
    assert firms_in(analytics_graph, region) == {"firm:f1", "firm:f2"}


def test_locations_from_properties_edges_and_city_nodes(analytics_graph):
    loc = firm_locations(analytics_graph)
    assert (loc["firm:f2"].city.name, loc["firm:f2"].province.name) == ("长沙", "湖南")  # city node's province
    assert (loc["firm:f7"].city.name, loc["firm:f7"].province.name) == ("株洲", "湖南")  # City -> Province edge
    assert (loc["firm:f3"].city.name, loc["firm:f3"].province.name) == ("湘潭", "湖南")  # English properties
    assert (loc["firm:f4"].city.name, loc["firm:f4"].province.name) == ("常州", "江苏")
    assert not loc["firm:f4"].inferred


def test_cluster_and_alliance_regions_and_unknown_names(analytics_graph):
    cluster = resolve_region(analytics_graph, "长沙经开区")
    assert cluster.kind == "cluster" and cluster.members == {"firm:f1"} and cluster.cities == {"430100"}
    alliance = resolve_region(analytics_graph, "长株潭工程机械联盟")
    assert alliance.kind == "alliance" and alliance.members == {"firm:f1", "firm:f2", "firm:f7"}
    assert alliance.provinces == {"430000"} and alliance.cities == {"430100", "430200"}
    # The region is the members' places: every firm there is inside, members or not.
    assert firms_in(analytics_graph, alliance) == {"firm:f1", "firm:f2", "firm:f7"}
    with pytest.raises(NotFoundError):
        resolve_region(analytics_graph, "Changsha Economic Development Zone")  # alias needs the store
    with pytest.raises(NotFoundError):
        resolve_region(analytics_graph, "Atlantis")


def test_city_suffix_picks_the_city_over_the_province(analytics_graph):
    assert resolve_region(analytics_graph, "吉林").kind == "province"
    assert resolve_region(analytics_graph, "吉林市").kind == "city"


# --- regions as planners name them: city groups, alliances' places, files of one's own


@pytest.mark.parametrize("name", ["长株潭", "Changsha-Zhuzhou-Xiangtan", "CZT", "长株潭城市群"])
def test_city_group_is_its_member_cities(analytics_graph, name):
    region = resolve_region(analytics_graph, name)
    assert (region.kind, region.name) == ("group", "长株潭")
    assert region.cities == {"430100", "430200", "430300"}
    # f1, f2 (长沙), f7 (株洲), f3 (湘潭) — every located firm of the three cities.
    assert firms_in(analytics_graph, region) == {"firm:f1", "firm:f2", "firm:f3", "firm:f7"}


def test_group_wins_over_a_city_node_of_the_same_name(analytics_graph):
    analytics_graph.add_node("city:长株潭", label="City", name="长株潭")
    assert resolve_region(analytics_graph, "长株潭").kind == "group"


@pytest.mark.parametrize("name,inside,outside", [
    ("Greater Bay Area", "深圳", "汕头"), ("长三角", "苏州", "徐州"), ("京津冀", "石家庄", "太原"),
    ("成渝", "绵阳", "攀枝花")])
def test_shipped_groups(name, inside, outside):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("a", label="Firm", name="A", city=inside)
    g.add_node("b", label="Firm", name="B", city=outside)
    assert firms_in(g, resolve_region(g, name)) == {"a"}


def test_gaps_in_a_city_group_never_propose_firms_inside_it(analytics_graph):
    from chaingraph.analytics.gaps import find_gaps
    from .conftest import CHAINS

    report = find_gaps(PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS]),
                       "Changsha-Zhuzhou-Xiangtan")
    inside = firms_in(analytics_graph, resolve_region(analytics_graph, "长株潭"))
    assert all(c.firm_id not in inside for s in report.segments for c in s.candidates)
    assert {s.segment: s.status for s in report.segments}["整机"] == "present"


def test_regions_file_of_ones_own(analytics_graph, tmp_path):
    from chaingraph.analytics.regions import load_regions

    path = tmp_path / "mine.toml"
    path.write_text('[[region]]\nname = "湘江走廊"\naliases = ["Xiang corridor"]\ncities = ["湘潭", "株洲"]\n',
                    encoding="utf-8")
    defs = load_regions(path)
    region = resolve_region(analytics_graph, "Xiang corridor", regions=defs)
    assert (region.kind, region.name) == ("custom", "湘江走廊")
    assert firms_in(analytics_graph, region) == {"firm:f3", "firm:f7"}
    path.write_text('[[region]]\nname = "x"\ncities = ["Atlantis"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="Atlantis"):
        resolve_region(analytics_graph, "x", regions=load_regions(path))
    # The error names the file and the line the unknown place is written on.
    path.write_text('[[region]]\nname = "y"\ncities = ["Atlantis"]\n\n[[region]]\nname = "x"\n'
                    'cities = [\n  "长沙",\n  "Atlantis",\n]\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        resolve_region(analytics_graph, "x", regions=load_regions(path))
    assert str(err.value) == f"{path}:9: region 'x': city 'Atlantis' is unknown"
    path.write_text('[[region]]\nname = "empty"\n', encoding="utf-8")
    with pytest.raises(InputError, match="no province"):
        load_regions(path)


def test_county_region(analytics_graph):
    analytics_graph.add_node("firm:z", label="Firm", name="Z", city="长沙", county="浏阳市")
    region = resolve_region(analytics_graph, "浏阳")
    assert region.kind == "county" and firms_in(analytics_graph, region) == {"firm:z"}


def test_unknown_region_suggests_near_names(analytics_graph):
    with pytest.raises(NotFoundError, match="did you mean.*长株潭工程机械联盟"):
        resolve_region(analytics_graph, "长株潭工程机械连盟")


@pytest.mark.parametrize("typo, meant", [("江酥", "江苏"), ("株州", "株洲"), ("胡南", "湖南")])
def test_a_two_character_name_one_character_off_is_suggested(analytics_graph, typo, meant):
    with pytest.raises(NotFoundError, match=f"did you mean [^?]*{meant}"):
        resolve_region(analytics_graph, typo)


@pytest.mark.parametrize("nonsense", ["xy", "什么", "abcdefg"])
def test_nonsense_gets_no_suggestion(analytics_graph, nonsense):
    with pytest.raises(NotFoundError) as err:
        resolve_region(analytics_graph, nonsense)
    assert "did you mean" not in str(err.value)
