"""Reading tables: CSV/TSV text in any common Chinese encoding and JSON Lines (Excel
workbooks in :mod:`ingest.excel`), streamed row by row with their line numbers.

A :class:`Table` has a header and yields ``(line, cells)`` pairs, ``cells`` a dict
from header to value. Rows that cannot be read (an undecodable byte, a broken quote,
the wrong number of columns, a line that is not a JSON object) go to the
``reject(line, reason, raw)`` callback and are skipped; the rest of the file still
comes through. Nothing is read whole into memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError
from chaingraph.files import looks_binary, parse_json_line
from chaingraph.ingest.encodings import check_encoding, detect_encoding

Reject = Callable[[int | None, str, str], None]
Rows = Iterator[tuple[int, dict[str, Any]]]

TEXT_SUFFIXES = (".csv", ".tsv", ".tab")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
HEADER_SEARCH = 10  # a header may sit below a few title lines
MAX_QUOTED_LINES = 20  # a quoted cell may span at most this many lines

#: A cell (Excel) or field (CSV/TSV) longer than this rejects its row; the rest of
#: the file goes in. Excel itself holds at most 32,767 characters in a cell, and a
#: firm's longest real field (its business scope) is a few thousand.
MAX_CELL_CHARS = 100_000
def no_reject(line: int | None, reason: str, raw: str) -> None:
    """A ``reject`` callback that drops what it is told (while a header is sought)."""
    return None


@dataclass
class Table:
    """One table of a file (a CSV, one sheet of a workbook, or a JSON Lines file):
    ``name`` for messages, the ``header`` cells and ``header_line`` (1-based), the
    ``encoding`` it was read with, and ``rows(reject)`` to stream its data rows;
    ``sheet`` is the workbook sheet it is (None for other files)."""

    name: str
    header: list[str]
    header_line: int
    encoding: str | None
    _rows: Callable[[Reject], Rows]
    #: Header cells given more than once (see :func:`repeated_columns`): only the
    #: first column of each name is matched to a field.
    repeated: list[str] = field(default_factory=list)
    sheet: str | None = None

    def rows(self, reject: Reject = no_reject) -> Rows:
        """Yield ``(line, {header: value})`` for every readable data row."""
        return self._rows(reject)


# -- delimited text ------------------------------------------------------------------------

def _split(text: str, delimiter: str) -> list[str] | None:
    """Split one line into cells; None when its quoting is malformed."""
    if '"' not in text:
        return text.split(delimiter)
    try:
        return next(csv.reader([text], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        return None


class _Splitter:
    """:func:`_split` for the lines of one file: one csv reader, fed a line at a
    time, instead of a new reader (and dialect) for every quoted line."""

    def __init__(self, delimiter: str):
        self.delimiter = delimiter
        self._line: str | None = None
        #: Why the last line given could not be split.
        self.error = "malformed quoting"
        self._reader = csv.reader(self, delimiter=delimiter, strict=True)

    def __iter__(self) -> "_Splitter":
        return self

    def __next__(self) -> str:
        line, self._line = self._line, None
        if line is None:
            raise StopIteration  # the reader asks for more while a quote is open
        return line

    def __call__(self, text: str) -> list[str] | None:
        """Return the cells of ``text``; None when its quoting is malformed."""
        if '"' not in text:
            return text.split(self.delimiter)
        self._line = text
        try:
            return next(self._reader)  # the reader starts afresh on every call
        except csv.Error as exc:
            # the csv module's own limit (131,072), above MAX_CELL_CHARS: report ours
            too_long = "field larger than field limit" in str(exc)
            self.error = f"a field longer than {MAX_CELL_CHARS:,} characters" if too_long else "malformed quoting"
            return None
        except StopIteration:
            self.error = "malformed quoting"
            return None
        finally:
            self._line = None


#: Encodings in which a newline byte is never part of another character and a line
#: decodes alone as it does in its block: read a block at a time.
_BLOCK_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "big5", "ascii", "iso8859-1",
                              "latin-1", "cp1252", "cp936"})
BLOCK_BYTES = 1 << 20
#: A physical line longer than this is rejected unread, so that one endless line
#: cannot take the machine's memory: a row of many fields at the cell limit is far
#: below it.
MAX_LINE_BYTES = 64 * 1024 ** 2


def _physical_lines(path: Path, encoding: str, reject: Reject) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for each line, decoded; undecodable lines are
    rejected one by one (so one bad byte costs one row, not the file)."""
    if encoding.replace("_", "-").startswith(("utf-16", "utf-32")):
        with open(path, encoding=encoding, newline="") as handle:
            try:
                for number, text in enumerate(handle, start=1):
                    yield number, text.rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} ({exc.reason})", str(path)) from None
        return
    first_encoding = "utf-8-sig" if encoding == "utf-8-sig" else encoding
    rest_encoding = "utf-8" if encoding == "utf-8-sig" else encoding
    by_block = codecs.lookup(encoding).name in _BLOCK_ENCODINGS
    number = 0
    cr_only: bool | None = None
    with open(path, "rb") as handle:
        # The unfinished line's pieces, joined once its end arrives: joining them at
        # every block would copy a long line over and over.
        tail: list[bytes] = []
        tail_bytes = 0
        too_long = False  # the unfinished line passed MAX_LINE_BYTES and is being skipped
        while True:
            block = handle.read(BLOCK_BYTES)
            at_end = not block
            if cr_only is None:
                # Old Mac files end lines with CR alone; read as one line they would
                # give a header and no rows. A CR byte is never part of another
                # character in the encodings read here.
                cr_only = b"\n" not in block and b"\r" in block
            if cr_only:
                block = block.replace(b"\r", b"\n")
            if too_long:  # dropping it up to its end, then going on after it
                end = block.find(b"\n") + 1
                if not end and not at_end:
                    continue
                number += 1
                reject(number, f"a line longer than {MAX_LINE_BYTES // 1024 ** 2} MB", "")
                too_long, block = False, block[end:]
            if not at_end:  # whole lines only; the rest waits for the next block
                cut = block.rfind(b"\n") + 1
                if not cut:
                    tail.append(block)
                    tail_bytes += len(block)
                    if tail_bytes > MAX_LINE_BYTES:
                        tail, tail_bytes, too_long = [], 0, True
                    continue
                block, rest = b"".join(tail) + block[:cut], block[cut:]
                tail, tail_bytes = ([rest], len(rest)) if rest else ([], 0)
            elif tail:
                block, tail = b"".join(tail), []
            else:
                return
            if by_block:  # the common case: the whole block decodes at once
                try:
                    text = block.decode(first_encoding if number == 0 else rest_encoding)
                except UnicodeDecodeError:
                    pass  # some line in it does not: decode line by line
                else:
                    lines = text.split("\n")
                    if text.endswith("\n"):
                        lines.pop()
                    for number, line in enumerate(lines, start=number + 1):
                        yield number, line.rstrip("\r\n")
                    continue
            for number, raw in enumerate(io.BytesIO(block), start=number + 1):
                try:
                    line = raw.decode(first_encoding if number == 1 else rest_encoding)
                except UnicodeDecodeError as exc:
                    bad = raw[exc.start:exc.start + 1].hex()
                    reject(number, f"undecodable byte 0x{bad} at column {exc.start + 1} (read as {encoding})",
                           raw[:300].decode(rest_encoding, "replace").rstrip("\r\n"))
                    continue
                yield number, line.rstrip("\r\n")


def _delimited_rows(path: Path, encoding: str, delimiter: str, header_line: int, header: list[str],
                    reject: Reject) -> Rows:
    width = len(header)
    split = _Splitter(delimiter)
    lines = _physical_lines(path, encoding, reject)
    pending: deque[tuple[int, str]] = deque()  # lines read ahead for a broken quote, to read again
    while True:
        if pending:
            item = pending.popleft()
        else:
            item = next(lines, None)
            if item is None:
                return
        number, text = item
        if number <= header_line or not text.strip():
            continue
        if "\x00" in text:  # a stray NUL in a text file: its row is damaged, not the file
            reject(number, f"NUL byte at column {text.index(chr(0)) + 1}", text[:300].replace("\x00", "\\x00"))
            continue
        if '"' not in text:
            cells = text.split(delimiter)
        elif text.count('"') % 2:
            # An odd number of quotes: a quoted cell may go on over the next lines.
            taken = [item]
            joined = text
            cells = None
            while len(taken) < MAX_QUOTED_LINES:
                more = pending.popleft() if pending else next(lines, None)
                if more is None:
                    break
                taken.append(more)
                joined += "\n" + more[1]
                if joined.count('"') % 2 == 0:
                    cells = split(joined)
                    break
            if cells is None and split.error != "malformed quoting":
                reject(number, split.error, text[:300])
                pending.extendleft(reversed(taken[1:]))
                continue
            if cells is None or len(cells) != width:
                reject(number, "broken quote: a quoted cell is never closed", text[:300])
                pending.extendleft(reversed(taken[1:]))  # read the following lines afresh
                continue
        else:
            cells = split(text)
            if cells is None:
                reject(number, split.error, text[:300])
                continue
        if len(cells) != width:
            reject(number, f"{len(cells)} columns where the header has {width}", text[:300])
            continue
        if len(text) > MAX_CELL_CHARS and (longest := max(map(len, cells))) > MAX_CELL_CHARS:
            column = header[[len(c) for c in cells].index(longest)]
            reject(number, f"a field longer than {MAX_CELL_CHARS:,} characters (column {column!r}, "
                           f"{longest:,} characters)", text[:300])
            continue
        yield number, dict(zip(header, cells))


def _sniff_delimiter(line: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    counts = {d: line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def open_text_table(path: Path, head: bytes, encoding: str | None, score: Callable[[list[str]], int]) -> Table:
    """Return the table of a CSV/TSV file. The encoding is ``encoding`` or detected
    from ``head``; the header is the line among the first few that ``score`` rates
    highest (so title lines above it are passed over)."""
    if looks_binary(head):
        raise InputError("binary file, not a text table", str(path))
    enc = check_encoding(encoding) if encoding else detect_encoding(head)
    if encoding and enc == "utf-8" and head.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    candidates: list[tuple[int, str]] = []
    for number, text in _physical_lines(path, enc, no_reject):
        if text.strip():
            candidates.append((number, text))
        if len(candidates) >= HEADER_SEARCH:
            break
    if not candidates:
        raise InputError(f"no line can be read as {enc}; check --encoding", str(path))
    best = None
    for number, text in candidates:
        delimiter = _sniff_delimiter(text, path.suffix.lower())
        cells = [c.strip() for c in (_split(text, delimiter) or [])]
        rating = score(cells)
        if best is None or rating > best[0]:
            best = (rating, number, cells, delimiter)
    _, header_line, header, delimiter = best
    repeated = repeated_columns(header)
    header = unique_header(header)
    return Table(path.name, header, header_line, enc,
                 lambda reject: _delimited_rows(path, enc, delimiter, header_line, header, reject), repeated)


def repeated_columns(header: list[str]) -> list[str]:
    """Return, for each header cell given more than once, its name and columns
    (1-based), e.g. ``企业名称 (columns 1 and 3)``; empty when none repeats."""
    where: dict[str, list[int]] = {}
    for i, cell in enumerate(header, start=1):
        if cell:
            where.setdefault(cell, []).append(i)
    return [f"{name} (columns {', '.join(map(str, cols[:-1]))} and {cols[-1]})"
            for name, cols in where.items() if len(cols) > 1]


def unique_header(header: list[str]) -> list[str]:
    """Return ``header`` with empty cells named ``columnN`` and repeated names made
    unique (``name.1``, ``name.2``)."""
    seen: dict[str, int] = {}
    out = []
    for i, cell in enumerate(header):
        name = cell or f"column{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


# -- JSON Lines ---------------------------------------------------------------------------------

def open_jsonl_table(path: Path, head: bytes, encoding: str | None) -> Table:
    """Return the table of a JSON Lines file of objects; its header is the keys of
    the first hundred objects. Lines that are not JSON objects are rejected."""
    enc = check_encoding(encoding) if encoding else detect_encoding(head)
    header: dict[str, None] = {}  # the keys of the first objects, in order of appearance
    seen = 0
    for _, text in _physical_lines(path, enc, no_reject):
        if text.strip():
            try:
                value = parse_json_line(text)
            except (ValueError, RecursionError):
                continue
            if isinstance(value, dict):
                header.update(dict.fromkeys(value))
                seen += 1
                if seen >= 100:
                    break
    if not header:
        raise InputError("no JSON object found", str(path))

    def rows(reject: Reject) -> Rows:
        for number, text in _physical_lines(path, enc, reject):
            if not text.strip():
                continue
            try:
                value = parse_json_line(text)
            except json.JSONDecodeError as exc:
                reject(number, f"malformed JSON: {exc.msg} (column {exc.colno})", text[:300])
                continue
            except RecursionError:
                reject(number, "JSON nested too deeply", text[:300])
                continue
            if not isinstance(value, dict):
                reject(number, "a line must hold one JSON object", text[:300])
                continue
            yield number, value

    return Table(path.name, list(header), 0, enc, rows)


def is_text_table(path: Path) -> bool:
    """True for the file name endings read as delimited text."""
    return path.suffix.lower() in TEXT_SUFFIXES


#: Plain-text endings that may hold a table: Excel saves "Unicode Text" and "Text
#: (Tab delimited)" as .txt, the ending articles use too.
PLAIN_TEXT_SUFFIXES = (".txt", ".text")


def looks_tabular(path: Path, head: bytes) -> bool:
    r"""True when ``path`` is a plain-text file (.txt) whose first bytes ``head`` are
    tab-separated rows: a header with at least one tab inside it and the next lines
    with as many tabs. Such a file is a list saved from Excel, not an article.

    >>> looks_tabular(Path("a.txt"), "名称\t城市\n三一重工\t长沙\n".encode("utf-16"))
    True
    >>> looks_tabular(Path("a.txt"), b"\tIndented paragraph.\n\tAnother one, longer.\n")
    False
    """
    if path.suffix.lower() not in PLAIN_TEXT_SUFFIXES or looks_binary(head):
        return False
    text = head.decode(detect_encoding(head), "ignore")
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 2 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the head may stop inside a row
    lines = lines[:6]
    tabs = [line.count("\t") for line in lines]
    return len(lines) >= 2 and "\t" in lines[0].strip() and all(n == tabs[0] for n in tabs)


def is_excel(path: Path) -> bool:
    """True for Excel workbooks (.xlsx/.xlsm, and .xls to say it is not read)."""
    return path.suffix.lower() in EXCEL_SUFFIXES + (".xls",)


def is_jsonl(path: Path) -> bool:
    """True for JSON Lines file names."""
    return path.suffix.lower() in JSONL_SUFFIXES

