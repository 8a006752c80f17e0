"""The store gives the same graph on the bundled SQLite (pysqlite3-binary) and on
Python's own sqlite3, the fallback where no wheel exists."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Run in a child process: which SQLite the store uses is settled at import.
# ``system`` blocks pysqlite3 so that chaingraph.store.sqlite falls back.
_INGEST_AND_DUMP = """
import json, sys
from pathlib import Path
if sys.argv[1] == "system":
    sys.modules["pysqlite3"] = None
from chaingraph.store.sqlite import sqlite3
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
files = [Path(p) for p in sys.argv[3:]]
with Store(Path(sys.argv[2])) as store:
    ingest_paths(files, store)
    ingest_paths(files, store)  # again: every row now merges with what is there
    nodes = sorted([n.id, n.label.value, n.name, n.props, sorted(n.aliases),
                    [[e.source, e.row, e.note] for e in n.evidence]] for n in store.iter_nodes(evidence=True))
    edges = sorted([e.src, e.type.value, e.dst, e.props, [[v.source, v.row, v.note] for v in e.evidence]]
                   for e in store.iter_edges(evidence=True))
print(json.dumps({"module": sqlite3.__name__, "nodes": nodes, "edges": edges}, ensure_ascii=False, default=str))
"""


def _graph(which: str, tmp_path: Path) -> dict:
    files = [DATA / "firms_sample.csv", DATA / "lists" / "lists_supply_pairs.csv", DATA / "lists" / "lists_gb18030.csv"]
    run = subprocess.run([sys.executable, "-c", _INGEST_AND_DUMP, which, str(tmp_path / f"{which}.db"),
                          *map(str, files)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_bundled_and_the_system_sqlite_give_the_same_graph(tmp_path):
    system = _graph("system", tmp_path)
    default = _graph("default", tmp_path)
    assert system["module"] == "sqlite3"
    if importlib.util.find_spec("pysqlite3") is not None:
        assert default["module"] == "pysqlite3.dbapi2"
    assert len(system["nodes"]) > 20 and any(e[1] == "SUPPLIES" for e in system["edges"])
    assert default["nodes"] == system["nodes"]
    assert default["edges"] == system["edges"]
