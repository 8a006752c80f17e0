"""Chain templates: the shipped ones, the format's errors, and placing firms."""

from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.chains import DEFAULT_CHAINS_DIR, find_template, load_chain, load_templates
from chaingraph.errors import InputError
from chaingraph.analytics.placement import place_firms

from .conftest import CHAINS


def test_shipped_templates_have_eight_or_more_linked_segments():
    chains = {c.name: c for c in load_templates([])}
    assert {"工程机械", "铝", "建材与装配式建筑", "汽车", "动力电池"} <= set(chains)
    for chain in chains.values():
        assert len(chain.segments) >= 8, chain.name
        assert {s.stage for s in chain.segments} == {"upstream", "midstream", "downstream"}, chain.name
        assert chain.links(), chain.name
        assert all(s.products or s.keywords or s.industries for s in chain.segments), chain.name


@pytest.mark.parametrize("name", ["construction machinery", "工程机械", "Construction Machinery", "construction_machinery"])
def test_templates_are_found_by_any_of_their_names(name):
    assert find_template(name).name == "工程机械"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ('name = "x"\n[[segments]]\nname = "a"\nstage = "sideways"\n', "stage must be one of"),
    ('name = "x"\n[[segments]]\nname = "a"\nstage = "upstream"\nsupplies = ["b"]\n', "not a segment of this chain"),
    ('name = "x"\n', "at least one"),
    ('name = "x"\n[[segments]]\nname = "a"\nstage = "upstream"\n[[segments]]\nname = "A"\nstage = "upstream"\n', "used twice"),
    ('name = "x"\n[[segments]\n', "not valid TOML"),
    ('name = "x"\n[[segments]]\nname = "a"\nstage = "upstream"\nweight = 3\n', "between 0 and 1"),
])
def test_template_errors_name_the_file(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(InputError, match=message) as info:
        load_chain(path)
    assert str(path) in str(info.value)


def test_user_templates_come_first_and_shipped_dir_exists(tmp_path):
    (tmp_path / "mine.toml").write_text('name = "工程机械"\n[[segments]]\nname = "only"\nstage = "midstream"\n',
                                        encoding="utf-8")
    assert [s.name for s in find_template("工程机械", [tmp_path]).segments] == ["only"]
    assert DEFAULT_CHAINS_DIR.is_dir()


def test_a_templates_directory_that_is_not_one_is_an_error(tmp_path):
    # --chains with a typo once answered silently with the shipped templates alone.
    with pytest.raises(InputError, match="not a directory of chain templates$") as info:
        find_template("工程机械", [tmp_path / "nosuch"])
    assert str(tmp_path / "nosuch") in str(info.value)
    one = _write(tmp_path, 'name = "x"\n[[segments]]\nname = "a"\nstage = "upstream"\n')
    with pytest.raises(InputError, match="give the directory that holds it"):
        load_templates([one])


def test_placement_by_segment_products_and_sub_segments(analytics_graph):
    chain = load_chain(CHAINS / "toy_machinery.toml")
    placed = place_firms(analytics_graph, chain)
    assert placed["钢材"] == {"firm:f3": "segment:钢铁", "firm:f9": "segment:钢铁"}
    assert placed["液压件"] == {"firm:f5": "segment:液压元件", "firm:f4": "products:液压油缸"}
    assert placed["发动机"] == {"firm:f6": "products:发动机", "firm:f7": "products:发动机"}
    assert placed["租赁"] == {"firm:f8": "products:leasing"}
    # A template naming the parent Shenwan industry takes the firms of its sub-industries.
    parent = load_chain(CHAINS / "toy_machinery.toml")
    parent.segments[3].industries = ["工程机械"]
    assert set(place_firms(analytics_graph, parent)["整机"]) == {"firm:f1", "firm:f2"}


def test_articles_place_suppliers_that_have_no_segment(analytics_store, tmp_path):
    from chaingraph.ingest import ingest_paths
    from chaingraph.ingest.base import IngestOptions

    from .conftest import DATA

    ingest_paths([DATA / "articles.jsonl"], analytics_store, IngestOptions(), rejects_path=tmp_path / "r.csv")
    graph = analytics_store.to_networkx()
    chain = load_chain(CHAINS / "toy_machinery.toml")
    # "supplies hydraulic cylinders to Sany" names a keyword of 液压件; the logistics
    # sentence names none. Without the store's evidence nothing is read from articles.
    with_articles = place_firms(graph, chain, analytics_store.evidence)
    assert with_articles["液压件"]["firm:a1"] == "article:hydraulic"
    assert all("firm:a2" not in firms for firms in with_articles.values())
    assert all("firm:a1" not in firms for firms in place_firms(graph, chain).values())
    # Changsha now has a hydraulics firm of its own.
    from chaingraph.analytics.gaps import find_gaps

    seg = {s.segment: s for s in find_gaps(PlacedGraph.from_store(analytics_store, chain), "长沙").segments}
    assert seg["液压件"].local_firms == ["Changsha Hydraulic Works"] and seg["液压件"].status == "weak"
