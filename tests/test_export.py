import csv
import json

import networkx as nx

from chaingraph.store.export import export_store
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType

HOSTILE = ["a'}) DETACH DELETE n //", 'quo"te', "back\\slash", "🚜 emoji", "三一重工股份有限公司", "new\nline"]


def _fill(store):
    nodes = [NodeRecord(f"firm:{i}", Label.FIRM, n, {"products": [n, "x"], "city": n},
                        [Evidence("source:s", row=i + 1)]) for i, n in enumerate(HOSTILE)]
    edges = [EdgeRecord(RelType.SUPPLIES, "firm:0", f"firm:{i}", {"note": n}, [Evidence("source:s", sentence=n, start=0, end=3)])
             for i, n in enumerate(HOSTILE) if i]
    store.upsert(nodes + edges)


def test_graphml_gexf_json_round_trip_names(store, tmp_path):
    _fill(store)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        export_store(store, fmt, path)
        g = reader(path)
        assert {g.nodes[n]["name"] for n in g.nodes} == set(HOSTILE)
        assert g.number_of_edges() == len(HOSTILE) - 1
        assert json.loads(g.nodes["firm:0"]["evidence"]) == [{"source": "source:s", "row": 1}]
    path = tmp_path / "g.json"
    export_store(store, "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {n["name"] for n in data["nodes"]} == set(HOSTILE)
    assert {e["props"]["note"] for e in data["edges"]} == set(HOSTILE[1:])


def test_neo4j_csv_headers_and_values(store, tmp_path):
    _fill(store)
    files = export_store(store, "neo4j-csv", tmp_path / "csv")
    names = {f.name for f in files}
    assert {"nodes_Firm.csv", "rels_SUPPLIES.csv", "import.sh"} <= names
    with open(tmp_path / "csv" / "nodes_Firm.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "id:ID" and rows[0][-1] == ":LABEL"
    assert {r[1] for r in rows[1:]} == set(HOSTILE)
    with open(tmp_path / "csv" / "rels_SUPPLIES.csv", newline="", encoding="utf-8") as handle:
        rels = list(csv.reader(handle))
    assert rels[0][:2] == [":START_ID", ":END_ID"] and rels[0][-1] == ":TYPE"
    assert len(rels) == len(HOSTILE)
    assert "--nodes=nodes_Firm.csv" in (tmp_path / "csv" / "import.sh").read_text()


def test_xml_exports_drop_what_xml_does_not_allow_and_keep_the_rest(store, tmp_path):
    import xml.etree.ElementTree as ET

    import pytest

    from chaingraph.errors import InputError

    _fill(store)
    store.upsert([NodeRecord("firm:c\x07", Label.FIRM, "Bell\x01Co\x0b", {"k\x02": "v\x1f", "city": "长沙"},
                             [Evidence("source:s", row=9, sentence="tab\tand\x0cform feed")]),
                  EdgeRecord(RelType.SUPPLIES, "firm:c\x07", "firm:0", {"note": "\x00x"})])
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        assert export_store(store, fmt, path) == [path]
        ET.parse(path)  # well-formed XML
        g = reader(path)
        assert g.nodes["firm:c"]["name"] == "BellCo" and g.nodes["firm:c"]["k"] == "v"
        assert g.nodes["firm:c"]["city"] == "长沙"
        assert json.loads(g.nodes["firm:c"]["evidence"])[0]["sentence"] == "tab\tand\x0cform feed"  # JSON-escaped
        assert {g.nodes[n]["name"] for n in g.nodes} == set(HOSTILE) | {"BellCo"}
        assert g.number_of_edges() == len(HOSTILE) and g.has_edge("firm:c", "firm:0")
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    # a failed export leaves neither an empty file nor its temporary file behind
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(InputError, match=f"^{target}: cannot write the export"):
        export_store(store, "graphml", target)
    assert target.is_dir() and list(tmp_path.glob(".taken*")) == []
