"""The analytics commands end to end: the real entry point on a store of the fixture graph."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CHAINS, DATA

ROOT = Path(__file__).resolve().parent.parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    # Tables are as wide as $COLUMNS: fix it so the assertions do not depend on the terminal.
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env={**os.environ, "COLUMNS": os.environ.get("TEST_COLUMNS", "160")})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "g.db")
    assert run("--db", path, "ingest", str(DATA / "graph.jsonl")).returncode == 0
    return path


def test_gaps_json_and_table(db):
    out = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "湖南", "--chains", str(CHAINS),
              "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["region"] == "湖南"
    statuses = {s["segment"]: s["status"] for s in data["segments"]}
    assert statuses == {"钢材": "weak", "液压件": "missing", "发动机": "weak", "整机": "present", "租赁": "missing"}
    table = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "Hunan", "--chains", str(CHAINS))
    assert "江苏恒立液压股份有限公司" in table.stdout and "missing" in table.stdout


def test_upstream_downstream_json_and_csv(db):
    up = json.loads(run("--db", db, "upstream", "三一重工", "--depth", "2", "--format", "json").stdout)
    assert up["start"] == "firm:f1"
    assert {n["id"] for n in up["nodes"]} == {"firm:f3", "firm:f4", "firm:f5", "firm:f6", "firm:f9"}
    down = run("--db", db, "downstream", "Weichai Power", "--format", "csv").stdout.splitlines()
    assert down[0] == "depth,name,label,id,path,evidence"
    assert {line.split(",")[3] for line in down[1:]} == {"firm:f1", "firm:f2", "firm:f8", "firm:f3"}


def test_key_firms_and_compare(db):
    data = json.loads(run("--db", db, "key-firms", "--chain", "玩具机械", "--chains", str(CHAINS),
                          "--format", "json").stdout)
    assert data["network"] == {"firms": 9, "links": 12, "betweenness_k": None}
    csv_out = run("--db", db, "compare", "--chain", "玩具机械", "--regions", "Hunan,长沙,Gansu", "--chains", str(CHAINS),
                  "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "segment,stage,湖南,长沙,甘肃"
    assert csv_out[4] == "整机,midstream,present (2),present (2),missing (0)"


def test_errors_are_one_line(db):
    bad = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "Atlantis", "--chains", str(CHAINS))
    assert bad.returncode == 1 and bad.stderr.startswith("Error: ") and bad.stderr.strip().count("\n") == 0
    missing = run("--db", db, "upstream", "Nobody At All")
    assert missing.returncode == 1 and "Nobody At All" in missing.stderr
