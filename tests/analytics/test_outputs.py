"""Results written where planners work: -o FILE on the analytics commands (.xlsx one
sheet per table and one candidate a row, .csv with a BOM and no formulas, .json),
readable amounts, tables as wide as the terminal, cut lists marked, evidence by file."""

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from rich.cells import cell_len

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.gaps import find_gaps
from chaingraph.errors import InputError
from chaingraph.output import Table, readable_amount, render_rows, shorten, write_output

from .conftest import CHAINS
from .test_cli_analytics import db, run  # noqa: F401 (the module's store fixture)


def test_gaps_xlsx_has_a_sheet_per_table_and_a_row_per_candidate(db, tmp_path):
    out = tmp_path / "gaps.xlsx"
    done = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "湖南", "--chains", str(CHAINS),
               "-o", str(out))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["segments", "candidates", "local_firms"]
    segs = list(book["segments"].values)
    assert segs[0][:4] == ("segment", "stage", "weight", "status")
    assert {r[0]: r[3] for r in segs[1:]}["液压件"] == "missing"
    cands = list(book["candidates"].values)
    header = cands[0]
    rows = [dict(zip(header, r)) for r in cands[1:]]
    hydraulics = [r for r in rows if r["segment"] == "液压件"]
    assert hydraulics and hydraulics[0]["firm"] == "江苏恒立液压股份有限公司" and hydraulics[0]["rank"] == 1
    assert all(";" not in r["firm"] for r in rows)  # one candidate a row, never a list in a cell
    assert isinstance(hydraulics[0]["score"], float)


def test_gaps_csv_has_a_bom_and_tables_beside_it(db, tmp_path):
    out = tmp_path / "gaps.csv"
    done = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "Hunan", "--chains", str(CHAINS),
               "-o", str(out))
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "液压件" in raw.decode("utf-8-sig")
    assert (tmp_path / "gaps-candidates.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert str(tmp_path / "gaps-candidates.csv") in done.stderr


def test_compare_keyfirms_and_traversal_write_json_and_csv(db, tmp_path):
    cmp = tmp_path / "c.json"
    assert run("--db", db, "compare", "--chain", "玩具机械", "--regions", "Hunan,Gansu", "--chains", str(CHAINS),
               "-o", str(cmp)).returncode == 0
    assert json.loads(cmp.read_text(encoding="utf-8"))["regions"] == ["湖南", "甘肃"]
    kf = tmp_path / "k.xlsx"
    assert run("--db", db, "key-firms", "--chain", "玩具机械", "--chains", str(CHAINS), "-o", str(kf)).returncode == 0
    assert openpyxl.load_workbook(kf).sheetnames == ["firms", "communities"]
    up = tmp_path / "u.csv"
    done = run("--db", db, "upstream", "三一重工", "--depth", "1", "-o", str(up))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(up.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and any("湘钢向三一重工供应钢板" in r["evidence"] for r in rows)
    assert all("firm:" not in r["path"] for r in rows)  # the path by names, not ids


def test_evidence_names_the_file_and_row(tmp_path):
    path = str(tmp_path / "s.db")
    root = Path(__file__).resolve().parents[2]
    assert run("--db", path, "ingest", str(root / "data" / "lists" / "chain_firms_sample.csv")).returncode == 0
    shown = run("--db", path, "show", "三一重工").stdout
    assert "chain_firms_sample.csv, row 2" in shown and "source:" not in shown
    up = run("--db", path, "upstream", "三一重工", "--depth", "1", "--format", "csv").stdout
    assert "chain_firms_sample.csv, row" in up and "source:" not in up
    titled = run("--db", path, "upstream", "三一重工", "--depth", "1").stdout
    assert "upstream of 三一重工股份有限公司" in titled and "upstream of firm:" not in titled


def test_unknown_extension_is_an_error(db, tmp_path):
    done = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "湖南", "--chains", str(CHAINS),
               "-o", str(tmp_path / "g.docx"))
    assert done.returncode == 1 and ".xlsx" in done.stderr and not (tmp_path / "g.docx").exists()


def test_written_cells_never_run_as_formulas(tmp_path):
    table = Table("t", ["name", "n"], [{"name": "=HYPERLINK(\"x\")", "n": 3}, {"name": "湖南", "n": -1}])
    write_output(tmp_path / "t.csv", [table], None)
    cells = list(csv.reader((tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert cells[1][0] == "'=HYPERLINK(\"x\")" and cells[2] == ["湖南", "-1"]
    write_output(tmp_path / "t.xlsx", [table], None)
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["t"]
    assert sheet["A2"].value == "'=HYPERLINK(\"x\")" and sheet["A2"].data_type == "s" and sheet["B3"].value == -1
    with pytest.raises(InputError):
        write_output(tmp_path / "t.html", [table], None)


def test_amounts_widths_and_cut_lists():
    assert readable_amount(62300000000.0) == "623亿元" and readable_amount(1234567) == "123.46万元"
    table = render_rows([{"event": "对接会", "deal_amount": 15600000000.0}], ["event", "deal_amount"], "table")
    assert "156亿元" in table and "15600000000" not in table
    wide = [{"a": "三一重工股份有限公司" * 4, "b": "x" * 90, "c": "长沙"}]
    for line in render_rows(wide, ["a", "b", "c"], "table", width=80).splitlines():
        assert cell_len(line) <= 80
    assert shorten(list("ABCDEFGH")) == "8: A; B; C; D; E; … +3 more"


def test_tables_fit_an_80_column_terminal(db, monkeypatch):
    monkeypatch.setenv("TEST_COLUMNS", "80")
    out = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "湖南", "--chains", str(CHAINS)).stdout
    assert out and max(cell_len(line) for line in out.splitlines()) <= 80


def test_gap_report_frames(analytics_graph):
    report = find_gaps(PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS]), "湖南")
    frame = report.to_frame()
    assert list(frame["segment"]) == [s.segment for s in report.segments]
    cands = report.to_frame("candidates")
    assert len(cands) == sum(len(s.candidates) for s in report.segments)


def test_gaps_html_is_the_report_page(db, tmp_path):
    out = tmp_path / "gaps.html"
    done = run("--db", db, "gaps", "--chain", "toy machinery", "--region", "长株潭", "--chains", str(CHAINS),
               "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Gap report: 玩具机械 in 长株潭" in page and "液压件" in page
