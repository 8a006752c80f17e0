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
from chaingraph.render.style import MISSING_COLOUR
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
    render_tests.assert_self_contained(out)
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
    # the chain map: one node per segment, missing ones red and dashed, candidates linked
    data = render_tests.map_data(out)
    segs = {n["tip"][0][1]: n for n in data["nodes"] if n["id"].startswith("chain-segment:")}
    assert set(segs) == {s.segment for s in gaps.segments}
    for seg in gaps.segments:
        node = segs[seg.segment]
        missing = seg.status == "missing"
        assert (node["color"]["background"] == MISSING_COLOUR) == missing
        assert bool(node["shapeProperties"]["borderDashes"]) == missing
        assert f"({seg.status})" in node["label"]
        for cand in seg.candidates:
            assert any(e["from"] == cand.firm_id and e["to"] == node["id"] and e["id"].split("|")[1] == "CANDIDATE"
                       for e in data["edges"])
    levels = {s.segment: segs[s.segment]["level"] for s in gaps.segments}
    order = {"upstream": 0, "midstream": 1, "downstream": 2}
    for a in gaps.segments:
        for b in gaps.segments:
            if order[a.stage] < order[b.stage]:
                assert levels[a.segment] < levels[b.segment]
    assert "segment missing in the region" in html


def test_report_escapes_every_name(tmp_path, data_dir):
    db = ingest_into(tmp_path / "hostile.db", data_dir / "render" / "hostile.jsonl")
    out = tmp_path / "report.html"
    with Store(db) as store:
        render_report(PlacedGraph.from_store(store, "hostile", chains_dirs=(HOSTILE_CHAINS,)), "湖南", out)
    html = out.read_text(encoding="utf-8")
    tags = render_tests.parse(out)
    assert not any(t in ("img", "i", "svg") for t, _ in tags.tags)
    # the only <b> tags are the template's own (3 in the status note, 3 bold counts in the table)
    assert [t for t, _ in tags.tags].count("b") == html.split("<script")[0].count("<b>") == 6
    assert html.count("</script>") == 3
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
