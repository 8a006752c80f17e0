"""Fixtures shared by every test: paths to test data and a fresh store."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    """The directory of small fixture files."""
    return DATA


@pytest.fixture
def store(tmp_path: Path):
    """A new, empty embedded store in a temporary directory."""
    with Store(tmp_path / "test.db") as s:
        yield s


# --- browser (issue 7): headless Chromium with the network off -----------------------

BROWSER_ARTIFACTS = ROOT / "test-artifacts"
_CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                   "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def _browser_unavailable(reason: str) -> None:
    import os

    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (the system's own, e.g. Debian's ``chromium``) driven by
    Playwright, with a fresh profile and every network request refused (no DNS,
    a dead proxy). Skips with a message when Chromium or Playwright is missing;
    fails instead under ``CI=true``."""
    import shutil
    import tempfile

    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
    if exe is None:
        _browser_unavailable("no chromium on PATH (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("the playwright package is missing (pip install -e '.[test]')")
    with tempfile.TemporaryDirectory(prefix="chaingraph-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=exe, headless=True, args=_CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 860}, service_workers="block")
        try:
            yield context
        finally:
            context.close()


class PageVisit:
    """What a page did in the browser: console errors and uncaught exceptions,
    dialogs it opened, every URL it requested, the non-blank pixels of each map
    canvas, and where its screenshot went. ``page`` stays open for more checks."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.canvas_pixels: list[int] = []
        self.screenshot: Path | None = None


@pytest.fixture
def open_page(browser):
    """Return ``visit(path, shot_name)``: open the HTML file ``path`` in the
    network-less browser, wait until every map on it has drawn, count each map
    canvas's non-blank pixels, save a full-page screenshot as
    ``test-artifacts/<shot_name>.png`` and return a :class:`PageVisit`."""
    pages = []

    def visit(path: Path, shot_name: str) -> PageVisit:
        page = browser.new_page()
        pages.append(page)
        seen = PageVisit(page)
        page.on("console", lambda m: seen.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning", "assert") else None)
        page.on("pageerror", lambda e: seen.errors.append(f"uncaught: {e}"))
        page.on("dialog", lambda d: (seen.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.on("request", lambda r: seen.requests.append(r.url))
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        page.wait_for_function(
            "() => document.querySelectorAll('[data-map]').length > 0 && Array.from("
            "document.querySelectorAll('[data-map]')).every(m => m.getAttribute('data-ready') === '1')",
            timeout=60_000)
        seen.canvas_pixels = page.evaluate(
            "() => Array.from(document.querySelectorAll('[data-map] canvas')).map(c => {"
            " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
            " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; })")
        BROWSER_ARTIFACTS.mkdir(exist_ok=True)
        seen.screenshot = BROWSER_ARTIFACTS / f"{shot_name}.png"
        page.screenshot(path=str(seen.screenshot), full_page=True)
        return seen

    yield visit
    for page in pages:
        page.close()
