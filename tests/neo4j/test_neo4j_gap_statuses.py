"""The README's worked example: construction machinery in 长株潭 and in 湖南 on the
quick start's data gives the same status for every segment through `gaps`, `report`
and the named query `chain_gaps_in_region` on a real Neo4j."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chaingraph.neo4j.cypher import run_named

ROOT = Path(__file__).resolve().parents[2]


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return str(tmp_path_factory.mktemp("readme") / "chaingraph.db")


@pytest.mark.parametrize("region", ["长株潭", "湖南"])
def test_gaps_report_and_named_query_agree(neo4j_env, neo4j_settings, sample, tmp_path, region):
    if not Path(sample).exists():
        assert cli(neo4j_env, "--db", sample, "ingest", "data/lists", "data/articles").returncode == 0
    loaded = cli(neo4j_env, "--db", sample, "load")  # each test starts from an empty Neo4j
    assert loaded.returncode == 0, loaded.stderr
    gaps = cli(neo4j_env, "--db", sample, "gaps", "--chain", "chain:工程机械", "--region", region, "--format", "json")
    assert gaps.returncode == 0, gaps.stderr
    by_gaps = {s["segment"]: s["status"] for s in json.loads(gaps.stdout)["segments"]}
    page = tmp_path / "report.html"
    report = cli(neo4j_env, "--db", sample, "report", "--chain", "chain:工程机械", "--region", region, "-o", str(page),
                 "--format", "json")
    assert report.returncode == 0, report.stderr
    html = page.read_text(encoding="utf-8")
    # The page's segment table: a row's first cell is the segment, its third the status.
    by_report = dict(re.findall(r'<tr class="row-\w+">\s*<td>([^<]+)</td>\s*<td>[^<]*</td>\s*'
                                r'<td><span class="status status-\w+">(\w+)</span>', html))
    # The Chain node chain:工程机械 is displayed as "construction machinery": its id's tail is a name too.
    rows = run_named(neo4j_settings, "chain_gaps_in_region", {"chain": "工程机械", "region": region}).rows
    by_query = {r["segment"]: r["status"] for r in rows}
    assert by_gaps == by_report == by_query
    assert {"missing", "weak", "present"} <= set(by_gaps.values())
    counts = json.loads(report.stdout)["statuses"]
    assert counts == {s: list(by_gaps.values()).count(s) for s in counts}
