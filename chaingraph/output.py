"""Printing results: rows as a table for people, or JSON or CSV for scripts; and
writing them to a file a planner opens (``.xlsx``, ``.csv``, ``.json``, ``.html``).

>>> readable_amount(62300000000.0), readable_amount(35000.0), readable_amount(512.0)
('623亿元', '3.5万元', '512')
>>> shorten(["A", "B", "C"], 2)
'3: A; B; … +1 more'
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from chaingraph.errors import InputError, OutputError

FORMATS = ("table", "json", "csv")
#: The columns of every fixed-layout table chaingraph writes, by result and table.
#: The analyses build their tables from these, and ingest knows its own results by
#: them: a result read back as a firm list would state inferences (a gap's
#: candidates) as facts.
RESULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "gaps segments": ("segment", "stage", "weight", "status", "local_count", "local_firms", "outside_suppliers",
                      "links_in", "links_from_outside", "note"),
    "gaps candidates": ("segment", "status", "rank", "firm", "province", "city", "score", "weight", "nearness",
                        "evidence"),
    "gaps local firms": ("segment", "firm", "id"),
    "compare cells": ("segment", "stage", "region", "status", "firms"),
    "impact firms": ("depth", "firm", "province", "city", "stopped", "stopped_segments", "lost", "lost_share",
                     "path", "evidence"),
    "impact regions": ("region", "chain", "exposure", "buyers", "losing", "stopped", "removed"),
    "impact segments": ("region", "segment", "stage", "before", "after", "local_before", "local_after",
                        "removed_share", "mostly_removed"),
    "impact removed": ("query", "kind", "name", "firms"),
    "attract candidates": ("rank", "firm", "province", "city", "segments", "score", "gap_points",
                           "sole_dependencies", "local_links", "local_supply", "reasons"),
    "key-firms firms": ("firm", "id", "segments", "province", "city", "pagerank", "betweenness", "articulation",
                        "sole_supplier_of", "community", "groups"),
    "key-firms communities": ("id", "size", "members", "best_group", "jaccard"),
    "upstream/downstream": ("depth", "name", "label", "id", "path", "evidence"),
}


def result_table(header: Sequence[str]) -> str | None:
    """Return which of chaingraph's own result tables has exactly the columns
    ``header`` (``"gaps candidates"``), or None.

    >>> result_table(["segment", "firm", "id"]), result_table(["企业名称", "城市"])
    ('gaps local firms', None)
    """
    cells = tuple(str(c).strip().lstrip("\ufeff") for c in header)
    return next((name for name, columns in RESULT_COLUMNS.items() if columns == cells), None)
OUTPUT_SUFFIXES = (".xlsx", ".csv", ".json", ".html")
#: A cell starting with one of these is taken for a formula by Excel, LibreOffice
#: and Google Sheets (tab and CR too, which some strip before looking).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Columns holding money in yuan: shown in 亿元/万元 in tables and spreadsheets' text.
AMOUNT_KEYS = ("deal_amount", "amount", "registered_capital", "capital")
DEFAULT_WIDTH = 160


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    """Return ``fmt`` when it is one of ``allowed``, else raise :class:`InputError`."""
    if fmt not in allowed:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(allowed)}")
    return fmt


def spreadsheet_safe(cell: str) -> str:
    """Return ``cell`` with a ``'`` put before it when it starts with ``= + - @``, a
    tab or a CR, so a spreadsheet opening the file shows it as text and never runs it
    as a formula (the OWASP recipe against CSV injection); other cells unchanged.

    >>> spreadsheet_safe("=cmd|' /C calc'!A0"), spreadsheet_safe("三一重工")
    ("'=cmd|' /C calc'!A0", '三一重工')
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def readable_amount(value: Any) -> str:
    """Return a yuan amount as people write it: ``623亿元``, ``3.5万元``, else with
    thousands separators; text that is not a number comes back as it is."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "" if value is None else str(value)
    for unit, size in (("亿元", 1e8), ("万元", 1e4)):
        if abs(number) >= size:
            return f"{number / size:,.2f}".rstrip("0").rstrip(".") + unit
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def shorten(items: Sequence[Any], keep: int = 5, total: int | None = None) -> str:
    """Return ``items`` as ``"n: a; b; …"`` with at most ``keep`` shown and the rest
    counted, so a cut list says it was cut; ``"0"`` for none. ``total`` is the size
    of the whole list when ``items`` holds only its first few.

    >>> shorten(["A", "B"], total=7)
    '7: A; B; … +5 more'
    """
    count = len(items) if total is None else max(total, len(items))
    if not count:
        return "0"
    shown = "; ".join(str(i) for i in items[:keep])
    more = count - min(keep, len(items))
    return f"{count}: {shown}" + (f"; … +{more} more" if more > 0 else "")


def terminal_width() -> int:
    """Return the width of the terminal (or $COLUMNS), 160 when output is not a terminal."""
    return max(40, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def _cell(value: Any, key: str | None = None, readable: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if readable and key in AMOUNT_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return readable_amount(value)
    return str(value)


def render_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
                title: str | None = None, payload: Any = None, width: int | None = None) -> str:
    """Return ``rows`` (dicts) rendered as ``fmt``: a rich table with ``columns`` as
    wide as the terminal (or ``width``), CSV with those columns, or JSON of
    ``payload`` (default: the rows themselves)."""
    check_format(fmt)
    if fmt == "json":
        return json.dumps(rows if payload is None else payload, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    table = RichTable(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Markup off: names like "[bold]" or "<img>" are data, not formatting.
        table.add_row(*(_escape(_cell(row.get(c), c, readable=True)) for c in columns))
    console = Console(width=width or terminal_width(), record=True, file=io.StringIO(), force_terminal=False)
    console.print(table)
    return console.export_text().rstrip("\n")


def _escape(text: str) -> str:
    from rich.markup import escape
    return escape(text)


@dataclass
class Table:
    """One table of a result written to a file: a ``name`` (the sheet's), its
    ``columns`` and ``rows`` (dicts; a list in a cell is joined with ``; ``)."""

    name: str
    columns: list[str]
    rows: list[dict[str, Any]]

    def frame(self) -> Any:
        """Return the table as a pandas DataFrame, lists joined, numbers kept."""
        import pandas as pd

        data = [[_sheet_value(row.get(c), c) for c in self.columns] for row in self.rows]
        return pd.DataFrame(data, columns=self.columns)


def _sheet_value(value: Any, key: str) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return value
    return spreadsheet_safe(_cell(value, key))


def _csv_value(value: Any, key: str) -> str:
    # Numbers are numbers (-1 stays -1); only text can smuggle a formula in.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return spreadsheet_safe(_cell(value, key))


def output_kind(path: Path, allowed: Sequence[str] = OUTPUT_SUFFIXES) -> str:
    """Return the suffix of ``path`` (``.xlsx``, ``.csv``, ``.json`` or ``.html``)
    when it is one of ``allowed``, else raise :class:`InputError` naming them."""
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise InputError(f"cannot tell the format of {str(path)!r} from its extension; "
                         f"use one of {', '.join(allowed)}")
    return suffix


def write_output(path: Path, tables: Sequence[Table], payload: Any,
                 html: Callable[[Path], Any] | None = None) -> list[Path]:
    """Write a result to ``path`` in the format its extension names and return the
    files written: ``.xlsx`` one sheet per table (via pandas), ``.csv`` the first
    table in UTF-8 with a BOM (so spreadsheets read Chinese) and each other table
    beside it as ``STEM-NAME.csv``, ``.json`` the ``payload``, ``.html`` what
    ``html(path)`` writes. Cells starting with ``= + - @`` are made text.
    Raises :class:`InputError` for another extension and :class:`OutputError`
    when the file cannot be written."""
    path = Path(path)
    kind = output_kind(path, OUTPUT_SUFFIXES if html else tuple(s for s in OUTPUT_SUFFIXES if s != ".html"))
    written = [path]
    try:
        if kind == ".json":
            path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif kind == ".html":
            html(path)
        elif kind == ".csv":
            for i, table in enumerate(tables):
                target = path if i == 0 else path.with_name(f"{path.stem}-{table.name}.csv")
                with open(target, "w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(table.columns)
                    for row in table.rows:
                        writer.writerow([_csv_value(row.get(c), c) for c in table.columns])
                if i:
                    written.append(target)
        else:
            import pandas as pd

            with pd.ExcelWriter(path, engine="openpyxl") as writer:
                for table in tables:
                    table.frame().to_excel(writer, sheet_name=_sheet_name(table.name), index=False)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return written


EXPORT_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}


def export_format(path: Path) -> str:
    """Return the export format ``path``'s extension names (``x.graphml`` ->
    graphml); raise :class:`InputError` asking for ``--format`` when it names none.

    >>> export_format(Path("chain.GraphML"))
    'graphml'
    """
    fmt = EXPORT_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the export format of {str(path)!r} from its extension "
                         f"({', '.join(EXPORT_SUFFIXES)}); give --format (neo4j-csv for a directory)")
    return fmt


def _sheet_name(name: str) -> str:
    # Excel refuses sheet names over 31 characters or holding []:*?/\ .
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return cleaned[:31] or "sheet"
