"""Run benchmarks, each in its own process so its peak memory is its own.

    python -m bench list
    python -m bench run                 # every benchmark
    python -m bench run store-write-1m  # some of them
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import resource
import subprocess
import sys
from pathlib import Path

import bench
from chaingraph.output import render_rows


def _discover() -> None:
    for info in pkgutil.iter_modules([str(Path(bench.__file__).parent)]):
        if info.name.startswith("bench_"):
            importlib.import_module(f"bench.{info.name}")


def _run_one(name: str) -> None:
    _discover()
    figures = bench.BENCHMARKS[name]()
    figures["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(figures))


def main(argv: list[str]) -> int:
    """Parse ``argv`` (list | run [NAME...] | one NAME) and act; return an exit code."""
    _discover()
    if not argv or argv[0] == "list":
        print("\n".join(sorted(bench.BENCHMARKS)))
        return 0
    if argv[0] == "one":
        _run_one(argv[1])
        return 0
    if argv[0] != "run":
        print(__doc__, file=sys.stderr)
        return 2
    names = argv[1:] or sorted(bench.BENCHMARKS)
    unknown = [n for n in names if n not in bench.BENCHMARKS]
    if unknown:
        print(f"Error: unknown benchmark {unknown[0]!r}; see 'python -m bench list'", file=sys.stderr)
        return 2
    rows = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        proc = subprocess.run([sys.executable, "-m", "bench", "one", name], capture_output=True, text=True)
        if proc.returncode != 0:
            rows.append({"benchmark": name, "seconds": "FAILED", "figures": proc.stderr.strip().splitlines()[-1:]})
            continue
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        seconds = figures.pop("seconds", None)
        peak = figures.pop("peak_mb", None)
        rows.append({"benchmark": name, "seconds": seconds, "peak_mb": peak,
                     "figures": ", ".join(f"{k}={v}" for k, v in figures.items())})
    print(render_rows(rows, ["benchmark", "seconds", "peak_mb", "figures"], "table"))
    return 0 if all(r["seconds"] != "FAILED" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
