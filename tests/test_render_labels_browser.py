"""The map page as a new user sees it, in a real headless Chromium at 1400×900 with
the network off: names readable when it opens (labels of chains, segments and the
region's firms at 11 px or more on screen, computed from the network's scale and
each label's font size), no two drawn labels overlapping, more names on zoom, a
search box that focuses a node by any of its names, and toggles that hide and show
kinds of node and link. Skipped without Chromium, failing under CI=true."""

from pathlib import Path

import pytest

from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions
from chaingraph.render import MapOptions, render_map
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
MIN_PX = 11

LABELS = """() => {
  // every node, whether its label is painted, its size on screen (the label's font
  // size in network units, as painted, times the network's scale) and its box on screen
  const net = window.chaingraphMaps[0], scale = net.getScale(), state = net.chaingraph, out = [];
  const painted = {};
  for (const lab of state.labels) { painted[lab.id] = lab; }
  for (const node of state.order) {
    const lab = painted[node.id], shown = !!lab && !net.body.nodes[node.id].options.hidden && !!lab.box;
    out.push({id: node.id, key: !!node.key, kind: node.kind, shown,
              px: shown ? lab.size * scale : 0, box: shown ? lab.box.map(v => v * scale) : null});
  }
  return out; }"""


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("labels") / "sample.db"
    with Store(db) as store:
        ingest_paths([ROOT / "data" / "lists", ROOT / "data" / "articles"], store, IngestOptions(),
                     rejects_path=db.with_suffix(".rejects.csv"))
    return db


@pytest.fixture
def open_at(browser):
    """Return ``visit(path)``: the page at 1400×900 once its map is drawn, and the
    console errors it logged."""
    pages = []

    def visit(path: Path):
        page = browser.new_page()
        pages.append(page)
        page.set_viewport_size({"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("() => document.querySelector('[data-map]').getAttribute('data-ready') === '1'",
                               timeout=60_000)
        return page, errors

    yield visit
    for page in pages:
        page.close()


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    boxes = [(lab["id"], lab["box"]) for lab in labels if lab["shown"]]
    out = []
    for i, (a, (ax, ay, aw, ah)) in enumerate(boxes):
        for b, (bx, by, bw, bh) in boxes[i + 1:]:
            # 1 px either side is the label's white outline
            if ax + 1 < bx + bw - 1 and bx + 1 < ax + aw - 1 and ay + 1 < by + bh - 1 and by + 1 < ay + ah - 1:
                out.append((a, b))
    return out


@pytest.mark.parametrize("options", [{}, {"chain": "工程机械", "region": "湖南"},
                                     {"chain": "工程机械", "region": "湖南", "layout": "lr"}],
                         ids=["whole", "chain-region", "chain-region-lr"])
def test_names_readable_when_the_page_opens(sample_db, tmp_path, open_at, options):
    out = tmp_path / "map.html"
    with Store(sample_db) as store:
        render_map(store, MapOptions(**options), out)
    page, errors = open_at(out)
    labels = page.evaluate(LABELS)
    shown = [lab for lab in labels if lab["shown"]]
    assert errors == []
    assert all(lab["px"] >= MIN_PX for lab in shown), [lab for lab in shown if lab["px"] < MIN_PX][:3]
    chains = [lab for lab in labels if lab["kind"] == "Chain"]
    segments = [lab for lab in labels if lab["kind"] == "Segment"]
    # the whole sample graph crowds 23 segments round 4 chains, and the lr layout
    # stacks them in tall columns: there a few wait for a zoom
    share = 1.0 if options and "layout" not in options else 0.8
    assert chains and (options.get("layout") or all(lab["shown"] for lab in chains))
    if options:
        assert next(lab for lab in labels if lab["id"] == "chain:工程机械")["shown"]
    assert segments and sum(lab["shown"] for lab in segments) >= share * len(segments), \
        [lab["id"] for lab in segments if not lab["shown"]]
    assert len(shown) >= 0.33 * len(labels)
    assert overlapping(labels) == []
    if options.get("region") and not options.get("layout"):
        firms = [lab for lab in labels if lab["key"] and lab["kind"] == "Firm"]
        assert firms and sum(lab["shown"] for lab in firms) >= 0.9 * len(firms)
    assert "zoom" in page.text_content("#how") and "Find" in page.text_content("#how")


def test_zooming_in_shows_more_names(sample_db, tmp_path, open_at):
    out = tmp_path / "map.html"
    with Store(sample_db) as store:
        render_map(store, MapOptions(), out)
    page, errors = open_at(out)
    before = int(page.get_attribute("#map", "data-labels"))
    page.evaluate("() => window.chaingraphMaps[0].moveTo({scale: window.chaingraphMaps[0].getScale() * 3})")
    page.mouse.move(600, 500)
    page.mouse.wheel(0, -200)        # a real wheel zoom fires the map's zoom event
    page.wait_for_timeout(600)
    labels = page.evaluate(LABELS)
    shown_now = sum(lab["shown"] for lab in labels)
    assert errors == []
    # zoomed in, fewer nodes are on screen but those that are all get names
    on_screen = page.evaluate("""() => { const net = window.chaingraphMaps[0], box = document.querySelector('#map')
        .getBoundingClientRect(); return Object.values(net.getPositions()).map(p => net.canvasToDOM(p))
        .filter(p => p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height).length; }""")
    assert shown_now >= before and on_screen < len(labels)
    assert all(lab["px"] >= MIN_PX for lab in labels if lab["shown"]) and overlapping(labels) == []


def test_search_focuses_a_node_by_any_of_its_names(sample_db, tmp_path, open_at):
    out = tmp_path / "map.html"
    with Store(sample_db) as store:
        render_map(store, MapOptions(), out)
        sany = store.resolve("三一重工").id
    page, errors = open_at(out)
    for query in ("三一重工", "三一重工股份有限公司", "sany"):
        page.fill("#map-search", query)
        page.press("#map-search", "Enter")
        assert page.get_attribute("#map", "data-focused") == sany, query
        assert page.evaluate("() => window.chaingraphMaps[0].getSelectedNodes()") == [sany]
        centre = page.evaluate(f"""() => {{ const net = window.chaingraphMaps[0];
            const p = net.canvasToDOM(net.getPositions([{sany!r}])[{sany!r}]);
            const box = document.querySelector('#map').getBoundingClientRect();
            return [p.x / box.width, p.y / box.height]; }}""")
        assert abs(centre[0] - 0.5) < 0.05 and abs(centre[1] - 0.5) < 0.05
        label = next(lab for lab in page.evaluate(LABELS) if lab["id"] == sany)
        assert label["shown"] and label["px"] >= MIN_PX
    page.fill("#map-search", "no such firm anywhere")
    page.press("#map-search", "Enter")
    assert "no node is called" in page.text_content("#map-search-status")
    assert errors == []


def test_toggles_hide_and_show_kinds_and_links(sample_db, tmp_path, open_at):
    out = tmp_path / "map.html"
    with Store(sample_db) as store:
        render_map(store, MapOptions(), out)
    page, errors = open_at(out)
    hidden = """(kind) => { const net = window.chaingraphMaps[0];
        return net.chaingraph.order.filter(n => n.kind === kind)
                  .map(n => !!net.body.nodes[n.id].options.hidden); }"""
    assert not any(page.evaluate(hidden, "Firm"))
    page.uncheck('input[data-kind="Firm"]')
    assert all(page.evaluate(hidden, "Firm")) and not any(page.evaluate(hidden, "City"))
    assert not any(lab["shown"] for lab in page.evaluate(LABELS) if lab["kind"] == "Firm")
    page.check('input[data-kind="Firm"]')
    assert not any(page.evaluate(hidden, "Firm"))
    links = """(type) => { const net = window.chaingraphMaps[0];
        return net.chaingraph.edges.get({filter: e => e.type === type})
                  .map(e => !!net.body.edges[e.id].options.hidden); }"""
    assert page.evaluate(links, "LOCATED_IN") and not any(page.evaluate(links, "LOCATED_IN"))
    page.uncheck('input[data-type="LOCATED_IN"]')
    assert all(page.evaluate(links, "LOCATED_IN")) and not any(page.evaluate(links, "SUPPLIES"))
    page.check('input[data-type="LOCATED_IN"]')
    assert not any(page.evaluate(links, "LOCATED_IN"))
    assert errors == []
