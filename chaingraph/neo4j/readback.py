"""Reading a Neo4j graph back: as typed records (``chaingraph load --from-neo4j``
writes them to the store) or as the ``MultiDiGraph`` the analytics take."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from chaingraph.model import EdgeRecord, Label, NodeRecord, Record, RelType
from chaingraph.neo4j.props import evidence_from_columns, from_neo4j_props
from chaingraph.neo4j.queries import statement

_LABELS = {label.value: label for label in Label}
_TYPES = {rel.value: rel for rel in RelType}


def records_from_neo4j(driver: Any, database: str | None = None) -> Iterator[Record]:
    """Yield the graph in Neo4j as typed records: every node with an ``id`` and a
    label of :class:`Label` (evidence from its ``ev_*`` lists), then every
    relationship of a :class:`RelType` between such nodes. Other nodes and
    relationships are left out."""
    import neo4j

    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        known: set[str] = set()
        for rec in session.run(statement("_read_nodes")):
            label = next((_LABELS[l] for l in rec["labels"] if l in _LABELS), None)
            node_id = rec["id"]
            if label is None or not isinstance(node_id, str) or not node_id:
                continue
            props = dict(rec["props"])
            known.add(node_id)
            yield NodeRecord(id=node_id, label=label, name=str(props.get("name") or node_id),
                             props=from_neo4j_props(props), evidence=evidence_from_columns(props))
        for rec in session.run(statement("_read_edges")):
            rel = _TYPES.get(rec["type"])
            if rel is None or rec["src"] not in known or rec["dst"] not in known:
                continue
            props = dict(rec["props"])
            yield EdgeRecord(type=rel, src=rec["src"], dst=rec["dst"], props=from_neo4j_props(props),
                             evidence=evidence_from_columns(props))


def graph_from_neo4j(driver: Any, database: str | None = None) -> nx.MultiDiGraph:
    """Return the graph in Neo4j as a ``MultiDiGraph`` shaped like
    :meth:`chaingraph.store.Store.to_networkx`: nodes carry ``label``, ``name`` and
    their properties; edges are keyed by type and carry ``type`` and properties."""
    graph = nx.MultiDiGraph()
    for record in records_from_neo4j(driver, database):
        if isinstance(record, NodeRecord):
            graph.add_node(record.id, **{**record.props, "label": record.label.value, "name": record.name})
        else:
            graph.add_edge(record.src, record.dst, key=record.type.value,
                           **{**record.props, "type": record.type.value})
    return graph
