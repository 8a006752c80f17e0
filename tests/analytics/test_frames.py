"""The DataFrame API: nodes, edges and evidence of a store, and every report's frame."""

from pathlib import Path

from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.compare import compare_regions
from chaingraph.analytics.frames import edges_frame, evidence_frame, nodes_frame
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.keyfirms import key_firms
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

from .conftest import CHAINS

ROOT = Path(__file__).resolve().parents[2]


def test_store_frames(analytics_store):
    graph = analytics_store.to_networkx()
    nodes = nodes_frame(graph)
    assert list(nodes.columns[:3]) == ["id", "label", "name"] and "firm:f1" in set(nodes["id"])
    firms = nodes_frame(graph, "Firm")
    assert set(firms["label"]) == {"Firm"} and len(firms) == 9
    supplies = edges_frame(graph, "SUPPLIES")
    assert set(supplies["type"]) == {"SUPPLIES"}
    between_firms = supplies[supplies["src"].str.startswith("firm:") & supplies["dst"].str.startswith("firm:")]
    assert len(between_firms) == 12
    ev = evidence_frame(analytics_store)
    assert list(ev.columns) == ["owner", "kind", "source", "file", "row", "sentence", "start", "end", "note"]
    assert (ev["owner"] == "firm:f3|SUPPLIES|firm:f1").any()


def test_evidence_frame_names_files(tmp_path):
    with Store(tmp_path / "s.db") as store:
        ingest_paths([ROOT / "data" / "lists" / "chain_firms_sample.csv"], store, IngestOptions(),
                     rejects_path=tmp_path / "r.csv")
        ev = evidence_frame(store)
    assert set(ev["file"]) == {"chain_firms_sample.csv"} and ev["row"].notna().all()


def test_every_report_has_a_frame(analytics_store, analytics_graph):
    gaps = find_gaps(PlacedGraph.from_store(analytics_store, "toy machinery", chains_dirs=[CHAINS]), "湖南").to_frame()
    assert {"segment", "status", "local_count"} <= set(gaps.columns)
    firms = key_firms(PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS])).to_frame()
    assert {"firm", "pagerank", "betweenness"} <= set(firms.columns)
    cov = compare_regions(PlacedGraph.from_graph(analytics_graph, "toy machinery", chains_dirs=[CHAINS]), ["湖南", "江苏"]).to_frame()
    assert list(cov.columns) == ["segment", "stage", "region", "status", "firms"]
    assert len(cov) == 2 * len(gaps)


def test_readme_dataframe_example_runs(tmp_path):
    import re
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```py\n(.*?)\n```", readme, re.S)
    with Store(tmp_path / "chaingraph.db") as store:
        ingest_paths([ROOT / "data" / "lists"], store, IngestOptions(), rejects_path=tmp_path / "r.csv")
    done = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{example}"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "湖南" in done.stdout and "rank" in done.stdout
