"""``resolve-100k``: ``chaingraph resolve`` on a store of 100,000 listed firms of
which 5% arrive a second time from a data set that names them by stock code alone
(no place), so each must be merged into one node. Timed beside the do-it-yourself
way: pandas grouping the same firms by name key (``ratio_vs_pandas``), which finds
the pairs but neither guards by place nor merges edges and evidence."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import Timer, benchmark
from bench.baselines import in_child, ratio
from bench.bench_lists import _write_list
from chaingraph.model import Evidence, Label, NodeRecord
from chaingraph.resolution import resolve_firms
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths

N_FIRMS = 100_000
SHARE = 20  # one firm in SHARE comes again: 5%


@benchmark("resolve-100k")
def resolve_100k() -> dict:
    """Build the store (untimed), add the duplicates, time the resolution."""
    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "firms.csv", Path(tmp) / "bench.db"
        _write_list(path, N_FIRMS)
        with Store(db) as store:
            ingest_paths([path], store)
            firms = store.conn.execute(
                "SELECT id, name FROM nodes WHERE label='Firm' AND id NOT LIKE 'firm:stock:%' ORDER BY nid"
            ).fetchall()
            again = [NodeRecord(id=f"firm:stock:{900000 + i:06d}", label=Label.FIRM, name=name,
                                props={"stock_code": f"{900000 + i:06d}"},
                                evidence=[Evidence(source="source:bench-dataset", row=i)])
                     for i, (_, name) in enumerate(firms[::SHARE])]
            store.upsert(again)
        with Store(db) as store:
            with Timer() as t:
                report = resolve_firms(store)
            with Timer() as t2:
                second = resolve_firms(store)
            firms_after = store.stats().labels.get("Firm", 0)
        pandas = in_child("pandas_dedupe", db=str(db))
    return {"seconds": round(t.seconds, 2), "firms_before": len(firms) + len(again), "duplicates": len(again),
            "merged": report.merged, "firms_after": firms_after, "second_run_s": round(t2.seconds, 2),
            "second_run_merged": second.merged, "pandas_s": pandas["pandas_s"],
            "ratio_vs_pandas": ratio(t.seconds, pandas["pandas_s"])}
