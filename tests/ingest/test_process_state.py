"""The library changes no process-wide setting for good: the garbage collector and
the thread switch interval, changed for an ingest's bulk work, are as they were
after it, whether it succeeded or failed."""

import gc
import sys

import pytest

from chaingraph.errors import StoreError
from chaingraph.ingest import ingest_paths
from chaingraph.store import Store


@pytest.fixture
def settings():
    before = (gc.isenabled(), sys.getswitchinterval())
    sys.setswitchinterval(0.004)
    yield
    (gc.enable if before[0] else gc.disable)()
    sys.setswitchinterval(before[1])


def _watch(store, seen):
    """Note the settings while the store writes (so the test sees they did change)."""
    upsert = store.upsert

    def watched(records, **kwargs):
        def noting():
            for record in records:
                seen.append((gc.isenabled(), sys.getswitchinterval()))
                yield record
        return upsert(noting(), **kwargs)
    store.upsert = watched


@pytest.mark.parametrize("gc_on", [True, False])
def test_an_ingest_leaves_the_settings_as_they_were(settings, data_dir, tmp_path, gc_on):
    (gc.enable if gc_on else gc.disable)()
    seen = []
    with Store(tmp_path / "s.db") as store:
        _watch(store, seen)
        report = ingest_paths([data_dir / "lists" / "lists_gb18030.csv", data_dir / "articles" / "k1_changsha_park.txt"],
                              store)
    assert len(report.files) == 2 and seen
    assert all(s == (False, 0.004) for s in seen)  # the collector paused while records are made
    assert (gc.isenabled(), sys.getswitchinterval()) == (gc_on, 0.004)


def test_a_failing_ingest_leaves_the_settings_as_they_were(settings, data_dir, tmp_path):
    gc.enable()
    with Store(tmp_path / "s.db") as store:
        store.conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON nodes WHEN NEW.label = 'Firm' "
                           "BEGIN SELECT RAISE(ABORT, 'no firms here'); END")
        with pytest.raises(StoreError, match="no firms here"):
            ingest_paths([data_dir / "lists" / "lists_gb18030.csv"], store)
    assert gc.isenabled() and sys.getswitchinterval() == 0.004
    # an ingester failing on its file (not fatal: the run goes on) restores them too
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with Store(tmp_path / "t.db") as store:
        report = ingest_paths([broken], store)
    assert report.skipped and gc.isenabled() and sys.getswitchinterval() == 0.004
