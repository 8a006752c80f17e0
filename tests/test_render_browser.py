"""Maps and reports opened in a real headless Chromium with the network off: they
load with no console errors, request nothing but their own file, draw a non-blank
graph, run nothing a hostile name smuggles in, and leave a screenshot in
test-artifacts/ to look at. Skipped without Chromium, failing under CI=true."""

import json
from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.render import MapOptions, render_map
from chaingraph.render.report import render_report
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
DATA = Path(__file__).resolve().parent / "data"
HOSTILE = "<img src=x onerror=alert(1)>"
MIN_PIXELS = 2000


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    out = {}
    for name, path in (("hostile", DATA / "render" / "hostile.jsonl"), ("sample", ROOT / "data" / "lists")):
        with Store(base / f"{name}.db") as store:
            ingest_paths([path], store, IngestOptions(), rejects_path=base / f"{name}.rejects.csv")
        out[name] = base / f"{name}.db"
    return out


def assert_clean(visit) -> None:
    assert visit.errors == [], visit.errors
    assert visit.dialogs == [], visit.dialogs
    assert visit.requests and all(u.startswith(("file:", "data:", "about:")) for u in visit.requests), visit.requests
    assert visit.canvas_pixels and all(n >= MIN_PIXELS for n in visit.canvas_pixels), visit.canvas_pixels
    assert visit.screenshot.stat().st_size > 10_000


def test_the_browser_really_has_no_network(browser):
    page = browser.new_page()
    try:
        with pytest.raises(Exception):
            page.goto("http://example.com/", timeout=15_000)
    finally:
        page.close()


@pytest.mark.parametrize("layout", ["force", "lr"])
def test_hostile_map_opens_offline_and_runs_nothing(dbs, tmp_path, open_page, layout):
    out = tmp_path / f"hostile-{layout}.html"
    with Store(dbs["hostile"]) as store:
        render_map(store, MapOptions(layout=layout, title="Hostile <img src=x onerror=alert(8)>"), out)
    visit = open_page(out, f"map-hostile-{layout}")
    assert_clean(visit)
    page = visit.page
    # hover the hostile firm: its tooltip must show the name as text
    x, y = page.evaluate("""() => {
        const net = window.chaingraphMaps[0];
        const p = net.canvasToDOM(net.getPositions(['firm:name:img'])['firm:name:img']);
        const box = document.querySelector('#map').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""")
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=5)
    tip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    text = tip.text_content()
    assert HOSTILE in text and "alert(6)" in text          # the name and the evidence sentence, as text
    page.screenshot(path=str(visit.screenshot.with_name(f"map-hostile-{layout}-tooltip.png")))
    assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    assert page.title() == page.text_content("h1") == "Hostile <img src=x onerror=alert(8)>"
    assert visit.dialogs == [] and visit.errors == []


def test_sample_map_draws_offline(dbs, tmp_path, open_page):
    out = tmp_path / "sample.html"
    with Store(dbs["sample"]) as store:
        result = render_map(store, MapOptions(), out)
    visit = open_page(out, "map-sample-force")
    assert_clean(visit)
    drawn = visit.page.evaluate("window.chaingraphMaps[0].body.nodeIndices.length")
    assert drawn == result.nodes
    # the seeded layout lands every node on the same spot on every load
    positions = "JSON.stringify(window.chaingraphMaps[0].getPositions())"
    first = visit.page.evaluate(positions)
    again = open_page(out, "map-sample-force-again")
    assert again.errors == [] and again.page.evaluate(positions) == first
    spots = {(round(p["x"]), round(p["y"])) for p in json.loads(first).values()}
    assert len(spots) > result.nodes * 0.9                          # and the nodes are spread out


def test_truncated_map_says_what_it_left_out(dbs, tmp_path, open_page):
    out = tmp_path / "small.html"
    with Store(dbs["sample"]) as store:
        render_map(store, MapOptions(max_nodes=15, layout="lr", view="network"), out)
    visit = open_page(out, "map-sample-truncated-lr")
    assert_clean(visit)
    note = visit.page.text_content("#left-out")
    assert note.startswith("Left out ") and "15 most central" in note


def open_static(browser, path: Path, shot: str):
    """Open a static page (no script, no map to wait for); return the page, its
    console errors and the URLs it requested, after saving a screenshot."""
    page = browser.new_page()
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog {d.message}"), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri(), wait_until="load")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    return page, errors, requests


def test_reports_open_offline(dbs, tmp_path, browser):
    hostile = tmp_path / "hostile-report.html"
    sample = tmp_path / "sample-report.html"
    with Store(dbs["hostile"]) as store:
        render_report(PlacedGraph.from_store(store, "hostile", chains_dirs=(DATA / "render" / "chains",)), "湖南", hostile)
    with Store(dbs["sample"]) as store:
        render_report(PlacedGraph.from_store(store, "工程机械"), "湖南", sample)
    for path, shot, chain in ((hostile, "report-hostile", "Hostile <b>chain</b> & co"),
                              (sample, "report-sample", "工程机械")):
        page, errors, requests = open_static(browser, path, shot)
        try:
            assert errors == [] and all(u.startswith(("file:", "data:", "about:")) for u in requests), (errors, requests)
            assert page.evaluate("() => document.querySelectorAll('img, iframe, script, b b').length") == 0
            assert page.locator("#segments tbody tr").count() >= 3
            assert chain in page.text_content("h1")
            boxes = page.locator("#chain-view g.segment")
            assert boxes.count() >= 3
            box = boxes.first.bounding_box()
            assert box["width"] > 150 and box["height"] > 30      # drawn at its natural size
            if path == hostile:
                assert HOSTILE in page.text_content("#segments")
        finally:
            page.close()
