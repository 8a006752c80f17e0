"""Where the analytics get their graph: a networkx graph as it is, or anything that
can give one (``to_networkx()``: the SQLite store, the Neo4j reader), plus the
evidence it can look up.

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
    (read afresh on every call, so a store written to in between is seen whole;
    pass the graph itself to ask several questions of one reading)."""
    if isinstance(source, nx.Graph):
        return source
    return source.to_networkx()


def evidence_lookup(source: Any) -> Callable[[str], list[Evidence]]:
    """Return a function from a node id or edge key (``src|TYPE|dst``) to its
    evidence: ``source.evidence`` when the source keeps evidence (the stores), else
    the ``evidence`` attribute of the graph's node (a list of dicts or
    :class:`Evidence`), else nothing."""
    if not isinstance(source, nx.Graph) and callable(getattr(source, "evidence", None)):
        return source.evidence
    graph = source if isinstance(source, nx.Graph) else None

    def from_graph(owner: str) -> list[Evidence]:
        if graph is None or owner not in graph:
            return []
        items = graph.nodes[owner].get("evidence") or []
        return [e if isinstance(e, Evidence) else Evidence.from_dict(e) for e in items]

    return from_graph


def alias_lookup(source: Any) -> Callable[[str], list[str]] | None:
    """Return a function from a name to the ids of the nodes having it as name or
    alias (the store's name index), or None when ``source`` keeps no aliases."""
    if isinstance(source, nx.Graph) or not callable(getattr(source, "find_nodes", None)):
        return None
    return lambda name: [n.id for n in source.find_nodes(name)]


def cache_stamp(graph: nx.Graph) -> tuple[int, int]:
    """Return the stamp under which indexes computed from ``graph`` are cached on it
    (``graph.graph``): its node count and :func:`forget` count. Counting edges
    would cost a pass over the graph, so after adding or removing only edges call
    :func:`forget`."""
    return graph.number_of_nodes(), graph.graph.get("_chaingraph_generation", 0)


def forget(graph: nx.Graph) -> None:
    """Drop the analytics indexes cached on ``graph`` (call after changing its edges)."""
    graph.graph["_chaingraph_generation"] = graph.graph.get("_chaingraph_generation", 0) + 1


def source_namer(source: Any) -> Callable[[str], str]:
    """Return a function from a Source node id to the name people know it by (the
    file name), read from ``source`` (a store or a graph) and remembered; an id it
    cannot name comes back as it is."""
    memo: dict[str, str] = {}
    graph = source if isinstance(source, nx.Graph) else None
    getter = None if graph is not None else getattr(source, "get_node", None)

    def name(source_id: str) -> str:
        if source_id not in memo:
            found = None
            if graph is not None and source_id in graph:
                found = graph.nodes[source_id].get("name")
            elif callable(getter):
                node = getter(source_id)
                found = node.name if node is not None else None
            memo[source_id] = str(found) if found else source_id
        return memo[source_id]

    return name


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
