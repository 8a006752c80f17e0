"""The README's own Cypher example, run as written on the quick start's store loaded
into a real Neo4j, finds the firms it asks for (it once matched no City at all), and
`-o FILE` writes them."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)


def test_readme_cypher_example_lists_firms_in_changsha(neo4j_env, neo4j_settings, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [line] = re.findall(r"^chaingraph cypher .*$", readme, re.M)
    db = str(tmp_path / "chaingraph.db")
    assert cli(neo4j_env, "--db", db, "ingest", "data/lists", "data/articles").returncode == 0
    loaded = cli(neo4j_env, "--db", db, "load")
    assert loaded.returncode == 0, loaded.stderr
    out = cli(neo4j_env, "--db", db, *shlex.split(line)[1:], "--format", "csv")
    assert out.returncode == 0, out.stderr
    firms = out.stdout.splitlines()[1:]
    assert "三一重工股份有限公司" in firms and "中联重科股份有限公司" in firms
    assert not any("株洲" in firm for firm in firms)  # 株洲's firms are not in 长沙
    sheet = tmp_path / "changsha.xlsx"
    saved = cli(neo4j_env, "--db", db, *shlex.split(line)[1:], "-o", str(sheet))
    assert saved.returncode == 0, saved.stderr
    import pandas as pd

    assert sorted(pd.read_excel(sheet, sheet_name="cypher")["f.name"]) == sorted(firms)
