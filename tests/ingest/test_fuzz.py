"""Fuzz: corrupt and hostile files of every kind ``ingest`` and ``extract`` read,
thrown at the CLI together. Known good rows are planted among bad ones; the test
asserts no traceback, every planted row in the store, and a one-line reason naming
the file (and the line, for a row) for everything left out.

Seeded: ``CHAINGRAPH_FUZZ_SEED`` (default 23) and ``CHAINGRAPH_FUZZ_ROUNDS``
(default 1; each round is a fresh set of files) for longer runs at home.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from .conftest import csv_cells, firm_names, live_formulas, run_cli

SEED = int(os.environ.get("CHAINGRAPH_FUZZ_SEED", "23"))
ROUNDS = int(os.environ.get("CHAINGRAPH_FUZZ_ROUNDS", "1"))
HANZI = "华盛通达新材料智能装备电子科技精密机械汽车零部件化工能源"
FORMULAS = ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "\t=1")


class Files:
    """The files of one round and the firm names planted in them."""

    def __init__(self, folder: Path, rng: random.Random):
        self.folder = folder
        self.rng = rng
        self.good: set[str] = set()  # firm names that must reach the store
        self.count = 0

    def name(self) -> str:
        """A new firm name no other row uses."""
        self.count += 1
        core = "".join(self.rng.choice(HANZI) for _ in range(4))
        return f"{core}{self.count}号有限公司"

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


def _bad_row(files: Files, width: int, delimiter: str, quoted: list[bool]) -> str:
    """A row the reader must reject: wrong width, NUL, no name, broken quote, huge."""
    rng = files.rng
    kind = rng.choice(["ragged", "short", "nul", "noname", "quote", "huge"])
    if kind == "quote" and quoted[0]:
        kind = "ragged"  # one open quote a file: it may swallow the lines after it
    if kind == "ragged":
        return delimiter.join([files.name()] + ["长沙"] * (width + rng.randint(0, 3)))
    if kind == "short" and width > 1:
        return files.name()
    if kind == "nul":
        name = files.name()
        return delimiter.join([name[:2] + "\x00" + name[2:]] + ["长沙"] * (width - 1))
    if kind == "quote":
        quoted[0] = True
        return delimiter.join(['"' + files.name()] + ["长沙"] * (width - 1))
    if kind == "huge":
        return delimiter.join([files.name(), "x" * rng.randint(10_000, 300_000)] + ["长沙"] * width)
    return delimiter.join([""] + ["长沙"] * (width - 1))


def make_table(files: Files, index: int) -> None:
    """A CSV or TSV list: UTF-8, BOM or GB18030, LF, CRLF or CR, maybe a repeated
    header, good rows (some with formula cells) among bad ones."""
    rng = files.rng
    delimiter, suffix = rng.choice([(",", ".csv"), ("\t", ".tsv")])
    repeated = rng.random() < 0.25
    header = ["企业名称", "城市", "主营产品"] + (["企业名称"] if repeated else [])
    lines = [delimiter.join(header)]
    quoted = [False]
    for _ in range(rng.randint(3, 40)):
        if rng.random() < 0.5:
            name = files.name()
            files.good.add(name)
            product = rng.choice(FORMULAS).replace(delimiter, " ") if rng.random() < 0.3 else "挖掘机"
            lines.append(delimiter.join([name, "长沙", product.replace('"', "")] + ([files.name()] if repeated else [])))
        else:
            lines.append(_bad_row(files, len(header), delimiter, quoted))
    encoding = rng.choice(["utf-8", "utf-8-sig", "gb18030"])
    newline = rng.choice(["\n", "\r\n", "\r"])
    data = newline.join(lines + [""]).encode(encoding)
    if rng.random() < 0.3:  # an undecodable byte in a line of its own
        data += ("坏" if encoding == "gb18030" else "").encode(encoding) + b"\xff\xfe\xfd" + newline.encode()
    files.write(f"table{index}{suffix}", data)


def make_jsonl(files: Files, index: int) -> None:
    """JSON Lines: typed records, firm-list objects or articles, with deep nesting,
    wrong types and lines cut short among the good ones."""
    rng = files.rng
    kind = rng.choice(["records", "firms", "articles"])
    lines = []
    for _ in range(rng.randint(3, 25)):
        name = files.name()
        if kind == "records":
            good = {"kind": "node", "id": f"firm:name:{name}", "label": "Firm", "name": name}
        elif kind == "firms":
            good = {"企业名称": name, "城市": "长沙"}
        else:
            good = {"id": name, "text": f"{name}在长沙市与{files.name()}签署合作协议。"}
        if rng.random() < 0.5 or not lines:
            if kind != "articles":
                files.good.add(name)
            lines.append(json.dumps(good, ensure_ascii=False))
            continue
        bad = rng.choice(["deep", "types", "cut", "array", "junk"])
        if bad == "deep":
            depth = rng.choice([2_000, 100_000])
            lines.append('{"kind": "node", "text": ' + "[" * depth + "]" * depth + "}")
        elif bad == "types":
            lines.append(json.dumps({**good, "evidence": [1], "props": [1], "aliases": "x", "name": ["a"],
                                     "text": {"t": 1}, "企业名称": None}, ensure_ascii=False))
        elif bad == "cut":
            lines.append(json.dumps(good, ensure_ascii=False)[: rng.randint(1, 20)])
        elif bad == "array":
            lines.append("[1, 2, 3]")
        else:
            lines.append(bytes(rng.randrange(32, 127) for _ in range(40)).decode())
    if rng.random() < 0.3:
        rng.shuffle(lines)
    files.write(f"lines{index}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))


def make_article(files: Files, index: int) -> None:
    """An article: plain, Markdown or HTML; sometimes binary junk, a huge line, a
    stray NUL or GB18030."""
    rng = files.rng
    suffix = rng.choice([".txt", ".md", ".html"])
    text = f"{files.name()}在长沙市举行签约仪式，{files.name()}参加。"
    kind = rng.choice(["plain", "junk", "huge", "nul", "gb", "empty"])
    if kind == "junk":
        data = bytes(rng.randrange(256) for _ in range(rng.randint(10, 5000)))
    elif kind == "huge":
        data = (text + "长" * rng.randint(50_000, 300_000)).encode("utf-8")
    elif kind == "nul":
        data = (text[:5] + "\x00" + text[5:]).encode("utf-8")
    elif kind == "gb":
        data = text.encode("gb18030")
    elif kind == "empty":
        data = b""
    else:
        data = text.encode("utf-8")
    if suffix == ".html" and kind in ("plain", "gb", "nul"):
        data = b"<html><body><p>" + data + b"</p><script>" + b"<" * 500 + b"</body>"
    files.write(f"article{index}{suffix}", data)


def make_workbook(files: Files, index: int) -> None:
    """A valid .xlsx from openpyxl, then corrupted: bytes flipped, cut short, or a
    zip whose sheet is not XML."""
    from openpyxl import Workbook

    rng = files.rng
    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "城市"])
    for _ in range(5):
        sheet.append([files.name(), "长沙"])
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    how = rng.choice(["flip", "cut", "notxml"])
    if how == "flip":
        for _ in range(rng.randint(1, 50)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == "cut":
        data = data[: rng.randint(10, len(data) - 1)]
    else:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                body = src.read(item)
                dst.writestr(item, b"<<not xml" if item.filename.endswith("sheet1.xml") else body)
        data = bytearray(out.getvalue())
    files.write(f"book{index}.xlsx", bytes(data))


def make_mapping(files: Files, folder: Path) -> Path:
    """A mapping file that is not TOML."""
    path = folder / "broken.mapping.toml"
    path.write_bytes(b'[[file]\nmatch = "x\x00' + bytes(files.rng.randrange(256) for _ in range(50)))
    return path


def generate(folder: Path, rng: random.Random) -> Files:
    """Write one round of hostile files under ``folder``."""
    files = Files(folder, rng)
    for i in range(8):
        make_table(files, i)
    for i in range(6):
        make_jsonl(files, i)
    for i in range(6):
        make_article(files, i)
    for i in range(2):
        make_workbook(files, i)
    return files


def _payload(output: str) -> dict:
    payload, _ = json.JSONDecoder().raw_decode(output[output.index("{"):])
    return payload


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_hostile_files_never_crash_and_every_good_row_goes_in(tmp_path, round_):
    rng = random.Random(SEED * 1000 + round_)
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = generate(inputs, rng)
    db = tmp_path / "fuzz.db"
    result = run_cli("--db", str(db), "ingest", "--format", "json", str(inputs))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    payload = _payload(result.output)
    missing = files.good - firm_names(db)
    assert not missing, f"seed {SEED} round {round_}: good rows lost: {sorted(missing)[:5]}"
    read = {Path(f["path"]).name for f in payload["files"]}
    for skipped in payload["skipped"]:
        assert skipped["reason"] and "\n" not in skipped["reason"], skipped
        assert Path(skipped["path"]).parent == inputs, skipped
    skipped = {Path(s["path"]).name for s in payload["skipped"]}
    every = {p.name for p in inputs.iterdir()}
    assert read | skipped == every, f"files neither read nor reported: {every - read - skipped}"
    assert {n for n in skipped if n.endswith(".xlsx")} or all(n in read for n in every if n.endswith(".xlsx"))
    if payload["rejects"]:
        rejects = csv_cells(Path(payload["rejects_file"]))
        assert rejects[0] == ["file", "line", "reason", "raw"]
        for path, line, reason, _raw in rejects[1:]:
            assert Path(path).parent == inputs and line.isdigit() and reason, (path, line, reason)
        assert live_formulas(Path(payload["rejects_file"])) == []
    if payload["warnings"]:
        assert live_formulas(Path(payload["warnings_file"])) == []

    extracted = run_cli("extract", "--format", "json", str(inputs))
    assert extracted.exception is None or isinstance(extracted.exception, SystemExit), repr(extracted.exception)
    assert extracted.exit_code in (0, 1) and "Traceback" not in extracted.output
    notes = [line for line in extracted.output.splitlines() if line.startswith("skipped ")]
    assert all(str(inputs) in line for line in notes), notes
    named = {a["article"].split("#")[0] for a in _payload_list(extracted.output)}
    for path in inputs.iterdir():
        if path.suffix in (".txt", ".md", ".html") and path.stat().st_size:
            assert path.name in named or any(f"skipped {path}" in line for line in notes), path.name


def test_a_broken_mapping_is_one_reason_per_file_and_nothing_crashes(tmp_path):
    rng = random.Random(SEED)
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = Files(inputs, rng)
    make_table(files, 0)
    mapping = make_mapping(files, tmp_path)
    result = run_cli("--db", str(tmp_path / "m.db"), "ingest", "--mapping", str(mapping), "--format", "json",
                     str(inputs))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    payload = _payload(result.output)
    assert [Path(s["path"]).name for s in payload["skipped"]] == ["table0" + next(inputs.iterdir()).suffix]
    assert str(mapping) in payload["skipped"][0]["reason"] or "mapping" in payload["skipped"][0]["reason"]


def _payload_list(output: str) -> list:
    start = output.index("[") if "[" in output else None
    if start is None:
        return []
    value, _ = json.JSONDecoder().raw_decode(output[start:])
    return value
