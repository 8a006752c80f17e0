"""Regions x segments coverage of the toy chain; cells worked out by hand from the
fixture (Hunan: f1, f2, f3, f7; Changsha: f1, f2; Gansu: nothing)."""

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.compare import compare_regions
from chaingraph.errors import InputError

from .conftest import CHAINS


def test_coverage_table(analytics_store):
    report = compare_regions(PlacedGraph.from_store(analytics_store, "玩具机械", chains_dirs=[CHAINS]), ["Hunan", "长沙市", "Gansu"])
    assert report.regions == ["湖南", "长沙", "甘肃"]
    cells = {row["segment"]: [row[r] for r in report.regions] for row in report.rows()}
    assert cells == {
        "钢材": ["weak (1)", "missing (0)", "missing (0)"],
        "液压件": ["missing (0)", "missing (0)", "missing (0)"],
        "发动机": ["weak (1)", "missing (0)", "missing (0)"],
        "整机": ["present (2)", "present (2)", "missing (0)"],
        "租赁": ["missing (0)", "missing (0)", "missing (0)"]}
    assert report.to_dict()["segments"][3]["coverage"]["湖南"] == {"status": "present", "firms": 2}


def test_same_region_twice_gets_two_columns_and_no_region_is_an_error(analytics_store):
    report = compare_regions(PlacedGraph.from_store(analytics_store, "玩具机械", chains_dirs=[CHAINS]), ["湖南", "Hunan Province"])
    assert report.regions == ["湖南", "湖南'"]
    with pytest.raises(InputError):
        compare_regions(PlacedGraph.from_store(analytics_store, "玩具机械", chains_dirs=[CHAINS]), [" ", ""])


def test_compare_a_city_group_and_a_regions_file(analytics_graph, tmp_path):
    from chaingraph.analytics.compare import compare_regions
    from .conftest import CHAINS

    path = tmp_path / "mine.toml"
    path.write_text('[[region]]\nname = "湘潭一地"\ncities = ["湘潭"]\n', encoding="utf-8")
    report = compare_regions(PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS]), ["长株潭", str(path)])
    assert report.regions == ["长株潭", "湘潭一地"]
    cells = {r["segment"]: r["coverage"]["长株潭"] for r in report.to_dict()["segments"]}
    assert cells["整机"] == {"status": "present", "firms": 2}
