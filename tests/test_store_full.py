"""A write that runs out of room: the first error is the one reported, with how
much was committed; the store stays readable while the disk is full; writing the
same input again once there is room finishes it without duplicates. Real SQLite
errors: a page limit (SQLITE_FULL) and, where this may mount one, a full tmpfs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import chaingraph.store.writer as store_write
from chaingraph.errors import StoreError
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
from chaingraph.store.sqlite import sqlite3
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _records(n: int, start: int = 0):
    """``n`` firms, each with an edge to the one before: all distinct records."""
    for i in range(start, start + n):
        ev = [Evidence("source:full", row=i, sentence="x" * 200)]
        yield NodeRecord(f"firm:{i}", Label.FIRM, f"Firm number {i}", {"i": i}, ev)
        if i:
            yield EdgeRecord(RelType.SUPPLIES, f"firm:{i - 1}", f"firm:{i}", {}, ev)


def _committed(message: str) -> int:
    found = re.search(r"; ([\d,]+) record\(s\) of this write were committed before the failure", message)
    assert found, message
    return int(found.group(1).replace(",", ""))


def _small_commits(monkeypatch) -> None:
    # So that a small write commits several times and counts as long (drops the index).
    monkeypatch.setattr(store_write, "COMMIT_RECORDS", 500)
    monkeypatch.setattr(store_write, "BULK_MIN", 100)


def test_a_full_database_reports_what_was_kept_and_a_rerun_completes_it(tmp_path, monkeypatch):
    _small_commits(monkeypatch)
    path = tmp_path / "s.db"
    with Store(path) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages + 40}")
        with pytest.raises(StoreError) as caught:
            store.upsert(_records(5000), batch_size=200)
        message = str(caught.value)
        assert message.startswith(f"{path}: write failed (database or disk is full)")
        assert "\n" not in message and "free some space" in message
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        notes = getattr(caught.value, "__notes__", [])
        # when the index could not be built again either, that is a note, not the error
        assert ("edges_dst" in indexes) == (not any("could not build the edge index again" in n for n in notes))
        kept = _committed(message)
        stats = store.stats()
        assert 0 < kept == stats.nodes + stats.edges < 9999
    with Store(path) as store:  # room again (the limit was this connection's)
        store.upsert(_records(5000), batch_size=200)
        assert (store.stats().nodes, store.stats().edges) == (5000, 4999)
        assert "edges_dst" in {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    with Store(tmp_path / "fresh.db") as fresh, Store(path) as store:
        fresh.upsert(_records(5000))
        assert list(store.iter_nodes(evidence=True)) == list(fresh.iter_nodes(evidence=True))
        # (edges come in the order their nodes were first stored, which differs)
        assert sorted(store.iter_edges(evidence=True), key=lambda e: e.key) == \
            sorted(fresh.iter_edges(evidence=True), key=lambda e: e.key)


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB tmpfs mounted for the test (root only), unmounted after it."""
    where = tmp_path / "disk"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def test_a_full_disk_leaves_the_store_readable(small_disk, monkeypatch):
    path = small_disk / "s.db"
    # Small pages, so that the log outgrows what the -shm index file first covers
    # (4096 pages) before the disk is full: reading it again then needs that file
    # to grow, which a full disk refuses.
    setup = sqlite3.connect(path)
    setup.execute("PRAGMA page_size=1024")
    setup.execute("PRAGMA journal_mode=WAL")
    setup.close()
    with Store(path) as store:
        store.upsert(_records(1000))
        monkeypatch.setattr(store_write, "COMMIT_RECORDS", 10**9)  # the rest in one transaction
        with pytest.raises(StoreError) as caught:
            store.upsert(_records(30_000, start=1000), batch_size=1000)
    message = str(caught.value)
    assert re.match(rf"{re.escape(str(path))}: write failed \((database or disk is full|disk I/O error)\)", message)
    assert _committed(message) == 0
    assert os.statvfs(small_disk).f_bavail == 0
    assert os.path.getsize(f"{path}-wal") > 4096 * 1024
    with Store(path, create=False) as store:
        stats = store.stats()
        assert (stats.nodes, stats.edges) == (1000, 999)
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--db", str(path), "stats", "--format", "json"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert '"nodes": 1000' in done.stdout
