"""Evidence and file names as people read them, looked up in a graph or, with the
functions named for it, a store: the lookups a
:class:`~chaingraph.analytics.placed.PlacedGraph` carries, and the ones
``upstream``/``downstream``, ``show`` and the DataFrames use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import networkx as nx

from chaingraph.model import Evidence

if TYPE_CHECKING:
    from chaingraph.store import Store


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


def graph_source_name(graph: nx.MultiDiGraph) -> Callable[[str], str]:
    """Return a function from a Source node id to its ``name`` in ``graph`` (the
    file name); an id it cannot name comes back as it is."""
    def name(source_id: str) -> str:
        found = graph.nodes[source_id].get("name") if source_id in graph else None
        return str(found) if found else source_id

    return name


def store_source_name(store: Store) -> Callable[[str], str]:
    """Return a function from a Source node id to its name (the file name) read
    from ``store`` and remembered; an id it cannot name comes back as it is."""
    memo: dict[str, str] = {}

    def name(source_id: str) -> str:
        if source_id not in memo:
            node = store.get_node(source_id)
            memo[source_id] = str(node.name) if node is not None and node.name else source_id
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
