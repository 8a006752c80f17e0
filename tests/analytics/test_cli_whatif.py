"""The impact and attract commands end to end on the what-if fixture (tests/data/whatif/)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data" / "whatif"
CHAINS = str(DATA / "chains")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("whatif") / "g.db")
    assert run("--db", path, "ingest", str(DATA / "graph.jsonl")).returncode == 0
    return path


def test_impact_json_table_csv_and_xlsx(db, tmp_path):
    args = ("--db", db, "impact", "--remove", "江苏", "--chain", "假设机械", "--chains", CHAINS, "--region", "湖南")
    data = json.loads(run(*args, "--format", "json").stdout)
    assert [f["firm"] for f in data["firms"] if f["stopped"]] == ["三机有限公司", "中机有限公司", "湘租有限公司"]
    assert {s["segment"]: s["after"] for s in data["segments"] if s["changed"]} == {"整机": "missing",
                                                                                    "租赁": "missing"}
    table = run(*args)
    assert table.returncode == 0, table.stderr
    assert "三机有限公司" in table.stdout and "exposure" in table.stdout
    assert "removed 4 firm(s): 江苏 (province, 4 firm(s)); 3 firm(s) lose a supplier, 3 stop" in table.stderr
    assert "weights: weights or deal amounts used for 3 supply links" in table.stderr
    lines = run(*args, "--format", "csv").stdout.splitlines()
    assert lines[0] == "depth,firm,province,stopped,stopped_segments,lost_share,path,evidence"
    assert lines[1].startswith("1,三机有限公司,湖南,yes,钢材,0.75,沙钢有限公司 → 三机有限公司,")
    out = tmp_path / "impact.xlsx"
    assert run(*args, "-o", str(out)).returncode == 0
    import openpyxl

    assert openpyxl.load_workbook(out).sheetnames == ["firms", "regions", "segments", "removed"]


def test_attract_json_and_one_firm(db):
    args = ("--db", db, "attract", "--chain", "what-if machinery", "--chains", CHAINS, "--region", "Hunan")
    data = json.loads(run(*args, "--top", "2", "--format", "json").stdout)
    assert [(c["firm"], c["score"]) for c in data["candidates"]] == [("沙钢有限公司", 3.0), ("恒液有限公司", 2.625)]
    one = run(*args, "--firm", "恒液")
    assert one.returncode == 0, one.stderr
    assert "液压件: weak → present" in one.stdout and "沙钢" not in one.stdout


def test_unknown_names_are_one_line_errors(db):
    out = run("--db", db, "impact", "--remove", "不存在XYZ")
    assert out.returncode == 1 and out.stderr.startswith("Error: nothing to remove named '不存在XYZ'")
    out = run("--db", db, "attract", "--chain", "假设机械", "--chains", CHAINS, "--region", "湖南", "--firm", "无此公司QQ")
    assert out.returncode == 1 and out.stderr.strip() == "Error: no firm named '无此公司QQ'"
