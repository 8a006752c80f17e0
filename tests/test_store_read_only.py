"""A store on a read-only filesystem (a shared drive, a mounted archive) is read
whole and the same as where it is writable; writes are refused in one line, and a
store whose log still holds writes is refused rather than read without them."""

from __future__ import annotations

import subprocess

import pytest

import chaingraph.store.opening as store_module
from chaingraph.errors import StoreError
from chaingraph.model import Label, NodeRecord
from chaingraph.store import Store



def _filled(path):
    with Store(path) as store:
        store.upsert([NodeRecord(id=f"firm:{i}", label=Label.FIRM, name=f"Firm {i}") for i in range(50)])
        store.merge([("firm:1", "firm:2")])
    return path


def _content(store):
    return (sorted(n.id for n in store.iter_nodes()), store.stats().to_dict(), store.merged_ids())


@pytest.fixture
def read_only_mount(tmp_path):
    """A read-only bind mount of a folder (root only); yields (writable, read-only) paths."""
    source, view = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    view.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True, capture_output=True)
        yield source, view
    finally:
        subprocess.run(["umount", str(view)], check=True)


def test_a_store_on_a_read_only_mount_reads_as_where_it_was_written(read_only_mount):
    source, view = read_only_mount
    with Store(_filled(source / "s.db")) as writable:
        expected = _content(writable)
    with Store(view / "s.db", create=False) as store:
        assert store.read_only
        assert _content(store) == expected
        with pytest.raises(StoreError, match="read-only filesystem"):
            store.upsert([NodeRecord(id="firm:x", label=Label.FIRM, name="X")])


def test_read_only_reads_refuse_writes_and_unmerged_logs(tmp_path, monkeypatch):
    path = _filled(tmp_path / "s.db")
    with Store(path) as writable:
        expected = _content(writable)
    monkeypatch.setattr(store_module, "_on_read_only_filesystem", lambda p: True)
    with Store(path, create=False) as store:
        assert store.read_only and _content(store) == expected
        for write in (lambda: store.upsert([NodeRecord(id="firm:x", label=Label.FIRM, name="X")]),
                      lambda: store.merge([("firm:3", "firm:4")]),
                      lambda: store.record_decisions([("firm:3", "firm:4", "reject")])):
            with pytest.raises(StoreError, match="read-only filesystem"):
                write()
    # A log left with commits in it (a copy taken while a writer was open) would be
    # skipped by an immutable read, so the store is refused with the reason.
    (tmp_path / "s.db-wal").write_bytes(b"\0" * 32)
    with pytest.raises(StoreError, match="unmerged writes in s.db-wal"):
        Store(path, create=False)
