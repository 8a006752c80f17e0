"""Printing results: rows as a table for people, or JSON or CSV for scripts."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from chaingraph.errors import InputError

FORMATS = ("table", "json", "csv")


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    """Return ``fmt`` when it is one of ``allowed``, else raise :class:`InputError`."""
    if fmt not in allowed:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(allowed)}")
    return fmt


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
                title: str | None = None, payload: Any = None) -> str:
    """Return ``rows`` (dicts) rendered as ``fmt``: a rich table with ``columns``, CSV
    with those columns, or JSON of ``payload`` (default: the rows themselves)."""
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
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Markup off: names like "[bold]" or "<img>" are data, not formatting.
        table.add_row(*(_escape(_cell(row.get(c))) for c in columns))
    console = Console(width=160, record=True, file=io.StringIO(), force_terminal=False)
    console.print(table)
    return console.export_text().rstrip("\n")


def _escape(text: str) -> str:
    from rich.markup import escape
    return escape(text)
