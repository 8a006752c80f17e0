"""Bad and hostile input within bounds: invisible characters and overlong names,
corrupt workbooks, zip bombs, oversized cells and fields. Bombs are made here, in
tmp_path, not kept as files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chaingraph.identity import MAX_NAME_CHARS, fold, name_key
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _firms(store: Store) -> dict[str, dict]:
    g = store.to_networkx()
    return {n: a for n, a in g.nodes(data=True) if a["label"] == "Firm"}


def test_invisible_characters_are_left_out_of_keys():
    plain = "湘潭电机股份有限公司"
    for hidden in ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202a", "\u202e",
                   "\u2066", "\u2069", "\u00ad", "\U000e0041"):
        assert name_key(plain[:2] + hidden + plain[2:]) == name_key(plain) == "湘潭电机"
        assert fold("Sany" + hidden + " Heavy") == "sany heavy"


def test_names_differing_by_invisible_characters_are_one_firm_without_bidi_controls(store, tmp_path):
    path = _write_csv(tmp_path / "firms.csv", [
        ["企业名称", "所在城市", "主要供应商"],
        ["湘潭电机股份有限公司", "湘潭", ""],
        ["湘潭\u200b电机股份有限公司", "湘潭", "\u202e司公限有料材达恒\u202c"],
        ["\u2067Evil\u2069 Corp", "长沙", ""],
    ])
    report = ingest_paths([path], store)
    assert not report.rejects and not report.skipped
    names = sorted(a["name"] for a in _firms(store).values())
    assert names == ["Evil Corp", "司公限有料材达恒", "湘潭电机股份有限公司"]


def test_overlong_names_are_cut_with_a_warning_and_kept_whole(store, tmp_path):
    long_name = "湖南" + "超长名称" * 700 + "有限公司"
    long_supplier = "S" * 2804
    path = _write_csv(tmp_path / "firms.csv", [
        ["企业名称", "所在城市", "主要供应商"],
        [long_name, "长沙", long_supplier],
        ["三一重工股份有限公司", "长沙", ""],
    ])
    report = ingest_paths([path], store)
    assert not report.rejects and not report.skipped
    firms = _firms(store)
    assert len(firms) == 3
    assert max(len(a["name"]) for a in firms.values()) <= MAX_NAME_CHARS
    full = {a.get("full_name") for a in firms.values()} - {None}
    assert full == {long_name, long_supplier}
    cut = [w for w in report.warnings if "cut to" in w.reason]
    assert [(Path(w.path).name, w.line) for w in cut] == [("firms.csv", 2), ("firms.csv", 2)]


def test_the_format_character_class_is_every_cf_character():
    import unicodedata

    from chaingraph.identity import _FORMAT_CHARS

    every = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    matched = {chr(c) for c in range(0x110000) if _FORMAT_CHARS.fullmatch(chr(c))}
    assert matched == every


# -- Excel: damaged workbooks, zip bombs, oversized cells -----------------------------------

_SHEET = "xl/worksheets/sheet1.xml"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet_xml(rows: list[list[str]], tail: str = "</sheetData></worksheet>", dimension: str | None = None) -> str:
    dimension = dimension or f"A1:{chr(64 + max(map(len, rows)))}{len(rows)}"
    body = "".join(f'<row r="{i}">' + "".join(_cell(f"{chr(65 + j)}{i}", v) for j, v in enumerate(row)) + "</row>"
                   for i, row in enumerate(rows, start=1))
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="{dimension}"/><sheetData>' + body + tail)


def _workbook(path: Path, sheet_xml: str | None, drop: tuple[str, ...] = ()) -> Path:
    """Write a one-sheet workbook made by openpyxl, its sheet replaced by
    ``sheet_xml`` (left out when None) and the parts in ``drop`` left out."""
    import zipfile

    from openpyxl import Workbook

    base = path.with_suffix(".base.xlsx")
    book = Workbook()
    book.active.title = "firms"
    book.active.append(["x"])
    book.save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename in drop or (item.filename == _SHEET and sheet_xml is None):
                continue
            dst.writestr(item.filename, sheet_xml if item.filename == _SHEET else src.read(item.filename))
    base.unlink()
    return path


_HEADER = ["企业名称", "所在城市"]
_GOOD = [[f"测试{i}号机械有限公司", "长沙"] for i in range(1, 4)]


def test_a_workbook_damaged_part_way_keeps_the_rows_before_and_says_where(store, tmp_path):
    broken = _sheet_xml([_HEADER, *_GOOD], tail="") + "<row r=\"5\"><c r=\"A5\" t=\"inl"
    path = _workbook(tmp_path / "damaged.xlsx", broken)
    report = ingest_paths([path], store)
    assert not report.skipped
    assert [(Path(r.path).name, r.line) for r in report.rejects] == [("damaged.xlsx", 5)]
    reason = report.rejects[0].reason
    assert "\n" not in reason and "damaged workbook" in reason and "(sheet firms)" in reason and "after row 4" in reason
    assert sorted(a["name"] for a in _firms(store).values()) == [r[0] for r in _GOOD]


@pytest.mark.parametrize("case", ["not xml", "missing sheet", "missing workbook", "not a zip", "truncated zip"])
def test_a_damaged_workbook_is_one_line_naming_the_file(store, tmp_path, case):
    path = tmp_path / "bad.xlsx"
    if case == "not xml":
        _workbook(path, "\x00\x01 not xml at all <<<")
    elif case == "missing sheet":
        _workbook(path, None)
    elif case == "missing workbook":
        _workbook(path, _sheet_xml([_HEADER, *_GOOD]), drop=("xl/workbook.xml",))
    elif case == "not a zip":
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    else:
        _workbook(path, _sheet_xml([_HEADER, *_GOOD] * 300))
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    report = ingest_paths([path, _write_csv(tmp_path / "ok.csv", [_HEADER, ["三一重工股份有限公司", "长沙"]])], store)
    assert [Path(s.path).name for s in report.skipped] == ["bad.xlsx"]
    assert "\n" not in report.skipped[0].reason and report.skipped[0].reason
    assert [a["name"] for a in _firms(store).values()] == ["三一重工股份有限公司"]  # the other file still goes in


def test_a_zip_bomb_workbook_is_refused_before_it_is_read(store, tmp_path):
    # 30 MB of sheet compressed to some 60 KB; a 1 GB one is refused the same way.
    filler = _cell("C2", "0" * 1000) * 30_000
    path = _workbook(tmp_path / "bomb.xlsx", _sheet_xml([_HEADER, _GOOD[0]]).replace("<row r=\"2\">",
                                                                                    "<row r=\"2\">" + filler))
    assert path.stat().st_size < 1_000_000
    report = ingest_paths([path], store)
    assert len(report.skipped) == 1 and "zip bomb" in report.skipped[0].reason
    assert _SHEET in report.skipped[0].reason and not _firms(store)


def test_an_oversized_cell_rejects_its_row_only(store, tmp_path):
    from chaingraph.ingest.tables import MAX_CELL_CHARS

    big = "长" * (MAX_CELL_CHARS + 1)
    path = _workbook(tmp_path / "cell.xlsx", _sheet_xml([_HEADER, _GOOD[0], ["巨型单元格有限公司", big], _GOOD[1]]))
    report = ingest_paths([path], store)
    assert not report.skipped
    assert [(r.line, "所在城市" in r.reason and f"{MAX_CELL_CHARS:,}" in r.reason) for r in report.rejects] == [(3, True)]
    assert sorted(a["name"] for a in _firms(store).values()) == [r[0] for r in _GOOD[:2]]


def test_rows_beyond_a_sheets_declared_dimension_are_read(store, tmp_path):
    path = _workbook(tmp_path / "dim.xlsx", _sheet_xml([_HEADER, *_GOOD], dimension="A1:B1"))
    report = ingest_paths([path], store)
    assert not report.skipped and not report.rejects
    assert sorted(a["name"] for a in _firms(store).values()) == [r[0] for r in _GOOD]


# -- CSV: oversized fields -------------------------------------------------------------------

def test_an_oversized_csv_field_is_named_as_such_and_rejects_its_row_only(store, tmp_path):
    from chaingraph.ingest.tables import MAX_CELL_CHARS

    path = tmp_path / "fields.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("企业名称,所在城市,主营产品\n")
        handle.write("测试1号机械有限公司,长沙,挖掘机\n")
        handle.write('测试2号机械有限公司,长沙,"' + "泵车, " * 2_000_000 + '"\n')  # 10 MB, quoted
        handle.write("测试3号机械有限公司,长沙," + "起重机" * (MAX_CELL_CHARS // 3 + 1) + "\n")  # unquoted
        handle.write("测试4号机械有限公司,长沙,压路机\n")
    report = ingest_paths([path], store)
    assert not report.skipped
    assert [r.line for r in report.rejects] == [3, 4]
    for r in report.rejects:
        assert f"field longer than {MAX_CELL_CHARS:,} characters" in r.reason and "quot" not in r.reason
    assert sorted(a["name"] for a in _firms(store).values()) == ["测试1号机械有限公司", "测试4号机械有限公司"]


@pytest.mark.parametrize("newline", [b"\n", b"\r"])
def test_an_endless_line_is_rejected_unread_and_the_lines_after_it_go_in(store, tmp_path, monkeypatch, newline):
    from chaingraph.ingest import tables

    monkeypatch.setattr(tables, "MAX_LINE_BYTES", 3 * tables.BLOCK_BYTES)
    monkeypatch.setattr(tables, "MAX_CELL_CHARS", tables.BLOCK_BYTES)
    long_ok = "长" * (tables.BLOCK_BYTES // 2)  # a line over two blocks, under the cap: read whole
    lines = ["企业名称,城市,主营产品", "湘潭电机股份有限公司,湘潭,电机", f"株洲齿轮有限责任公司,株洲,{long_ok}",
             "x" * (5 * tables.BLOCK_BYTES) + ",y,z", "山河智能装备股份有限公司,长沙,挖掘机", ""]
    path = tmp_path / "endless.csv"
    path.write_bytes(newline.join(s.encode("utf-8") for s in lines))
    report = ingest_paths([path], store)
    names = {a["name"] for a in _firms(store).values()}
    assert {"湘潭电机股份有限公司", "株洲齿轮有限责任公司", "山河智能装备股份有限公司"} <= names
    assert [(r.line, r.reason) for r in report.rejects] == [(4, "a line longer than 3 MB")]
    [gear] = [a for a in _firms(store).values() if a["name"] == "株洲齿轮有限责任公司"]
    assert long_ok in str(gear["products"])
