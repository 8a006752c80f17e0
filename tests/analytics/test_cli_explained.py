"""Answers that explain themselves and a command line that helps: empty results and
near misses say why, --version, readable help, export by extension, --mapping checked first."""

import json
from pathlib import Path

from chaingraph.store import Store

from .conftest import CHAINS
from .test_cli_analytics import db, run  # noqa: F401 (the module's store fixture)

ROOT = Path(__file__).resolve().parents[2]


def test_empty_store_is_an_error_not_all_missing(tmp_path):
    path = tmp_path / "empty.db"
    Store(path).close()
    out = run("--db", str(path), "gaps", "--chain", "toy machinery", "--region", "湖南", "--chains", str(CHAINS))
    assert out.returncode == 1 and "no firms" in out.stderr and "missing" not in out.stdout


def test_region_without_located_firms_warns(db):
    out = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "Gansu", "--chains", str(CHAINS))
    assert out.returncode == 0 and "Warning: no firm of the graph is located in 甘肃" in out.stderr
    cmp = run("--db", db, "compare", "--chain", "toy machinery", "--regions", "湖南,Gansu", "--chains", str(CHAINS))
    assert "Warning: no firm of the graph is located in 甘肃" in cmp.stderr


def test_gap_without_candidates_says_why(db):
    # The one leasing firm is in Guangdong: weak there, and nobody elsewhere to propose.
    data = json.loads(run("--db", db, "gaps", "--chain", "toy machinery", "--region", "广东", "--chains", str(CHAINS),
                          "--format", "json").stdout)
    seg = {s["segment"]: s for s in data["segments"]}["租赁"]
    assert seg["status"] == "weak" and seg["candidates"] == []
    assert seg["note"] == "no firm of 租赁 is known outside 广东"
    table = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "广东", "--chains", str(CHAINS)).stdout
    assert "no firm of 租赁 is known" in table


def test_empty_traversal_says_why(db):
    out = run("--db", db, "upstream", "firm:f9", "--depth", "1")
    assert out.returncode == 0
    assert "has no SUPPLIES edge coming in (no supplier of it is known)" in out.stderr


def test_near_misses_get_suggestions(db):
    chain = run("--db", db, "gaps", "--chain", "toy machinary", "--region", "湖南", "--chains", str(CHAINS))
    assert chain.returncode == 1 and "did you mean toy machinery" in chain.stderr
    region = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "长株谭", "--chains", str(CHAINS))
    assert region.returncode == 1 and "did you mean" in region.stderr and "长株潭" in region.stderr
    firm = run("--db", db, "upstream", "潍柴动利股份有限公司")
    assert firm.returncode == 1 and "did you mean 潍柴动力股份有限公司" in firm.stderr
    command = run("--db", db, "gapz")
    assert command.returncode == 2 and "Did you mean 'gaps'" in command.stderr


def test_version_and_readable_help():
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("chaingraph ")
    for command in ("ingest", "gaps", "query", "export"):
        shown = run(command, "--help").stdout
        assert "<" not in shown and ">" not in shown, shown


def test_export_takes_the_format_from_the_extension(db, tmp_path):
    out = run("--db", db, "export", str(tmp_path / "g.graphml"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    bad = run("--db", db, "export", str(tmp_path / "g.txt"))
    assert bad.returncode == 1 and "--format" in bad.stderr


def test_missing_mapping_stops_before_anything_is_written(tmp_path):
    path = tmp_path / "new.db"
    out = run("--db", str(path), "ingest", str(ROOT / "data" / "lists"), "--mapping", str(tmp_path / "nosuch.toml"))
    assert out.returncode == 2 and "nosuch.toml" in out.stderr
    assert not path.exists()


def test_gaps_says_what_the_chain_is(db):
    template = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "湖南", "--chains", str(CHAINS))
    assert "chain 玩具机械: the chain template" in template.stderr
    segment = run("--db", db, "gaps", "--chain", "工程机械整机", "--region", "湖南")
    assert "a graph Segment and the segments upstream of it" in segment.stderr
