"""The static views of `chaingraph render --view`: chain (segments as boxes in
upstream -> downstream columns), geo (firms at their places) and overview
(aggregate counts, read without building a graph). Pages are self-contained,
script-free, escaped and deterministic."""

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from chaingraph.analytics.chains import chain_from_dict
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.errors import InputError
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions
from chaingraph.render import MapOptions, render_map
from chaingraph.render.chainview import BOX_FIRMS, chain_svg, segment_boxes
from chaingraph.render.views import chain_page
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
HOSTILE_CHAINS = DATA / "render" / "chains"


def _load(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_tests = _load("test_render")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("views") / "sample.db"
    with Store(db) as store:
        ingest_paths([ROOT / "data" / "lists", ROOT / "data" / "articles"], store, IngestOptions(),
                     rejects_path=db.with_suffix(".rejects.csv"))
    return db


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("views") / "hostile.db"
    with Store(db) as store:
        ingest_paths([DATA / "render" / "hostile.jsonl"], store, IngestOptions(),
                     rejects_path=db.with_suffix(".rejects.csv"))
    return db


def boxes_of(html: str) -> dict[str, dict]:
    """segment name -> the x, y, width, height and stroke of its box, from the SVG."""
    out = {}
    for name, frame in re.findall(r'<g class="segment" data-segment="([^"]*)">.*?(<rect [^>]*/>)', html, re.S):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', frame))
        out[name] = {k: attrs.get(k) for k in ("x", "y", "width", "height", "stroke", "stroke-dasharray")}
    return out


def test_chain_view_columns_statuses_and_lists(sample_db, tmp_path):
    out = tmp_path / "chain.html"
    with Store(sample_db) as store:
        result = render_map(store, MapOptions(chain="工程机械", region="湖南", view="chain"), out)
        placed = PlacedGraph.from_store(store, "工程机械")
    render_tests.assert_self_contained(out, static=True)
    html = out.read_text(encoding="utf-8")
    boxes = boxes_of(html)
    assert result.nodes == len(boxes) == len(placed.chain.segments) == 9
    stage_x = {}
    for seg in placed.chain.segments:
        stage_x.setdefault(str(seg.stage), set()).add(float(boxes[seg.name]["x"]))
    assert all(len(xs) == 1 for xs in stage_x.values())            # one column a stage
    assert max(stage_x["upstream"]) < min(stage_x["midstream"]) < min(stage_x["downstream"])
    assert boxes["发动机与底盘"]["stroke"] == "#d62728" and boxes["发动机与底盘"]["stroke-dasharray"]
    assert boxes["工程机械整机"]["stroke"] == "#3f9b4a" and not boxes["工程机械整机"]["stroke-dasharray"]
    whole = html.split('data-segment="工程机械整机"')[1].split("</g>")[0]
    assert "present · 8 local firms" in whole and "+3 more" in whole and "三一重工股份有限公司" in whole
    engine = html.split('data-segment="发动机与底盘"')[1].split("</g>")[0]
    assert "CANDIDATES" not in engine and ">candidates<" in engine and "潍柴动力" in engine and "潍坊" in engine
    assert html.count('class="supplies"') == result.edges == len(placed.chain.links())


def test_chain_view_of_nine_segments_and_300_firms_stays_readable(tmp_path):
    g = nx.MultiDiGraph()
    stages = ["upstream"] * 4 + ["midstream"] * 3 + ["downstream"] * 2
    segs = [{"name": f"段{i}", "stage": stages[i], "keywords": [f"kw{i}"],
             "supplies": [f"段{j}" for j in (i + 1, i + 3) if j < 9 and stages[j] != stages[i]]} for i in range(9)]
    chain = chain_from_dict({"name": "九段", "segments": segs})
    for n in range(300):
        g.add_node(f"f{n}", label="Firm", name=f"第{n}号工程机械零部件制造股份有限公司", products=f"kw{n % 9}",
                   province="湖南" if n % 3 else "江苏", city="长沙" if n % 3 else "常州")
    placed = PlacedGraph.from_graph(g, chain)
    out = tmp_path / "nine.html"
    size, n_boxes, n_links = chain_page(placed, "湖南", out)
    html = out.read_text(encoding="utf-8")
    boxes = boxes_of(html)
    assert n_boxes == 9 and len(boxes) == 9
    svg_size = re.search(r'<svg [^>]*width="([\d.]+)" height="([\d.]+)"', html)
    width, height = float(svg_size.group(1)), float(svg_size.group(2))
    assert width <= 1400 - 32 and height <= 900                       # one screen at 1400x900 (page padding)
    for box in boxes.values():
        assert float(box["height"]) <= 40 + 18 * (BOX_FIRMS + 1) + 12  # a box never grows with its firms
    # segments 0, 3 and 6 hold only 江苏 firms (missing in 湖南), the others 33-34 local firms each, 5 shown
    assert sorted(re.findall(r'class="more">\+(\d+) more<', html)) == ["28", "28", "28", "28", "29", "29"]
    assert html.count("missing · 0 local firms") == 3
    assert html.count('class="supplies"') == n_links > 0
    # every text of the drawing is 11 px or more (page.css sizes the classes used)
    css = (ROOT / "chaingraph" / "render" / "templates" / "page.css").read_text()
    for cls in set(re.findall(r'<text [^>]*class="([\w-]+)', html)):
        size = re.search(rf"svg \.{cls}[ ,{{][^}}]*?font-size: (\d+)px", css)
        assert size and int(size.group(1)) >= 11, cls


def test_chain_view_escapes_and_needs_a_chain(hostile_db, tmp_path):
    out = tmp_path / "hostile.html"
    with Store(hostile_db) as store:
        render_map(store, MapOptions(chain="hostile", region="湖南", view="chain", chains_dirs=(HOSTILE_CHAINS,)), out)
        with pytest.raises(InputError):
            render_map(store, MapOptions(view="chain"), tmp_path / "x.html")
        with pytest.raises(InputError):
            render_map(store, MapOptions(view="sideways"), tmp_path / "x.html")
    render_tests.assert_self_contained(out, static=True)
    tags = render_tests.parse(out)
    assert not any(t in ("img", "i", "b", "script") for t, _ in tags.tags)
    html = out.read_text(encoding="utf-8")
    assert "Parts &lt;i&gt;making&lt;/i&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_geo_view_places_firms_and_lists_the_unplaced(hostile_db, sample_db, tmp_path):
    out = tmp_path / "geo.html"
    with Store(sample_db) as store:
        result = render_map(store, MapOptions(chain="工程机械", region="湖南", view="geo"), out)
    render_tests.assert_self_contained(out, static=True)
    html = out.read_text(encoding="utf-8")
    circles = re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)" r="[\d.]+"[^>]*><title>([^<]*)</title>', html)
    assert len(circles) == result.nodes > 5
    assert all(float(x) > 0 and float(y) > 0 for x, y, _ in circles)    # nothing piled at 0,0
    assert re.search(r'class="place place-region" data-key="430100"', html)    # 长沙, highlighted
    assert "place-candidate" in html and "潍柴动力" in html and 'class="supply-link"' in html
    changsha = next(t for x, y, t in circles if t.startswith("长沙市"))
    assert "三一重工" in changsha
    # a firm with no known place is listed, not drawn
    hostile = tmp_path / "hostile-geo.html"
    with Store(hostile_db) as store:
        render_map(store, MapOptions(view="geo"), hostile)
    text = hostile.read_text(encoding="utf-8")
    unplaced = text.split('id="unplaced"')[1].split("</div>")[0]
    assert "Unstaged Supplier" in unplaced and "Red Ore Mining" in unplaced
    assert "&lt;img src=x onerror=alert(1)&gt;" not in unplaced and "<img" not in text


def test_overview_counts_from_the_store_without_a_graph(sample_db, tmp_path, monkeypatch):
    def no_graph(*args, **kwargs):
        raise AssertionError("the overview must not build a networkx graph")

    monkeypatch.setattr(Store, "to_networkx", no_graph)
    out = tmp_path / "overview.html"
    with Store(sample_db) as store:
        render_map(store, MapOptions(view="overview"), out)
        firms = store.conn.execute("SELECT COUNT(*) FROM nodes WHERE label='Firm'").fetchone()[0]
    render_tests.assert_self_contained(out, static=True)
    html = out.read_text(encoding="utf-8")
    assert f"{firms:,} firms" in html
    assert "chaingraph render --view chain --chain 工程机械" in html
    hunan = re.search(r'<title>湖南省: (\d+) firms; chaingraph render --region 湖南</title>', html)
    assert hunan and int(hunan.group(1)) == 26
    assert re.search(r"<title>工程机械整机 \(midstream\): 13 firms", html)


def test_views_are_deterministic_and_the_command_takes_view(sample_db, tmp_path):
    for view in ("chain", "geo", "overview"):
        a, b = tmp_path / f"a-{view}.html", tmp_path / f"b-{view}.html"
        for out in (a, b):
            run = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(sample_db), "render",
                                  "--view", view, "--chain", "工程机械", "--region", "湖南", "-o", str(out),
                                  "--format", "json"] if view != "overview" else
                                 [sys.executable, "-c", "import cli; cli.main()", "--db", str(sample_db), "render",
                                  "--view", view, "-o", str(out), "--format", "json"],
                                 capture_output=True, text=True, cwd=ROOT, timeout=300)
            assert run.returncode == 0, run.stderr
            assert json.loads(run.stdout)["bytes"] == out.stat().st_size
        assert a.read_bytes() == b.read_bytes(), view
