"""Excel workbooks (.xlsx/.xlsm) as tables, one a sheet, streamed row by row with
openpyxl's read-only mode; a workbook is checked for a zip bomb before it is opened.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError
from chaingraph.ingest.tables import (HEADER_SEARCH, MAX_CELL_CHARS, Reject, Rows, Table, no_reject, unique_header,
                                      repeated_columns)

#: Bounds checked on a workbook's zip directory before it is opened, so that a small
#: file cannot expand to more than the machine holds (a zip bomb). A real list of a
#: million rows and 13 columns has a sheet of about 1 GB, compressed some 10 to 1.
#: The largest uncompressed size one part (a sheet, the shared strings) may declare:
MAX_PART_BYTES = 4 * 1024 ** 3
#: The largest uncompressed size all the parts together may declare:
MAX_WORKBOOK_BYTES = 8 * 1024 ** 3
#: The largest compression ratio of a part over RATIO_FLOOR_BYTES; real sheets
#: compress 5 to 20 times, deflate at most about 1,000 times.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 16 * 1024 ** 2


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _mb(size: int) -> str:
    """``size`` bytes for a message: KB, MB or GB."""
    for unit, scale in (("GB", 1024 ** 3), ("MB", 1024 ** 2)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}"
    return f"{size / 1024:,.1f} KB"


def check_workbook_size(path: Path) -> None:
    """Raise :class:`InputError` when the workbook at ``path`` is not a zip archive,
    or when its parts declare more than :data:`MAX_PART_BYTES` each or
    :data:`MAX_WORKBOOK_BYTES` together uncompressed, or a large part compresses
    more than :data:`MAX_RATIO` to 1. Only the zip directory is read. (Python's
    zipfile stops a part at its declared size, so the declared sizes hold.)"""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"not a readable .xlsx workbook ({exc.__class__.__name__})", str(path)) from None
    total = 0
    for part in parts:
        size = part.file_size
        total += size
        if size > MAX_PART_BYTES:
            raise InputError(f"refused: workbook part {part.filename} expands to {_mb(size)}, over the limit of "
                             f"{_mb(MAX_PART_BYTES)}", str(path))
        if size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(part.compress_size, 1):
            raise InputError(f"refused as a zip bomb: workbook part {part.filename} expands {_mb(part.compress_size)} "
                             f"to {_mb(size)}, over {MAX_RATIO} times (real workbooks compress some 10 times)",
                             str(path))
    if total > MAX_WORKBOOK_BYTES:
        raise InputError(f"refused: the workbook expands to {_mb(total)}, over the limit of "
                         f"{_mb(MAX_WORKBOOK_BYTES)}", str(path))


def _first_line(exc: BaseException) -> str:
    """The exception's class and the first line of its message, shortened."""
    text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def open_excel_tables(path: Path, sheet: str | None, score: Callable[[list[str]], int]) -> list[Table]:
    """Return one table per sheet of an .xlsx workbook (only ``sheet`` when given),
    each with its header found as in :func:`open_text_table`. Empty sheets are left
    out. A workbook that is damaged, or would expand past the limits of
    :func:`check_workbook_size`, raises :class:`InputError` naming the file (and the
    sheet and row where reading stopped)."""
    if path.suffix.lower() == ".xls":
        raise InputError("old .xls workbooks are not read; save it as .xlsx or CSV", str(path))
    check_workbook_size(path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        names = book.sheetnames
        book.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"not a readable .xlsx workbook ({_first_line(exc)})", str(path)) from None
    if not names:  # openpyxl leaves out a sheet whose part is missing
        raise InputError("not a readable .xlsx workbook (no sheet can be read)", str(path))
    if sheet is not None and sheet not in names:
        raise InputError(f"no sheet {sheet!r}; sheets: {', '.join(names)}", str(path))
    tables = []
    for name in ([sheet] if sheet else names):
        table = _sheet_table(path, name, score)
        if table is not None:
            tables.append(table)
    return tables


def _sheet_rows(path: Path, sheet: str, reject: Reject | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, cell texts)`` for the rows of ``sheet``. A workbook found
    damaged raises :class:`InputError` naming the sheet and the last row read; when
    rows were read before the damage and ``reject`` is given, the damage goes to
    ``reject`` (at the row where reading stopped) instead, so the rows already
    yielded are kept."""
    from openpyxl import load_workbook

    number = 0
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = book[sheet]
            # Rows come as long as their last cell, not as wide as the sheet's declared
            # dimension, which a damaged or hostile file may set to 16,384 columns.
            ws.reset_dimensions()
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                yield number, [_cell_text(v) for v in values]
        finally:
            book.close()
    except InputError:
        raise
    except Exception as exc:  # openpyxl, zipfile, zlib and the XML parser each raise their own
        where = f"after row {number}" if number else "before its first row"
        message = f"damaged workbook: sheet {sheet!r} cannot be read {where} ({_first_line(exc)})"
        if reject is None or not number:
            raise InputError(message, str(path)) from None
        reject(number + 1, message + "; the rows before it are kept", "")


def _sheet_table(path: Path, sheet: str, score: Callable[[list[str]], int]) -> Table | None:
    best = None
    seen = 0
    # Damage after the first rows is reported by rows(): the header comes from those.
    for number, cells in _sheet_rows(path, sheet, no_reject):
        if not any(cells):
            continue
        rating = score(cells)
        if best is None or rating > best[0]:
            best = (rating, number, cells)
        seen += 1
        if seen >= HEADER_SEARCH:
            break
    if best is None:
        return None
    _, header_line, header = best
    while header and not header[-1]:
        header = header[:-1]
    repeated = repeated_columns(header)
    header = unique_header(header)
    width = len(header)

    def rows(reject: Reject) -> Rows:
        for number, cells in _sheet_rows(path, sheet, reject):
            if number <= header_line or not any(cells):
                continue
            if len(cells) > width and not any(cells[width:]):
                cells = cells[:width]
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            if len(cells) != width:
                reject(number, f"{len(cells)} columns where the header has {width} (sheet {sheet})",
                       ",".join(cells)[:300])
                continue
            longest = max(map(len, cells), default=0)
            if longest > MAX_CELL_CHARS:
                column = header[[len(c) for c in cells].index(longest)]
                reject(number, f"cell {column!r} holds {longest:,} characters, over the limit of "
                               f"{MAX_CELL_CHARS:,} (sheet {sheet})", ",".join(c[:100] for c in cells)[:300])
                continue
            yield number, dict(zip(header, cells))

    return Table(f"{path.name}[{sheet}]", header, header_line, None, rows, repeated)
