"""Issue 3's benchmarks: a generated firm list with suppliers (half of them named by
short name), ingested end to end into a new embedded store; and ``list-parse-100k``,
the list ingester alone (reading, decoding, header mapping, ids, places, name
resolution, records and evidence: :func:`ingest.read_records`), its records counted
and not written, so the ingester's own speed shows apart from the store's.

Each also times, on the same file right after, ``pandas.read_csv`` (``pandas_s``,
the median of five reads, and ``ratio_vs_pandas``: chaingraph's time over it); the ingests also time pandas
plus a plain sqlite3 ``executemany`` of the rows (``diy_s``, ``ratio_vs_diy``),
the do-it-yourself pipeline, which resolves no names and makes no links.

The list is written by a child process, and the baselines run in one, so the
generator's and pandas' memory do not count in this process's peak: what is
measured is the ingest alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench import Timer, benchmark
from bench.baselines import in_child, ratio
from chaingraph.ingest import ingest_paths, read_records
from chaingraph.ingest.base import IngestReport
from chaingraph.model import EdgeRecord, NodeRecord
from chaingraph.store import Store


def _write_list(path: Path, n_rows: int) -> None:
    code = f"from pathlib import Path; from bench.generate import write_firm_list; " \
           f"write_firm_list(Path({str(path)!r}), {n_rows}, seed=5)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


def _ingest_list(n_rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"firms_{n_rows}.csv"
        _write_list(path, n_rows)
        # Timed to the store's close, as a command waits for it: closing copies the
        # write-ahead log into the database file.
        with Timer() as t:
            with Store(Path(tmp) / "bench.db") as store:
                report = ingest_paths([path], store)
        with Store(Path(tmp) / "bench.db") as store:
            stats = store.stats()
            outside = store.conn.execute(
                "SELECT count(*) FROM nodes WHERE label='Firm' AND json_extract(props, '$.outside_list')=1"
            ).fetchone()[0]
        pandas = in_child("pandas_read", path=str(path))
        diy = in_child("pandas_to_sqlite", path=str(path), db=str(Path(tmp) / "diy.db"))
    return {"seconds": round(t.seconds, 1), "rows": n_rows, "rows_per_s": int(n_rows / t.seconds),
            "rejects": len(report.rejects), "firms": stats.labels.get("Firm", 0), "outside_firms": outside,
            "supplies": stats.types.get("SUPPLIES", 0), "records": report.written.nodes + report.written.edges,
            "pandas_s": pandas["pandas_s"], "ratio_vs_pandas": ratio(t.seconds, pandas["pandas_s"]),
            "diy_s": diy["diy_s"], "ratio_vs_diy": ratio(t.seconds, diy["diy_s"])}


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


@benchmark("list-parse-100k")
def list_parse_100k() -> dict:
    """The list ingester alone on the 100k-row list: records built as the ingest
    would write them, counted, not written (target for this part: 50k rows/s)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "firms_100000.csv"
        _write_list(path, 100_000)
        report = IngestReport()
        nodes = edges = 0
        with Timer() as t:
            for record in read_records(path, report=report):
                kind = type(record)
                if kind is NodeRecord:
                    nodes += 1
                elif kind is EdgeRecord:
                    edges += 1
        pandas = in_child("pandas_read", path=str(path))
    return {"seconds": round(t.seconds, 2), "rows": 100_000, "rows_per_s": int(100_000 / t.seconds),
            "rejects": len(report.rejects), "nodes": nodes, "edges": edges,
            "pandas_s": pandas["pandas_s"], "ratio_vs_pandas": ratio(t.seconds, pandas["pandas_s"])}
