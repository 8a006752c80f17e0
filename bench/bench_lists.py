"""Issue 3's benchmarks: a generated firm list with suppliers (half of them named by
short name), ingested end to end into a new embedded store.

The list is written by a child process, so the generator's own memory does not
count in this process's peak: what is measured is the ingest alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench import Timer, benchmark
from chaingraph.store import Store
from ingest import ingest_paths


def _write_list(path: Path, n_rows: int) -> None:
    code = f"from pathlib import Path; from bench.generate import write_firm_list; " \
           f"write_firm_list(Path({str(path)!r}), {n_rows}, seed=5)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


def _ingest_list(n_rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"firms_{n_rows}.csv"
        _write_list(path, n_rows)
        with Store(Path(tmp) / "bench.db") as store:
            with Timer() as t:
                report = ingest_paths([path], store)
            stats = store.stats()
            outside = store.conn.execute(
                "SELECT count(*) FROM nodes WHERE label='Firm' AND json_extract(props, '$.outside_list')=1"
            ).fetchone()[0]
    return {"seconds": round(t.seconds, 1), "rows": n_rows, "rows_per_s": int(n_rows / t.seconds),
            "rejects": len(report.rejects), "firms": stats.labels.get("Firm", 0), "outside_firms": outside,
            "supplies": stats.types.get("SUPPLIES", 0), "records": report.written.nodes + report.written.edges}


@benchmark("list-ingest-100k")
def list_ingest_100k() -> dict:
    """Ingest a 100k-row firm list with about 3 suppliers a row (target: 20k rows/s)."""
    return _ingest_list(100_000)


@benchmark("list-ingest-1m")
def list_ingest_1m() -> dict:
    """Ingest a 1M-row firm list with suppliers, streamed (peak memory must stay flat)."""
    return _ingest_list(1_000_000)


@benchmark("list-ingest-10k")
def list_ingest_10k() -> dict:
    """Ingest a 10k-row firm list with suppliers (the small case, for comparison)."""
    return _ingest_list(10_000)
