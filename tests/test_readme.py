"""The README's examples run as written: the Python example and the tour's commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)\n```", README, re.S)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import cli; cli.main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_readme_python_example_runs_and_prints_each_segment(tmp_path):
    (tmp_path / "data").symlink_to(ROOT / "data")
    [example] = _blocks("python")
    result = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{example}"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 5
    assert all(line.split()[1] in ("missing", "weak", "present") for line in lines)
    assert any(line.startswith("工程机械整机 present") for line in lines)


def test_readme_tour_commands_run_on_the_quick_start_store(tmp_path):
    (tmp_path / "data").symlink_to(ROOT / "data")
    assert _run(["ingest", "data/lists", "data/articles"], tmp_path).returncode == 0
    tour = _blocks("sh")[2]
    commands = [line.split("#")[0].split() for line in tour.splitlines() if line.startswith("chaingraph ")]
    assert len(commands) >= 5
    for words in commands:
        result = _run(words[1:], tmp_path)
        assert result.returncode == 0, f"{' '.join(words)}: {result.stderr}"
        assert result.stdout.strip() or result.stderr.strip()
    assert (tmp_path / "hunan.html").stat().st_size > 10_000
