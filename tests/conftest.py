"""Fixtures shared by every test: paths to test data and a fresh store."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    """The directory of small fixture files."""
    return DATA


@pytest.fixture
def store(tmp_path: Path):
    """A new, empty embedded store in a temporary directory."""
    with Store(tmp_path / "test.db") as s:
        yield s
