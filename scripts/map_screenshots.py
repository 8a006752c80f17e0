#!/usr/bin/env python3
"""Draw the README's pictures: the default map, the chain view, the geographic
view, the overview and the gap report of the sample data, each opened in headless
Chromium at 1400×900 with the network off and saved as a small PNG in docs/img/.

    python scripts/map_screenshots.py [OUT_DIR]

Needs Chromium on PATH and the playwright package (both come with
``bash scripts/test``). The store is built from data/lists and data/articles in a
temporary directory; nothing in the repository changes but the PNGs.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chaingraph.analytics.placed import PlacedGraph  # noqa: E402
from chaingraph.ingest import ingest_paths  # noqa: E402
from chaingraph.ingest.base import IngestOptions  # noqa: E402
from chaingraph.render import MapOptions, render_map  # noqa: E402
from chaingraph.render.report import render_report  # noqa: E402
from chaingraph.store import Store  # noqa: E402

#: Screenshot scale: 1400×900 pages saved at 980×630 px.
SCALE = 0.7
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"]


def pages(tmp: Path) -> list[tuple[str, Path]]:
    """Build the sample store in ``tmp`` and write the five pages; return (name, path) pairs."""
    db = tmp / "sample.db"
    out = []
    with Store(db) as store:
        ingest_paths([ROOT / "data" / "lists", ROOT / "data" / "articles"], store, IngestOptions(),
                     rejects_path=tmp / "rejects.csv")
        for name, options in (("map", MapOptions()),
                              ("chain-view", MapOptions(chain="工程机械", region="湖南", view="chain")),
                              ("geo-view", MapOptions(chain="工程机械", region="湖南", view="geo")),
                              ("overview", MapOptions(view="overview"))):
            render_map(store, options, tmp / f"{name}.html")
            out.append((name, tmp / f"{name}.html"))
        render_report(PlacedGraph.from_store(store, "工程机械"), "湖南", tmp / "report.html")
        out.append(("report", tmp / "report.html"))
    return out


def shoot(items: list[tuple[str, Path]], out_dir: Path) -> list[Path]:
    """Open each page at 1400×900 and save its first screen as ``out_dir/NAME.png``."""
    from playwright.sync_api import sync_playwright

    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
    if exe is None:
        raise SystemExit("no chromium on PATH (Debian: apt-get install chromium)")
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=SCALE)
        for name, path in items:
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_function("() => Array.from(document.querySelectorAll('[data-map]'))"
                                   ".every(m => m.getAttribute('data-ready') === '1')", timeout=60_000)
            if errors:
                raise SystemExit(f"{name}: console errors: {errors}")
            target = out_dir / f"{name}.png"
            page.screenshot(path=str(target))
            saved.append(target)
            page.close()
        browser.close()
    return saved


def main() -> None:
    """Write the PNGs to the directory given (default docs/img) and print their sizes."""
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        for path in shoot(pages(Path(tmp)), out_dir):
            print(f"{path} {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
