"""The graph as pandas DataFrames, for researchers in notebooks: the nodes and edges
of a networkx graph (``store.to_networkx()``) and the evidence of a store, one row
each. The reports have their own
``to_frame()`` (:class:`~chaingraph.analytics.gaps.GapReport`,
:class:`~chaingraph.analytics.keyfirms.KeyFirmsReport`,
:class:`~chaingraph.analytics.compare.CoverageReport`).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("firm:a", label="Firm", name="A", province="湖南")
>>> g.add_node("firm:b", label="Firm", name="B")
>>> _ = g.add_edge("firm:a", "firm:b", key="SUPPLIES", type="SUPPLIES")
>>> nodes_frame(g)[["id", "label", "name", "province"]].to_dict("records")[0]
{'id': 'firm:a', 'label': 'Firm', 'name': 'A', 'province': '湖南'}
>>> edges_frame(g)[["src", "type", "dst"]].values.tolist()
[['firm:a', 'SUPPLIES', 'firm:b']]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from chaingraph.analytics.graphsource import store_source_name
from chaingraph.model import Label, RelType
from chaingraph.store import Store

_NODE_COLUMNS = ["id", "label", "name"]
_EDGE_COLUMNS = ["src", "type", "dst"]
_EVIDENCE_COLUMNS = ["owner", "kind", "source", "file", "row", "sentence", "start", "end", "note"]


def _frame(rows: list[dict[str, Any]], first: list[str]) -> Any:
    import pandas as pd

    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=first)
    for column in first:
        if column not in frame.columns:
            frame[column] = None
    rest = sorted(c for c in frame.columns if c not in first)
    return frame[first + rest]


def nodes_frame(graph: nx.MultiDiGraph, label: Label | str | None = None) -> Any:
    """Return the nodes of ``graph``, only those of ``label`` when given, as a
    DataFrame: ``id``, ``label``, ``name``, then one column per property (lists kept
    as lists)."""
    wanted = Label(label).value if label is not None else None
    rows = [{"id": n, **{k: v for k, v in a.items() if not k.startswith("_") and k != "evidence"}}
            for n, a in graph.nodes(data=True) if wanted is None or a.get("label") == wanted]
    return _frame(rows, _NODE_COLUMNS)


def edges_frame(graph: nx.MultiDiGraph, rel: RelType | str | None = None) -> Any:
    """Return the edges of ``graph``, only those of type ``rel`` when given, as a
    DataFrame: ``src``, ``type``, ``dst``, then one column per property."""
    wanted = RelType(rel).value if rel is not None else None
    rows = [{**{k: v for k, v in a.items() if k not in ("type", "evidence")}, "src": s, "type": k, "dst": t}
            for s, t, k, a in graph.edges(keys=True, data=True) if wanted is None or k == wanted]
    return _frame(rows, _EDGE_COLUMNS)


def evidence_frame(store: Store) -> Any:
    """Return every evidence item of a store as a DataFrame, one item a row:
    ``owner`` (node id, or ``src|TYPE|dst`` for an edge), ``kind`` (node or edge),
    ``source`` (the Source id), ``file`` (its file name), ``row``, ``sentence``,
    ``start``, ``end`` and ``note``."""
    name = store_source_name(store)
    rows = []
    for node in store.iter_nodes(evidence=True):
        rows += [{"owner": node.id, "kind": "node", **e.to_dict(), "file": name(e.source)} for e in node.evidence]
    for edge in store.iter_edges(evidence=True):
        key = f"{edge.src}|{edge.type.value}|{edge.dst}"
        rows += [{"owner": key, "kind": "edge", **e.to_dict(), "file": name(e.source)} for e in edge.evidence]
    return _frame(rows, _EVIDENCE_COLUMNS)[_EVIDENCE_COLUMNS]
