"""Evidence and file names as people read them, looked up in a graph or a store:
the lookups a :class:`~chaingraph.analytics.placed.PlacedGraph` carries, and the
ones ``upstream``/``downstream``, ``show`` and the DataFrames use on a store or a
graph.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> as_graph(g) is g
True
>>> evidence_lookup(g)("anything")
[]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from chaingraph.model import Evidence


def as_graph(source: Any) -> nx.MultiDiGraph:
    """Return ``source`` when it is a networkx graph, else ``source.to_networkx()``
    (read afresh on every call, so a store written to in between is seen whole)."""
    if isinstance(source, nx.Graph):
        return source
    return source.to_networkx()


def graph_evidence(graph: nx.MultiDiGraph) -> Callable[[str], list[Evidence]]:
    """Return a lookup from a node id to the evidence kept on the graph's node (its
    ``evidence`` attribute: a list of dicts or :class:`Evidence`); edges and nodes
    without it have none.

    >>> g = nx.MultiDiGraph(); g.add_node("n", evidence=[{"source": "source:a", "row": 2}])
    >>> [e.row for e in graph_evidence(g)("n")], graph_evidence(g)("n|SUPPLIES|m")
    ([2], [])
    """
    def lookup(owner: str) -> list[Evidence]:
        if owner not in graph:
            return []
        items = graph.nodes[owner].get("evidence") or []
        return [e if isinstance(e, Evidence) else Evidence.from_dict(e) for e in items]

    return lookup


def evidence_lookup(source: Any) -> Callable[[str], list[Evidence]]:
    """Return a function from a node id or edge key (``src|TYPE|dst``) to its
    evidence: ``source.evidence`` when the source is a store, else
    :func:`graph_evidence` of the graph."""
    if isinstance(source, nx.Graph):
        return graph_evidence(source)
    return source.evidence


def graph_source_name(graph: nx.MultiDiGraph) -> Callable[[str], str]:
    """Return a function from a Source node id to its ``name`` in ``graph`` (the
    file name); an id it cannot name comes back as it is."""
    def name(source_id: str) -> str:
        found = graph.nodes[source_id].get("name") if source_id in graph else None
        return str(found) if found else source_id

    return name


def store_source_name(store: Any) -> Callable[[str], str]:
    """Return a function from a Source node id to its name (the file name) read
    from ``store`` and remembered; an id it cannot name comes back as it is."""
    memo: dict[str, str] = {}

    def name(source_id: str) -> str:
        if source_id not in memo:
            node = store.get_node(source_id)
            memo[source_id] = str(node.name) if node is not None and node.name else source_id
        return memo[source_id]

    return name


def source_namer(source: Any) -> Callable[[str], str]:
    """Return :func:`graph_source_name` of ``source`` when it is a networkx graph,
    else :func:`store_source_name`."""
    return graph_source_name(source) if isinstance(source, nx.Graph) else store_source_name(source)


def evidence_text(item: Evidence | dict[str, Any], name: Callable[[str], str] = str,
                  sentence_chars: int | None = None) -> str:
    """Return one evidence item as people read it: the file's name (``name`` maps a
    Source id to it), then ``row N`` or the sentence, cut to ``sentence_chars`` with
    an ellipsis when given.

    >>> evidence_text({"source": "source:ab", "row": 2}, {"source:ab": "company_industry.jsonl"}.get)
    'company_industry.jsonl, row 2'
    >>> evidence_text(Evidence("source:ab", sentence="三一重工与潍柴签约。"), lambda s: "news.txt", 4)
    'news.txt: 三一重工…'
    """
    ev = item.to_dict() if isinstance(item, Evidence) else item
    text = name(ev["source"]) or ev["source"]
    if ev.get("row") is not None:
        text += f", row {ev['row']}"
    if ev.get("note"):
        text += f" ({ev['note']})"
    sentence = ev.get("sentence")
    if sentence:
        if sentence_chars is not None and len(sentence) > sentence_chars:
            sentence = sentence[:sentence_chars] + "…"
        text += f": {sentence}"
    elif ev.get("start") is not None:
        text += f", chars {ev['start']}-{ev.get('end')}"
    return text
