"""The static views (chain, geo, overview) and the report in a real headless
Chromium at 1400×900 with the network off: no console errors, nothing requested
but the page itself, every text of the drawing at 11 px or more on screen, boxes
that do not overlap; on the real chainkg data set plus the sample list too
(skipped where ../shared is absent). Screenshots go to test-artifacts/."""

from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions
from chaingraph.render import MapOptions, render_map
from chaingraph.render.report import render_report
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHAINKG = ROOT.parent / "shared" / "data" / "chainkg"
ARTIFACTS = ROOT / "test-artifacts"

MEASURE = """() => {
  const texts = Array.from(document.querySelectorAll('svg text')).filter(t => t.textContent.trim());
  const px = texts.map(t => t.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(t).fontSize)
                                 * t.getScreenCTM().a : 99);
  const boxes = Array.from(document.querySelectorAll('g.segment > rect')).map(r => r.getBoundingClientRect())
                 .map(b => [b.left, b.top, b.width, b.height]);
  return {texts: texts.length, smallest: Math.min(...px), boxes}; }"""


def visit(browser, path: Path, shot: str) -> tuple:
    page = browser.new_page()
    page.set_viewport_size({"width": 1400, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri(), wait_until="load")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    found = page.evaluate(MEASURE)
    page.close()
    return errors, requests, found


def check(browser, path: Path, shot: str) -> dict:
    errors, requests, found = visit(browser, path, shot)
    assert errors == [], errors
    assert requests and all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    assert found["texts"] > 5 and found["smallest"] >= 11, found["smallest"]
    boxes = found["boxes"]
    for i, (ax, ay, aw, ah) in enumerate(boxes):
        for bx, by, bw, bh in boxes[i + 1:]:
            assert not (ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah)
    return found


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("views-browser") / "sample.db"
    with Store(db) as store:
        ingest_paths([ROOT / "data" / "lists", ROOT / "data" / "articles"], store, IngestOptions(),
                     rejects_path=db.with_suffix(".rejects.csv"))
    return db


@pytest.mark.parametrize("view", ["chain", "geo", "overview"])
def test_views_open_clean_and_readable(sample_db, tmp_path, browser, view):
    out = tmp_path / f"{view}.html"
    options = MapOptions(view=view) if view == "overview" else MapOptions(chain="工程机械", region="湖南", view=view)
    with Store(sample_db) as store:
        render_map(store, options, out)
    found = check(browser, out, f"view-{view}-sample")
    if view == "chain":
        assert len(found["boxes"]) == 9


def test_report_opens_clean_and_readable(sample_db, tmp_path, browser):
    out = tmp_path / "report.html"
    with Store(sample_db) as store:
        render_report(PlacedGraph.from_store(store, "工程机械"), "湖南", out)
    assert len(check(browser, out, "report-sample-1400")["boxes"]) == 9


@pytest.mark.skipif(not CHAINKG.exists(), reason="needs ../shared/data/chainkg")
def test_chain_and_geo_views_of_chainkg(tmp_path, browser):
    db = tmp_path / "chainkg.db"
    with Store(db) as store:
        ingest_paths([CHAINKG], store, IngestOptions(mapping=ROOT / "data" / "mappings" / "chainkg.toml"),
                     rejects_path=tmp_path / "rejects.csv")
        ingest_paths([ROOT / "data" / "lists" / "chain_firms_sample.csv"], store,
                     rejects_path=tmp_path / "rejects2.csv")
        for view in ("chain", "geo"):
            out = tmp_path / f"{view}.html"
            result = render_map(store, MapOptions(chain="工程机械", region="湖南", view=view), out)
            assert result.nodes > 3
            check(browser, out, f"view-{view}-chainkg")
