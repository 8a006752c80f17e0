"""The README's examples run as written (the Python example, the tour's commands), and the
outputs its prose quotes are what they give."""

from __future__ import annotations

import json
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


def _json(args: list[str], cwd: Path) -> dict:
    result = _run([*args, "--format", "json"], cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_readme_figures_are_what_the_quick_start_store_gives(tmp_path):
    """The tour's prose quotes outputs; they must be what a new user gets."""
    (tmp_path / "data").symlink_to(ROOT / "data")
    assert _run(["ingest", "data/lists", "data/articles"], tmp_path).returncode == 0
    prose = " ".join(README.split())
    named = re.search(r"On the sample, (.+?) are missing in 长株潭, with (.+?) as first candidates", prose)
    missing = re.split(r", | and ", named.group(1))
    czt = _json(["gaps", "--chain", "chain:工程机械", "--region", "长株潭"], tmp_path)["segments"]
    assert sorted(missing) == sorted(s["segment"] for s in czt if s["status"] == "missing")
    firsts = [s["candidates"][0]["firm"] for s in czt if s["status"] == "missing"]
    for short in re.split(r", | and ", re.sub(r" \([^)]*\)", "", named.group(2))):
        assert any(short in firm for firm in firsts), short
    hunan = _json(["gaps", "--chain", "chain:工程机械", "--region", "湖南"], tmp_path)["segments"]
    assert {s["segment"]: s["status"] for s in hunan}["液压件"] == "weak"

    hit = _json(["impact", "--remove", "江苏", "--chain", "工程机械", "--region", "湖南"], tmp_path)
    removed, lose, stop = re.search(r"removing 江苏's (\d+) firms makes (\d+) firms lose a supplier; all (\d+) stop",
                                    prose).groups()
    assert [hit["removed"], len(hit["firms"])] == [int(removed), int(lose)]
    assert sum(1 for f in hit["firms"] if f["stopped"]) == int(stop)
    exposure = re.search(r"is ([\d.]+) \((\d+) of (\d+) buying firms stop\)", prose).groups()
    [region] = hit["regions"]
    assert [region["exposure"], region["stopped"], region["buyers"]] == [float(exposure[0]), int(exposure[1]),
                                                                         int(exposure[2])]
    share = float(re.search(r"([\d.]+)% of 湖南's 液压件 supply came from 江苏", prose).group(1))
    assert round(100 * {s["segment"]: s["removed_share"] for s in hit["segments"]}["液压件"], 1) == share
    best = _json(["attract", "--chain", "工程机械", "--region", "湖南", "--top", "5"], tmp_path)["candidates"][0]
    score = float(re.search(r"`attract` puts 恒立液压 first \(score ([\d.]+)\)", prose).group(1))
    assert "恒立液压" in best["firm"] and best["score"] == score
