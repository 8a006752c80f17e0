"""Gap reports: `chaingraph report` draws find_gaps()'s answer as a table and a chain
map with the missing segments marked, in one self-contained page."""

import html as html_lib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.errors import NotFoundError
from chaingraph.analytics.gaps import find_gaps
from chaingraph.render.report import render_report
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TOY_CHAINS = DATA / "analytics" / "chains"
HOSTILE_CHAINS = DATA / "render" / "chains"


def _load(test_module: str):
    """Import a sibling test module by path (tests are not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(test_module, Path(__file__).with_name(test_module + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_tests = _load("test_render")


def ingest_into(db: Path, path: Path) -> Path:
    with Store(db) as store:
        ingest_paths([path], store, IngestOptions(), rejects_path=db.with_suffix(".rejects.csv"))
    return db


def rows(html: str) -> list[list[str]]:
    body = html.split('<tbody>')[1].split('</tbody>')[0]
    return [[html_lib.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_report_shows_every_segment_as_find_gaps_sees_it(tmp_path):
    db = ingest_into(tmp_path / "toy.db", DATA / "analytics" / "graph.jsonl")
    out = tmp_path / "report.html"
    with Store(db) as store:
        placed = PlacedGraph.from_store(store, "玩具机械", chains_dirs=(TOY_CHAINS,))
        result = render_report(placed, "湖南", out)
        gaps = find_gaps(placed, "湖南")
    render_tests.assert_self_contained(out, static=True)
    html = out.read_text(encoding="utf-8")
    table = rows(html)
    assert [r[0] for r in table] == [s.segment for s in gaps.segments]
    for row, seg in zip(table, gaps.segments):
        assert row[1] == seg.stage and row[2] == seg.status
        assert row[3] == (f"{len(seg.local_firms)}: " + "; ".join(seg.local_firms) if seg.local_firms else "none")
        for cand in seg.candidates:
            assert cand.firm in row[5] and str(cand.score) in row[5]
    assert "missing" in {s.status for s in gaps.segments}
    assert result.statuses == {k: sum(s.status == k for s in gaps.segments) for k in result.statuses}
    # the chain view: one box per segment, coloured by status (missing: red, dashed),
    # candidates beside it, columns upstream -> downstream
    tags = render_tests.parse(out)
    boxes = {}
    for i, (tag, attrs) in enumerate(tags.tags):
        if tag == "g" and attrs.get("class") == "segment":
            boxes[attrs["data-segment"]] = next(a for t, a in tags.tags[i + 1:] if t == "rect")  # its frame
    assert set(boxes) == {s.segment for s in gaps.segments}
    for seg in gaps.segments:
        frame = boxes[seg.segment]
        missing = seg.status == "missing"
        assert (frame["stroke"] == "#d62728") == missing and ("stroke-dasharray" in frame) == missing
        group = html.split(f'data-segment="{seg.segment}"')[1].split("</g>")[0]
        assert f">{seg.status} · " in group
        for cand in seg.candidates:
            assert html_lib.escape(cand.firm)[:6] in group
    xs = {name: float(frame["x"]) for name, frame in boxes.items()}
    order = {"upstream": 0, "midstream": 1, "downstream": 2}
    for a in gaps.segments:
        for b in gaps.segments:
            if order[a.stage] < order[b.stage]:
                assert xs[a.segment] < xs[b.segment]
    assert html.count('class="supplies"') >= 1
    assert "missing in the region" in html and "<script" not in html


def test_report_escapes_every_name(tmp_path, data_dir):
    db = ingest_into(tmp_path / "hostile.db", data_dir / "render" / "hostile.jsonl")
    out = tmp_path / "report.html"
    with Store(db) as store:
        render_report(PlacedGraph.from_store(store, "hostile", chains_dirs=(HOSTILE_CHAINS,)), "湖南", out)
    html = out.read_text(encoding="utf-8")
    tags = render_tests.parse(out)
    assert not any(t in ("img", "i", "script") for t, _ in tags.tags)
    assert [t for t, _ in tags.tags].count("svg") == 1               # the chain view's own
    # the only <b> tags are the template's own (3 in the status note, 3 bold counts in the table)
    assert [t for t, _ in tags.tags].count("b") == html.count("<b>") == 6
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "Hostile &lt;b&gt;chain&lt;/b&gt; &amp; co" in html
    table = rows(html)
    assert table[1][0] == 'Parts <i>making</i>' and "<img src=x onerror=alert(1)>" in table[1][3]


def test_report_errors(tmp_path, data_dir):
    db = ingest_into(tmp_path / "hostile.db", data_dir / "render" / "hostile.jsonl")
    with Store(db) as store:
        with pytest.raises(NotFoundError):
            PlacedGraph.from_store(store, "no such chain", chains_dirs=(HOSTILE_CHAINS,))
        with pytest.raises(NotFoundError):
            render_report(PlacedGraph.from_store(store, "hostile", chains_dirs=(HOSTILE_CHAINS,)), "Atlantis",
                          tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


def test_report_command(tmp_path, data_dir):
    db = ingest_into(tmp_path / "hostile.db", data_dir / "render" / "hostile.jsonl")
    out = tmp_path / "cli-report.html"
    run = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(db), "report",
                          "--chain", "hostile", "--region", "Hunan", "--chains", str(HOSTILE_CHAINS),
                          "-o", str(out), "--format", "json"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["statuses"] == {"missing": 1, "present": 1, "weak": 1} and out.exists()
    assert result["bytes"] == out.stat().st_size
