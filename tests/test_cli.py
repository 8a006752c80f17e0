"""The command line: every command documented, errors as one line, results as data."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command

from chaingraph.cli import app

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real ``chaingraph`` entry point in a subprocess."""
    # cli.py is a top-level module: put the repository first so any cwd works.
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import cli; cli.main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def _commands():
    group = get_command(app)
    return sorted(group.commands.items())


def test_every_command_has_help_and_a_readme_entry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _commands(), "no commands registered"
    for name, command in _commands():
        assert command.help and len(command.help.strip()) > 10, f"{name} has no help text"
        assert re.search(rf"`chaingraph {re.escape(name)}\b", readme), f"{name} is not in README.md"


def test_every_command_and_option_is_in_the_command_reference():
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in _commands():
        assert f"- `chaingraph {name}" in reference, f"{name} has no entry in docs/cli.md"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help", "--format", "--out"):
                    assert re.search(rf"(?<![\w-]){opt}(?![\w-])", reference), f"{name} {opt} is not in docs/cli.md"


def test_ingest_stats_show_and_idempotence(tmp_path):
    db = str(tmp_path / "g.db")
    first = run("--db", db, "ingest", str(ROOT / "data"), "--format", "json")
    assert first.returncode == 0, first.stderr
    stats1 = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert stats1["labels"]["Firm"] >= 50 and stats1["evidence"] > 0
    assert run("--db", db, "ingest", str(ROOT / "data")).returncode == 0
    stats2 = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert stats1 == stats2
    shown = json.loads(run("--db", db, "show", "恒立液压", "--format", "json").stdout)
    assert shown["id"] == "firm:stock:601100"
    assert any(e["type"] == "SUPPLIES" and e["direction"] == "out" for e in shown["edges"])
    csv_out = run("--db", db, "stats", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "kind,name,count"


def test_errors_are_one_line_with_nonzero_exit_and_debug_shows_traceback(tmp_path):
    db = str(tmp_path / "none.db")
    result = run("--db", db, "stats")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("Error: ")
    debug = run("--db", db, "--debug", "stats")
    assert debug.returncode != 0 and "Traceback" in debug.stderr
    bad_format = run("--db", db, "stats", "--format", "xml")
    assert bad_format.returncode == 1


@pytest.mark.parametrize("args, says", [
    (["gapz"], "No such command 'gapz'. Did you mean 'gaps'? (see 'chaingraph --help')"),
    (["gaps", "--region", "湖南"], "Missing option '--chain'. (see 'chaingraph gaps --help')"),
    (["gaps", "--chain", "工程机械", "--regoin", "湖南"], "No such option: --regoin"),
    (["upstream", "三一重工", "--depth", "two"], "Invalid value for '--depth'"),
    (["stats", "-o", "x.csv"], "No such option: -o"),
    (["upstream", "三一重工", "--depth", "-1"], "'--depth': -1 is negative; give 0 or more"),
    (["attract", "--chain", "工程机械", "--region", "湖南", "--top", "-3"], "'--top': -3 is negative"),
])
def test_usage_errors_are_one_line_too(args, says):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ") and result.stderr.strip().count("\n") == 0, result.stderr
    assert says in result.stderr and "─" not in result.stderr


def test_maps_and_reports_are_written_only_to_html_files(tmp_path):
    # A page saved as report.xlsx would not open in Excel; say so before any work.
    db = str(tmp_path / "none.db")
    report = run("--db", db, "report", "--chain", "工程机械", "--region", "湖南", "-o", str(tmp_path / "r.xlsx"))
    assert report.returncode == 1 and "writes an HTML page" in report.stderr and "gaps" in report.stderr
    assert run("--db", db, "render", "-o", str(tmp_path / "map.png")).returncode == 1
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "map.png").exists()


def test_ingest_reports_bad_lines_and_exits_nonzero_only_for_unreadable_files(tmp_path):
    db = str(tmp_path / "g.db")
    result = run("--db", db, "ingest", str(ROOT / "tests" / "data" / "records_mixed.jsonl"))
    assert result.returncode == 0
    assert "records_mixed.jsonl:5: malformed JSON" in result.stderr
    assert (tmp_path / "g.db.rejects.csv").exists()
    missing = run("--db", db, "ingest", str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "no such file" in missing.stdout


def test_readme_quick_start_runs_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)\n```", readme, re.S).group(1).strip()
    steps = [s.strip() for s in first_block.split("&&")]
    assert steps[:2] == ["python3 -m venv .venv", ".venv/bin/pip install -e ."]
    (tmp_path / "data").symlink_to(ROOT / "data")
    for step in steps[2:]:
        words = step.split()
        assert words[0] == ".venv/bin/chaingraph"
        result = run(*words[1:], cwd=tmp_path)
        assert result.returncode == 0, f"{step}: {result.stderr}"
    assert (tmp_path / "chaingraph.db").exists() and (tmp_path / "map.html").stat().st_size > 10_000


def test_key_firms_table_counts_every_member_of_a_community(tmp_path, monkeypatch):
    # The table shows a community's 5 biggest members; its count is the community's size.
    db = str(tmp_path / "g.db")
    assert run("--db", db, "ingest", str(ROOT / "data" / "lists")).returncode == 0
    data = json.loads(run("--db", db, "key-firms", "--chain", "工程机械", "--format", "json").stdout)
    big = [c for c in data["communities"] if c["size"] > len(c["members"])]
    assert big, "the sample no longer has a community of more than 5 firms"
    monkeypatch.setenv("COLUMNS", "400")  # one row a line
    table = run("--db", db, "key-firms", "--chain", "工程机械").stdout
    for community in big:
        more = community["size"] - len(community["members"])
        assert f"{community['size']}: {community['members'][0]};" in table and f"+{more} more" in table
