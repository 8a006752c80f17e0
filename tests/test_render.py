"""Maps: what `chaingraph render` selects, how it styles it, that the page is
self-contained and deterministic, and that no name can inject markup. The same
pages are opened in a real browser in test_render_browser.py."""

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from chaingraph.errors import InputError, NotFoundError
from chaingraph.render import MapOptions, render_map
from chaingraph.render.style import STAGE_COLOURS
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "<img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text of each script."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(path: Path) -> Tags:
    tags = Tags()
    tags.feed(path.read_text(encoding="utf-8"))
    return tags


def map_data(path: Path) -> dict:
    tags = parse(path)
    blocks = [text for attrs, text in tags.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def ingest_into(db: Path, *paths: Path) -> Path:
    with Store(db) as store:
        ingest_paths(list(paths), store, IngestOptions(), rejects_path=db.with_suffix(".rejects.csv"))
    return db


@pytest.fixture
def hostile_db(tmp_path, data_dir) -> Path:
    return ingest_into(tmp_path / "hostile.db", data_dir / "render" / "hostile.jsonl")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return ingest_into(tmp_path_factory.mktemp("sample") / "sample.db", ROOT / "data" / "lists")


def draw(db: Path, out: Path, **options):
    with Store(db) as store:
        return render_map(store, MapOptions(**options), out)


def assert_self_contained(path: Path, static: bool = False) -> None:
    """No element may load anything: no src/href, no <link>, no url() or @import
    outside data: URIs and the page's own #fragments; the CSP allows nothing but the
    page's own hashed scripts (none at all on a ``static`` page)."""
    tags = parse(path)
    text = path.read_text(encoding="utf-8")
    for tag, attrs in tags.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img", "base"), tag
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", text.split("<script")[0])
    assert "@import" not in text
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
    runnable = [text for attrs, text in tags.scripts if "type" not in attrs]
    if static:
        assert runnable == [] and "script-src 'none'" in csp
    else:
        assert len(runnable) == 2 and "vis-network" in runnable[0][:400]


def test_map_of_the_sample_data_is_self_contained(sample_db, tmp_path):
    out = tmp_path / "map.html"
    result = draw(sample_db, out)
    assert_self_contained(out)
    data = map_data(out)
    assert result.nodes == len(data["nodes"]) > 100 and result.edges == len(data["edges"]) > 100
    assert result.bytes == out.stat().st_size
    labels = {n["tip"][0][0] for n in data["nodes"]}
    assert {"Firm", "Segment", "Chain", "City"} <= labels and "Source" not in labels
    edge_styles = {e["id"].split("|")[1]: (e["color"]["color"], str(e["dashes"])) for e in data["edges"]}
    assert len(set(edge_styles.values())) == len(edge_styles) >= 3  # one style per type


def test_hostile_names_stay_text(hostile_db, tmp_path):
    out = tmp_path / "map.html"
    draw(hostile_db, out, chain="chain:hostile", title="Map of <script>alert(9)</script>",
         chains_dirs=(str(ROOT / "tests/data/render/chains"),))
    text = out.read_text(encoding="utf-8")
    tags = parse(out)
    assert [t for t, _ in tags.tags].count("script") == 3
    assert not any(t in ("img", "svg", "b", "i") for t, _ in tags.tags)
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in text            # title, escaped by the template
    assert text.count("</script>") == 3                                   # nothing closes a script early
    data = map_data(out)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["firm:name:img"]["label"] == HOSTILE                     # drawn on the canvas as text
    assert ["Firm", HOSTILE] in by_id["firm:name:img"]["tip"]
    assert any("alert(6)" in line[1] for line in by_id["firm:name:img"]["tip"] if line[0] == "evidence")
    assert not any("title" in n for n in data["nodes"] + data["edges"])  # tooltips are built as text in the page


def test_same_input_gives_the_same_page_and_the_seed_is_used(sample_db, tmp_path):
    a, b, c = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    draw(sample_db, a, region="湖南")
    draw(sample_db, b, region="湖南")
    draw(sample_db, c, region="湖南", seed=99)
    assert a.read_bytes() == b.read_bytes()
    assert map_data(a)["options"]["layout"]["randomSeed"] == 7
    assert map_data(c)["options"]["layout"]["randomSeed"] == 99


def test_big_maps_keep_the_most_central_nodes_and_say_what_was_left_out(sample_db, tmp_path):
    out = tmp_path / "small.html"
    result = draw(sample_db, out, max_nodes=12, view="network")
    with Store(sample_db) as store:
        graph = store.to_networkx()
    graph.remove_nodes_from([n for n, a in list(graph.nodes(data=True)) if a["label"] == "Source"])
    degree = dict(graph.degree())      # every relationship in and out
    expected = sorted(graph, key=lambda n: (-degree[n], n))[:12]
    data = map_data(out)
    assert sorted(n["id"] for n in data["nodes"]) == sorted(expected)
    assert result.nodes == 12 and sum(result.left_out.values()) == graph.number_of_nodes() - 12
    kept = graph.subgraph(expected)
    assert result.edges == kept.number_of_edges() and result.left_out_edges == graph.number_of_edges() - result.edges
    left = re.search(r'<p class="left-out" id="left-out">([^<]*)</p>', out.read_text(encoding="utf-8")).group(1)
    assert f"Left out {graph.number_of_nodes() - 12:,} nodes" in left and "12 most central" in left
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    hub, leaf = expected[0], expected[-1]
    assert degree[hub] > degree[leaf] and sizes[hub] > sizes[leaf]


def test_region_and_chain_filters(sample_db, tmp_path):
    out = tmp_path / "hunan.html"
    draw(sample_db, out, chain="工程机械", region="湖南")
    data = map_data(out)
    firms = [n for n in data["nodes"] if n["tip"][0][0] == "Firm"]
    inside = [n for n in firms if "shapeProperties" not in n]
    partners = [n for n in firms if "shapeProperties" in n]
    assert inside and partners
    with Store(sample_db) as store:
        for node in inside:
            assert store.get_node(node["id"]).props.get("province") == "湖南", node["label"]
        for node in partners:   # drawn only as a supplier or customer of a selected firm
            others = {e.src if e.dst == node["id"] else e.dst for e in store.edges_of(node["id"])
                      if e.type.value == "SUPPLIES"}
            assert others & {n["id"] for n in inside}, node["label"]
    assert "chain 工程机械" in out.read_text(encoding="utf-8") and "province 湖南" in out.read_text(encoding="utf-8")


def test_firms_are_coloured_by_the_stage_of_their_segment(hostile_db, tmp_path):
    out = tmp_path / "map.html"
    draw(hostile_db, out)
    colour = {n["id"]: n["color"]["background"] for n in map_data(out)["nodes"]}
    assert colour["firm:name:ore"] == STAGE_COLOURS["upstream"]
    assert colour["firm:name:img"] == STAGE_COLOURS["midstream"]
    assert colour["firm:name:shop"] == STAGE_COLOURS["downstream"]
    assert colour["firm:name:loner"] == STAGE_COLOURS[None]
    legend = out.read_text(encoding="utf-8")
    for text in ("Firm, upstream", "Firm, stage unknown", "SUPPLIES", "LOCATED_IN", "Cluster"):
        assert text in legend


def test_left_to_right_layout_puts_upstream_first(hostile_db, tmp_path):
    out = tmp_path / "lr.html"
    draw(hostile_db, out, layout="lr")
    data = map_data(out)
    level = {n["id"]: n["level"] for n in data["nodes"]}
    assert level["firm:name:ore"] < level["firm:name:img"] < level["firm:name:shop"]
    assert level["firm:name:loner"] < level["firm:name:closer"]   # unknown stage: left of its customer
    assert level["city:cs"] > level["firm:name:shop"]               # places are context, far right
    hier = data["options"]["layout"]["hierarchical"]
    assert hier["direction"] == "LR" and data["options"]["physics"]["enabled"] is False


def test_around_draws_a_neighbourhood(hostile_db, tmp_path):
    out = tmp_path / "around.html"
    one = draw(hostile_db, out, around="Red Ore Mining", depth=1)
    ids = {n["id"] for n in map_data(out)["nodes"]}
    assert ids == {"firm:name:ore", "firm:name:img", "segment:ore", "city:elsewhere"}
    two = draw(hostile_db, out, around="Red Ore Mining", depth=2)
    assert two.nodes > one.nodes


def test_bad_options_and_unknown_names_are_errors(hostile_db, tmp_path):
    out = tmp_path / "x.html"
    with pytest.raises(InputError):
        draw(hostile_db, out, layout="circle")
    with pytest.raises(InputError):
        draw(hostile_db, out, around="Retail", chain="chain:hostile")
    with pytest.raises(NotFoundError):
        draw(hostile_db, out, region="Atlantis")
    with pytest.raises(NotFoundError):
        draw(hostile_db, out, around="nobody at all")
    with pytest.raises(InputError):
        draw(hostile_db, tmp_path / "no" / "such" / "dir" / "x.html")
    assert not out.exists()


def test_render_command(hostile_db, tmp_path):
    out = tmp_path / "cli.html"
    run = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(hostile_db), "render",
                          "-o", str(out), "--max-nodes", "5", "--view", "network", "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["nodes"] == 5 and result["path"] == str(out) and out.exists()
    auto = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(hostile_db), "render",
                           "-o", str(tmp_path / "auto.html"), "--max-nodes", "5", "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert auto.returncode == 0, auto.stderr               # above --max-nodes the whole graph is an overview
    assert 'data-view="overview-chains"' in (tmp_path / "auto.html").read_text(encoding="utf-8")
    assert "left out" in run.stderr
    bad = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(hostile_db), "render",
                          "-o", str(out), "--region", "Atlantis"], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert bad.returncode == 1 and bad.stderr.startswith("Error: ") and bad.stderr.count("\n") == 1


@pytest.mark.parametrize("max_nodes", [1, 12, 60])
def test_big_store_ranking_matches_the_graph_ranking(sample_db, max_nodes):
    from chaingraph.render.big import select_whole_store
    from chaingraph.render.select import select
    from chaingraph.render.style import firm_stages

    with Store(sample_db) as store:
        graph = store.to_networkx()
        fast, stages = select_whole_store(store, max_nodes)
    slow = select(graph, max_nodes=max_nodes)
    assert sorted(fast.graph) == sorted(slow.graph) and len(fast.graph) == max_nodes
    assert sorted(fast.graph.edges(keys=True)) == sorted(slow.graph.edges(keys=True))
    assert fast.centrality == pytest.approx(slow.centrality)
    assert fast.left_out == slow.left_out and fast.left_out_edges == slow.left_out_edges
    assert stages == {f: s for f, s in firm_stages(graph).items() if f in fast.graph}


def test_big_store_ranking_leaves_out_sources_and_their_edges(hostile_db):
    from chaingraph.model import EdgeRecord, NodeRecord
    from chaingraph.render.big import select_whole_store
    from chaingraph.render.select import select

    with Store(hostile_db) as store:
        store.upsert([NodeRecord("source:a", "Source", "a.txt"), NodeRecord("event:e", "Event", "Fair"),
                      EdgeRecord("ABOUT", "source:a", "firm:name:shop"), EdgeRecord("ABOUT", "source:a", "city:cs"),
                      EdgeRecord("ABOUT", "event:e", "firm:name:shop"),
                      EdgeRecord("PARTICIPATED_IN", "firm:name:shop", "event:e")])
        graph = store.to_networkx()
        fast, _ = select_whole_store(store, 6)
    slow = select(graph, max_nodes=6)
    assert "source:a" not in fast.graph and fast.left_out["Event"] + ("event:e" in fast.graph) == 1
    assert sorted(fast.graph) == sorted(slow.graph)
    assert fast.centrality == pytest.approx(slow.centrality)
    assert fast.left_out == slow.left_out and fast.left_out_edges == slow.left_out_edges


def test_cluster_filter_and_an_empty_intersection(hostile_db, tmp_path):
    out = tmp_path / "cluster.html"
    draw(hostile_db, out, cluster="Park <script>alert(4)</script>")
    ids = {n["id"]: n for n in map_data(out)["nodes"]}
    assert "cluster:park" in ids and "firm:name:img" in ids and "shapeProperties" not in ids["firm:name:img"]
    assert "shapeProperties" in ids["firm:name:shop"]          # a customer, outside the cluster
    assert "firm:name:closer" not in ids                          # neither member nor partner
    empty = tmp_path / "empty.html"
    result = draw(hostile_db, empty, cluster="cluster:park", region="Elsewhere")
    assert result.nodes == 1                                       # only the cluster named
    notice = re.search(r'<p class="left-out" id="notice">([^<]*)</p>', empty.read_text(encoding="utf-8")).group(1)
    assert notice.startswith("No firm matches ") and "cluster Park &lt;script&gt;alert(4)&lt;/script&gt;" in notice
