"""Helpers the hostile-input tests share: running the CLI in-process, reading what a
store holds, and making files unreadable even when the tests run as root."""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chaingraph import cli

#: A cell a spreadsheet would run as a formula (see chaingraph.output.spreadsheet_safe).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run_cli(*args: str):
    """Run ``chaingraph ARGS`` in-process; return typer's Result (exit_code, output,
    exception). Its own errors reach the caller as the exception, as they would
    reach cli.main."""
    return CliRunner().invoke(cli.app, list(args))


def firm_names(db: Path) -> set[str]:
    """Return the names of every Firm node in the store at ``db``."""
    with closing(sqlite3.connect(db)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM nodes WHERE label='Firm'")}


def csv_cells(path: Path) -> list[list[str]]:
    """Return the rows of the CSV file at ``path`` (UTF-8, with or without a BOM)."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


def live_formulas(path: Path) -> list[str]:
    """Return the cells of the CSV file at ``path`` a spreadsheet would take for formulas."""
    return [cell for row in csv_cells(path) for cell in row if cell.startswith(FORMULA_STARTS)]


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Run the block as user ``nobody`` (effective ids only) when the tests run as
    root, who reads every file whatever its mode; a no-op otherwise. Whatever the
    block opens must be reachable by that user."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A fresh folder anyone may enter and write (pytest's own are private to their
    owner), for tests that read part of it as :func:`unprivileged`; removed after."""
    folder = Path(tempfile.mkdtemp(prefix="chaingraph-hostile-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for sub in folder.rglob("*"):
            if sub.is_dir():
                sub.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
