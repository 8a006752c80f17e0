"""Exports of the embedded store: GraphML, GEXF, JSON and the CSV layout that
``neo4j-admin database import full`` reads."""

from __future__ import annotations

import csv
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from chaingraph.errors import InputError
from chaingraph.model import Evidence
from chaingraph.store import Store

FORMATS = ("graphml", "gexf", "json", "neo4j-csv")

# What XML 1.0 does not allow in a document: the control characters other than tab,
# newline and carriage return, lone surrogates, U+FFFE and U+FFFF. GraphML and GEXF
# exports drop them from ids, attribute names and values.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
        text = json.dumps(data, ensure_ascii=False, indent=1)
        _write_whole(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        return [out]
    graph = _xml_safe(flat_graph(store))
    if fmt == "graphml":
        _write_whole(out, lambda tmp: nx.write_graphml(graph, tmp, encoding="utf-8"))
    else:
        _write_whole(out, lambda tmp: nx.write_gexf(graph, tmp, encoding="utf-8"))
    return [out]


def _xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return ``graph`` with the characters XML 1.0 does not allow (:data:`_NOT_XML`)
    dropped from node ids, attribute names and text values; the graph itself when
    it has none, else a changed copy."""
    def clean(value: Any) -> Any:
        return _NOT_XML.sub("", value) if isinstance(value, str) else value

    def dirty(attrs: dict) -> bool:
        return any(_NOT_XML.search(k) or (isinstance(v, str) and _NOT_XML.search(v)) for k, v in attrs.items())

    if not (any(isinstance(n, str) and _NOT_XML.search(n) or dirty(a) for n, a in graph.nodes(data=True))
            or any(dirty(a) for *_, a in graph.edges(keys=True, data=True))):
        return graph
    safe = nx.MultiDiGraph()
    safe.add_nodes_from((clean(n), {clean(k): clean(v) for k, v in a.items()}) for n, a in graph.nodes(data=True))
    safe.add_edges_from((clean(s), clean(d), k, {clean(x): clean(v) for x, v in a.items()})
                        for s, d, k, a in graph.edges(keys=True, data=True))
    return safe


def _write_whole(out: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a temporary file beside ``out`` and move it to ``out`` once
    it is complete: a failed export leaves no empty or partial file (and an earlier
    export at ``out`` stays as it was)."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise InputError(f"cannot write the export ({exc.strerror or exc})", path=str(out)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _write_import_csv(path: Path, key_columns: list[str], kind_column: str, kind: str, items: list,
                      keys_of: Callable[[Any], list[str]]) -> None:
    """Write ``items`` (nodes of one label or edges of one type) to ``path`` in the
    bulk importer's header format: the key columns ``keys_of(item)`` gives, one
    column per property any item has, the evidence as JSON, and ``kind``."""
    props = sorted({k for item in items for k in item.props})
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*key_columns, *props, "evidence", kind_column])
        for item in items:
            writer.writerow([*keys_of(item), *(_csv_cell(item.props.get(k)) for k in props),
                             _evidence_json(item.evidence), kind])


def _export_neo4j_csv(store: Store, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    nodes_by_label: dict[str, list] = defaultdict(list)
    for node in store.iter_nodes(evidence=True):
        nodes_by_label[node.label.value].append(node)
    args = []
    for label, nodes in sorted(nodes_by_label.items()):
        path = out / f"nodes_{label}.csv"
        _write_import_csv(path, ["id:ID", "name"], ":LABEL", label, nodes, lambda n: [n.id, n.name])
        written.append(path)
        args.append(f"--nodes={path.name}")
    edges_by_type: dict[str, list] = defaultdict(list)
    for edge in store.iter_edges(evidence=True):
        edges_by_type[edge.type.value].append(edge)
    for typ, edges in sorted(edges_by_type.items()):
        path = out / f"rels_{typ}.csv"
        _write_import_csv(path, [":START_ID", ":END_ID"], ":TYPE", typ, edges, lambda e: [e.src, e.dst])
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
