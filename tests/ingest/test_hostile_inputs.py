"""Files that used to be dropped or misread without a word, or to end the whole run:
each is now read, or reported on one line naming the file (and the line, for a row),
while the other files of the run still go in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chaingraph.store import Store
from chaingraph.ingest import ingest_paths

from .conftest import csv_cells, firm_names, live_formulas, run_cli, unprivileged

ROOT = Path(__file__).resolve().parents[2]
SANY, ZOOMLION, SUNWARD = "三一重工股份有限公司", "中联重科股份有限公司", "山河智能装备股份有限公司"
DEEP = 100_000


def _list(*rows: str, newline: str = "\n") -> bytes:
    return newline.join(["企业名称,城市", *rows, ""]).encode("utf-8")


def _ingest(tmp_path: Path, *paths: Path, db: str = "x.db"):
    result = run_cli("--db", str(tmp_path / db), "ingest", "--format", "json", *map(str, paths))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _skipped(result) -> dict[str, str]:
    start = result.output.index("{")
    payload, _ = json.JSONDecoder().raw_decode(result.output[start:])
    return {Path(s["path"]).name: s["reason"] for s in payload["skipped"]}


def test_a_jsonl_file_whose_first_article_is_over_64_kb_is_read(tmp_path, store):
    long_text = "三一重工股份有限公司在长沙市举行签约仪式。" * 1200  # some 72 KB
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": long_text}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "a2", "text": "中联重科股份有限公司在长沙市投资建厂。"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    report = ingest_paths([path], store)
    assert report.files == [(str(path), "article")]
    assert not report.skipped
    result = run_cli("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    assert {a["article"] for a in json.loads(result.output)} == {"news.jsonl#a1", "news.jsonl#a2"}


def test_a_records_file_whose_first_record_is_over_64_kb_is_read(tmp_path, store):
    path = tmp_path / "records.jsonl"
    big = {"kind": "node", "id": "firm:name:big", "label": "Firm", "name": "Big Co", "props": {"note": "x" * 100_000}}
    path.write_text(json.dumps(big) + "\n", encoding="utf-8")
    ingest_paths([path], store)
    assert store.get_node("firm:name:big").props["note"] == "x" * 100_000


def test_a_list_with_cr_only_line_endings_gives_its_firms(tmp_path, store):
    path = tmp_path / "mac.csv"
    path.write_bytes(_list(f"{SANY},长沙", f"{ZOOMLION},长沙", newline="\r"))
    report = ingest_paths([path], store)
    assert not report.rejects
    assert {SANY, ZOOMLION} <= firm_names(store.path)


def test_a_repeated_header_column_is_warned_of_with_file_and_line(tmp_path, store):
    path = tmp_path / "dup.csv"
    path.write_bytes(f"企业名称,城市,企业名称,城市\n{SANY},长沙,{ZOOMLION},长沙\n".encode("utf-8"))
    report = ingest_paths([path], store, rejects_path=tmp_path / "x.rejects.csv")
    assert SANY in firm_names(store.path)
    warned = [str(w) for w in report.warnings]
    assert f"{path}:1: the header repeats 企业名称 (columns 1 and 3): only the first is read; " \
           "give the columns' meaning with --mapping" in warned
    assert any("城市 (columns 2 and 4)" in w for w in warned)


def test_a_repeated_header_column_of_a_sheet_is_warned_of_too(tmp_path, store):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["企业名称", "城市", "企业名称"])
    book.active.append([SANY, "长沙", ZOOMLION])
    path = tmp_path / "dup.xlsx"
    book.save(path)
    report = ingest_paths([path], store, rejects_path=tmp_path / "x.rejects.csv")
    assert SANY in firm_names(store.path)
    assert any(str(w).startswith(f"{path}:1: the header repeats 企业名称 (columns 1 and 3)") for w in report.warnings)


def test_a_stray_nul_byte_rejects_its_row_not_the_file(tmp_path, store):
    text = tmp_path / "stray.csv"
    text.write_bytes(_list(f"{SANY},长沙", f"中联\x00重科股份有限公司,长沙", f"{SUNWARD},长沙"))
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    report = ingest_paths([text, binary], store)
    assert [(r.path, r.line, r.reason) for r in report.rejects] == [(str(text), 3, "NUL byte at column 3")]
    assert {SANY, SUNWARD} <= firm_names(store.path)
    assert [(s.path, s.reason) for s in report.skipped] == [(str(binary), "binary file, not a text table")]


def test_a_file_whose_every_row_is_rejected_is_an_error_and_leaves_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_list(*(f"{SANY},长沙,extra,cells" for _ in range(50))))
    result = _ingest(tmp_path, bad)
    assert result.exit_code == 1
    assert _skipped(result) == {"bad.csv": "nothing taken: all 50 row(s) rejected; first, line 2: "
                                           "4 columns where the header has 2"}
    with Store(tmp_path / "x.db") as store:
        assert store.stats().nodes == 0  # not even the file's Source node


def test_json_nested_100k_deep_is_a_rejected_line_and_the_run_goes_on(tmp_path):
    deep_value = "[" * DEEP + "]" * DEEP
    records = tmp_path / "a_records.jsonl"
    records.write_text('{"kind": "node", "id": "firm:name:deep", "label": "Firm", "name": "Deep", "props": '
                       + deep_value + "}\n"
                       + '{"kind": "node", "id": "firm:name:kept", "label": "Firm", "name": "Kept Co"}\n',
                       encoding="utf-8")
    articles = tmp_path / "b_articles.jsonl"
    articles.write_text('{"text": "x", "extra": ' + deep_value + "}\n"
                        + json.dumps({"text": f"{ZOOMLION}在长沙市举行签约仪式。"}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    firms = tmp_path / "c_firms.jsonl"
    firms.write_text('{"企业名称": ' + deep_value + "}\n"
                     + json.dumps({"企业名称": SUNWARD, "城市": "长沙"}, ensure_ascii=False) + "\n", encoding="utf-8")
    after = tmp_path / "d_after.csv"
    after.write_bytes(_list(f"{SANY},长沙"))
    result = _ingest(tmp_path, records, articles, firms, after)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert {"Kept Co", ZOOMLION, SUNWARD, SANY} <= firm_names(tmp_path / "x.db")
    rejects = {(Path(r[0]).name, r[1], r[2]) for r in csv_cells(tmp_path / "x.db.rejects.csv")[1:]}
    assert rejects == {("a_records.jsonl", "1", "JSON nested too deeply"),
                       ("b_articles.jsonl", "1", "JSON nested too deeply"),
                       ("c_firms.jsonl", "1", "JSON nested too deeply")}
    extracted = run_cli("extract", "--format", "json", str(articles))
    assert extracted.exit_code == 1
    assert f"skipped {articles}:1: JSON nested too deeply" in extracted.output


def test_a_lone_surrogate_escape_is_a_rejected_line_and_the_rest_of_the_file_goes_in(tmp_path):
    # JSON lets "\ud800" stand alone; no text holds it, and the store's UTF-8 refused
    # the whole batch, so one such line cost every record of its file.
    lone = r"Bad\ud800Co"
    records = tmp_path / "a_records.jsonl"
    records.write_text('{"kind": "node", "id": "firm:name:bad", "label": "Firm", "name": "' + lone + '"}\n'
                       + '{"kind": "node", "id": "firm:name:kept", "label": "Firm", "name": "Kept Co"}\n'
                       + '{"kind": "node", "id": "firm:name:pair", "label": "Firm", "name": "Pair \\ud83d\\ude00 Co"}\n',
                       encoding="utf-8")
    firms = tmp_path / "b_firms.jsonl"
    firms.write_text('{"企业名称": "' + lone + '", "城市": "长沙"}\n'
                     + json.dumps({"企业名称": SUNWARD, "城市": "长沙"}, ensure_ascii=False) + "\n", encoding="utf-8")
    articles = tmp_path / "c_articles.jsonl"
    articles.write_text('{"text": "' + lone + '"}\n'
                        + json.dumps({"text": f"{ZOOMLION}在长沙市举行签约仪式。"}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    result = _ingest(tmp_path, records, firms, articles)
    assert result.exit_code == 0, result.output
    assert {"Kept Co", "Pair \U0001F600 Co", SUNWARD, ZOOMLION} <= firm_names(tmp_path / "x.db")
    rejects = {(Path(r[0]).name, r[1]) for r in csv_cells(tmp_path / "x.db.rejects.csv")[1:]
               if "lone surrogate" in r[2]}
    assert rejects == {("a_records.jsonl", "1"), ("b_firms.jsonl", "1"), ("c_articles.jsonl", "1")}
    extracted = run_cli("extract", "--format", "json", str(articles))
    assert f"{articles}:1: malformed JSON: a lone surrogate escape" in extracted.output


def test_a_record_of_the_wrong_shape_is_a_rejected_line_not_a_crash(tmp_path, store):
    path = tmp_path / "shapes.jsonl"
    path.write_text('{"kind": "node", "id": "firm:name:a", "label": "Firm", "name": "A Co", "evidence": [1]}\n'
                    '{"kind": "node", "id": "firm:name:b", "label": "Firm", "name": "B Co", "evidence": "row 3"}\n'
                    '{"kind": "edge", "type": "SUPPLIES", "src": ["x"], "dst": {"y": 1}, "props": {}}\n'
                    '{"kind": "node", "id": "firm:name:c", "label": "Firm", "name": "C Co"}\n', encoding="utf-8")
    report = ingest_paths([path], store)
    assert {r.line for r in report.rejects} >= {1, 2}
    assert all(r.path == str(path) and r.reason for r in report.rejects)
    assert "C Co" in firm_names(store.path)


def test_rejects_and_warnings_files_are_spreadsheet_safe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = Path("=formulas.csv")  # the file name is a cell too
    path.write_bytes("\n".join(["企业名称,城市,城市", "=cmd|' /C calc'!A0,长沙", "+1+1,长沙", "-2+3,长沙",
                                "@SUM(A1),长沙", "\t=1,长沙", f"{SANY},长沙,长沙", ""]).encode("utf-8"))
    result = _ingest(tmp_path, path)
    assert result.exit_code == 0, result.output
    rejects, warnings = tmp_path / "x.db.rejects.csv", tmp_path / "x.db.warnings.csv"
    rows = csv_cells(rejects)
    assert len(rows) == 6
    assert rows[1] == ["'" + str(path), "2", "2 columns where the header has 3", "'=cmd|' /C calc'!A0,长沙"]
    assert csv_cells(warnings)[1][0] == "'" + str(path)
    assert live_formulas(rejects) == [] and live_formulas(warnings) == []


def test_a_rejects_file_left_by_an_earlier_run_is_removed(tmp_path):
    first = tmp_path / "first.csv"
    first.write_bytes(_list(f"{SANY},长沙,extra", f"{ZOOMLION},长沙"))
    dup = tmp_path / "dup.csv"
    dup.write_bytes(f"企业名称,城市,企业名称\n{SUNWARD},长沙,x\n".encode("utf-8"))
    _ingest(tmp_path, first, dup)
    assert (tmp_path / "x.db.rejects.csv").exists() and (tmp_path / "x.db.warnings.csv").exists()
    clean = tmp_path / "clean.csv"
    clean.write_bytes(_list(f"{SUNWARD},长沙"))
    result = _ingest(tmp_path, clean)
    assert result.exit_code == 0
    assert not (tmp_path / "x.db.rejects.csv").exists()
    assert not (tmp_path / "x.db.warnings.csv").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full to stand for a full disk")
def test_a_rejects_file_on_a_full_disk_is_one_error_naming_it_and_the_ingest_stays(tmp_path):
    path = tmp_path / "some_bad.csv"
    path.write_bytes(_list(f"{SANY},长沙", f"{ZOOMLION},长沙,extra"))
    db = tmp_path / "x.db"
    run = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(db), "ingest",
                          "--rejects", "/dev/full", str(path)], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert ("Error: /dev/full: cannot write the 1 rejected rows (No space left on device); "
            "what was read is in the store all the same") in run.stderr.splitlines()
    assert SANY in firm_names(db)
    from chaingraph.errors import OutputError

    with pytest.raises(OutputError):  # the library says the same
        with Store(tmp_path / "y.db") as store:
            ingest_paths([path], store, rejects_path=Path("/dev/full"))


def test_an_unreadable_file_or_folder_is_reported_and_the_rest_goes_in(shared_tmp):
    locked = shared_tmp / "locked.csv"
    locked.write_bytes(_list(f"{ZOOMLION},长沙"))
    tree = shared_tmp / "tree"
    (tree / "closed").mkdir(parents=True)
    (tree / "closed" / "inside.csv").write_bytes(_list(f"{SUNWARD},长沙"))
    (tree / "open.csv").write_bytes(_list(f"{SANY},长沙"))
    _ingest(shared_tmp, tree / "open.csv", db="warm.db")  # imports done while they can be read
    run_cli("extract", str(tree / "open.csv"))
    locked.chmod(0)
    (tree / "closed").chmod(0)
    with unprivileged():
        result = _ingest(shared_tmp, locked, tree)
        extracted = run_cli("extract", str(tree))
    assert result.exit_code == 1
    assert _skipped(result) == {"locked.csv": "cannot read: Permission denied",
                                "closed": "cannot read the folder: Permission denied"}
    assert firm_names(shared_tmp / "x.db") == {SANY}
    assert f"skipped {tree / 'closed'}: cannot read the folder: Permission denied" in extracted.output


_SLOW_INGEST = """
import sys
from pathlib import Path
from bench.generate import write_firm_list
write_firm_list(Path(sys.argv[1]), 30000, seed=5)
"""


def test_ctrl_c_says_what_stays_and_exits_130_and_running_again_duplicates_nothing(tmp_path):
    listing = tmp_path / "firms.csv"
    subprocess.run([sys.executable, "-c", _SLOW_INGEST, str(listing)], cwd=ROOT, check=True, timeout=300)
    command = [sys.executable, "-c", "import cli; cli.main()", "--db", str(tmp_path / "x.db"), "ingest", str(listing)]
    # Ctrl-C at a terminal reaches a program whose SIGINT is at its default; a test run from a background job
    # inherits it ignored, and Python then installs no KeyboardInterrupt handler at all
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not (tmp_path / "x.db").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # into the rows
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == ("Interrupted: what was written before stays in the store, and "
                                              "running the same command again adds nothing twice")
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    with Store(tmp_path / "fresh.db") as fresh:
        ingest_paths([listing], fresh)
        expected = fresh.stats().to_dict()
    with Store(tmp_path / "x.db") as store:
        assert store.stats().to_dict() == expected


def test_every_file_level_reason_is_one_line_naming_the_file(tmp_path):
    tmp_path, store_dir = tmp_path / "in", tmp_path
    tmp_path.mkdir()
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "junk.jsonl").write_bytes(b"not json\n{broken\n")
    (tmp_path / "bad.csv").write_bytes(_list("a,b,c"))
    result = _ingest(store_dir, tmp_path)
    assert result.exit_code == 1
    skipped = _skipped(result)
    assert set(skipped) == {"empty.csv", "blob.bin", "junk.jsonl", "bad.csv"}
    assert skipped["junk.jsonl"] == "no line of its start reads as a JSON object, so its kind is unknown"
    assert all(reason and "\n" not in reason for reason in skipped.values())
    if os.name == "posix":
        assert "Traceback" not in result.output
