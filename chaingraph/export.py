"""Exports of the embedded store: GraphML, GEXF, JSON and the CSV layout that
``neo4j-admin database import full`` reads."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from chaingraph.errors import InputError
from chaingraph.model import Evidence
from chaingraph.store import Store

FORMATS = ("graphml", "gexf", "json", "neo4j-csv")


def _scalar(value: Any) -> Any:
    """GraphML and GEXF take only scalars: lists and dicts become JSON text."""
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _evidence_json(items: list[Evidence]) -> str:
    return json.dumps([e.to_dict() for e in items], ensure_ascii=False)


def flat_graph(store: Store) -> nx.MultiDiGraph:
    """Return the store as a MultiDiGraph whose attributes are all scalars, with the
    evidence of each node and edge as a JSON string attribute ``evidence``."""
    with store.snapshot():
        return _flat_graph(store)


def _flat_graph(store: Store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in store.iter_nodes(evidence=True):
        attrs = {k: _scalar(v) for k, v in node.props.items() if v is not None}
        attrs.update(label=node.label.value, name=node.name, evidence=_evidence_json(node.evidence))
        graph.add_node(node.id, **attrs)
    for edge in store.iter_edges(evidence=True):
        attrs = {k: _scalar(v) for k, v in edge.props.items() if v is not None}
        attrs.update(type=edge.type.value, evidence=_evidence_json(edge.evidence))
        graph.add_edge(edge.src, edge.dst, key=edge.type.value, **attrs)
    return graph


def export_store(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write the whole store to ``out`` in ``fmt`` (one of :data:`FORMATS`) and return
    the files written. ``neo4j-csv`` writes a directory of node and relationship
    files plus ``import.sh`` with the matching ``neo4j-admin`` command. Everything
    is read in one snapshot of the store: one committed state, even while another
    process writes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with store.snapshot():
        return _export(store, fmt, Path(out))


def _export(store: Store, fmt: str, out: Path) -> list[Path]:
    if fmt == "neo4j-csv":
        return _export_neo4j_csv(store, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        data = {
            "nodes": [{"id": n.id, "label": n.label.value, "name": n.name, "props": n.props,
                       "evidence": [e.to_dict() for e in n.evidence]} for n in store.iter_nodes(evidence=True)],
            "edges": [{"type": e.type.value, "src": e.src, "dst": e.dst, "props": e.props,
                       "evidence": [x.to_dict() for x in e.evidence]} for e in store.iter_edges(evidence=True)],
        }
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return [out]
    graph = flat_graph(store)
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    else:
        nx.write_gexf(graph, out, encoding="utf-8")
    return [out]


def _export_neo4j_csv(store: Store, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    nodes_by_label: dict[str, list] = defaultdict(list)
    for node in store.iter_nodes(evidence=True):
        nodes_by_label[node.label.value].append(node)
    args = []
    for label, nodes in sorted(nodes_by_label.items()):
        keys = sorted({k for n in nodes for k in n.props})
        path = out / f"nodes_{label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id:ID", "name", *keys, "evidence", ":LABEL"])
            for n in nodes:
                writer.writerow([n.id, n.name, *(_csv_cell(n.props.get(k)) for k in keys),
                                 _evidence_json(n.evidence), label])
        written.append(path)
        args.append(f"--nodes={path.name}")
    edges_by_type: dict[str, list] = defaultdict(list)
    for edge in store.iter_edges(evidence=True):
        edges_by_type[edge.type.value].append(edge)
    for typ, edges in sorted(edges_by_type.items()):
        keys = sorted({k for e in edges for k in e.props})
        path = out / f"rels_{typ}.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([":START_ID", ":END_ID", *keys, "evidence", ":TYPE"])
            for e in edges:
                writer.writerow([e.src, e.dst, *(_csv_cell(e.props.get(k)) for k in keys),
                                 _evidence_json(e.evidence), typ])
        written.append(path)
        args.append(f"--relationships={path.name}")
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\n# Run from this directory with the Neo4j server stopped; replaces database 'neo4j'.\n"
        # The database name goes first: --nodes/--relationships take several values and
        # would swallow a name put after them (seen with 5.26's import tool).
        "neo4j-admin database import full neo4j --overwrite-destination=true --multiline-fields=true "
        + " ".join(args) + "\n", encoding="utf-8")
    written.append(script)
    return written


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
