"""Placing firms in a chain's segments.

A firm is in a chain segment when

* it BELONGS_TO a graph Segment that is the segment: same name key as the
  segment's name, an alias or one of its ``industries``, or a Segment whose name
  contains one of the segment's keywords; Segments that BELONG_TO such a Segment
  (sub-industries) count too. This is how list rows (``segment`` column), the
  chainkg set's Shenwan industries and article findings place firms; or
* it is in no graph Segment at all (typically a firm known only from articles)
  and a sentence that evidences one of its SUPPLIES edges names one of the
  segment's products or keywords ("X supplies high-strength steel plate to Y" puts
  X in the steel segment); this needs the store's evidence; or
* its ``products`` property (a string or a list) contains one of the segment's
  products or keywords (case-folded; Chinese words match anywhere, Latin words only
  as whole words, plural -s/-es allowed: ``engine`` matches "diesel engines" but
  not "engineering").

A firm may sit in several segments. Each placement records why, e.g.
``segment:工程机械整机`` or ``products:液压``.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> g = nx.MultiDiGraph()
>>> g.add_node("segment:pumps", label="Segment", name="Pumps")
>>> g.add_node("f1", label="Firm", name="A")
>>> g.add_node("f2", label="Firm", name="B", products="hydraulic cylinders; valves")
>>> _ = g.add_edge("f1", "segment:pumps", key="BELONGS_TO", type="BELONGS_TO")
>>> chain = chain_from_dict({"name": "toy", "segments": [{"name": "hydraulics", "stage": "upstream",
...     "industries": ["pumps"], "keywords": ["Hydraulic"]}]})
>>> place_firms(g, chain)["hydraulics"]
{'f1': 'segment:Pumps', 'f2': 'products:hydraulic'}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from chaingraph.adjacency import in_edges_by_node, node_attributes, out_edges_by_node
from chaingraph.analytics.chains import Chain
from chaingraph.identity import fold, name_key
from chaingraph.model import Evidence, Label, RelType

BELONGS_TO = RelType.BELONGS_TO.value
SUPPLIES = RelType.SUPPLIES.value
FIRM = Label.FIRM.value
SEGMENT = Label.SEGMENT.value


def _word_regex(word: str) -> str:
    """Return the regex matching folded ``word``: anywhere for Chinese, as a whole
    word (with an optional plural ending) for Latin text."""
    if re.fullmatch(r"[a-z0-9 .+/&'-]+", word):
        return rf"(?<![a-z0-9]){re.escape(word)}(?:s|es)?(?![a-z0-9])"
    return re.escape(word)


def keyword_matcher(words: list[str]) -> Callable[[str], list[str]]:
    """Return a function giving the ``words`` (folded, each once, longest first at
    a position) found in a folded text.

    >>> find = keyword_matcher(["engine", "液压"])
    >>> find("diesel engines; 液压泵; engineering")
    ['engine', '液压']
    """
    ordered = sorted({fold(w) for w in words if w.strip()}, key=len, reverse=True)
    if not ordered:
        return lambda text: []
    pattern = re.compile("|".join(f"({_word_regex(w)})" for w in ordered))

    def find(text: str) -> list[str]:
        return list(dict.fromkeys(ordered[m.lastindex - 1] for m in pattern.finditer(text)))

    return find


@dataclass(frozen=True)
class SegmentIndex:
    """What placing firms reads from a graph, in one pass over its nodes: the
    Segment nodes with their names (as given, by name key and folded), the firms
    with a folded ``products`` text, and the suppliers in no Segment (the firms
    article sentences may place)."""

    segments: dict[str, str]
    segment_keys: dict[str, str]
    segment_folded: dict[str, str]
    products: list[tuple[str, str]]
    unsegmented_suppliers: list[str]

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> "SegmentIndex":
        """Return the index of ``graph``."""
        segments: dict[str, str] = {}
        products: list[tuple[str, str]] = []
        unsegmented: list[str] = []
        nodes, out_edges = node_attributes(graph), out_edges_by_node(graph)
        for node, attrs in nodes.items():
            label = attrs.get("label")
            if label == SEGMENT:
                segments[node] = str(attrs.get("name", node))
            elif label == FIRM:
                value = attrs.get("products")
                if value:
                    text = "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
                    products.append((node, fold(text)))
                succ = out_edges[node]
                if not any(BELONGS_TO in e and nodes[d].get("label") == SEGMENT for d, e in succ.items()) and any(
                        SUPPLIES in e for e in succ.values()):
                    unsegmented.append(node)
        return cls(segments, {n: name_key(s) for n, s in segments.items()},
                   {n: fold(s) for n, s in segments.items()}, products, unsegmented)


def _sub_segments(graph: nx.MultiDiGraph, roots: set[str]) -> dict[str, str]:
    """Return every Segment under ``roots`` over Segment -BELONGS_TO-> Segment
    edges, mapped to the root it hangs from (roots map to themselves)."""
    out = {r: r for r in roots}
    frontier = list(sorted(roots))
    nodes = graph.nodes
    while frontier:
        nxt = []
        for parent in frontier:
            for child, edges in graph.pred[parent].items():
                if BELONGS_TO in edges and nodes[child].get("label") == SEGMENT and child not in out:
                    out[child] = out[parent]
                    nxt.append(child)
        frontier = nxt
    return out


def segment_nodes(graph: nx.MultiDiGraph, chain: Chain,
                  index: SegmentIndex | None = None) -> dict[str, dict[str, str]]:
    """Return, for every segment of ``chain``, the graph Segment ids that stand for
    it (with their sub-segments), each mapped to the graph Segment it matched.
    ``index`` is :meth:`SegmentIndex.of` ``graph`` when already made."""
    index = index or SegmentIndex.of(graph)
    out: dict[str, dict[str, str]] = {}
    for seg in chain.segments:
        keys = {name_key(n) for n in seg.names()}
        find = keyword_matcher(seg.keywords)
        roots = {n for n in seg.node_ids if n in graph}
        roots |= {n for n, k in index.segment_keys.items() if k in keys}
        roots |= {n for n, f in index.segment_folded.items() if find(f)}
        out[seg.name] = _sub_segments(graph, roots)
    return out


def place_firms(graph: nx.MultiDiGraph, chain: Chain,
                evidence: Callable[[str], list[Evidence]] | None = None,
                index: SegmentIndex | None = None) -> dict[str, dict[str, str]]:
    """Return, for every segment of ``chain`` (by name, in chain order), the firms
    placed in it mapped to the reason (see the module docstring). Firms placed
    through their segment come before those placed by products, and those before
    those placed by article sentences (only when ``evidence``, a lookup from an edge
    key to its evidence such as :meth:`chaingraph.store.Store.evidence`, is given).
    ``index`` is :meth:`SegmentIndex.of` ``graph`` when already made."""
    index = index or SegmentIndex.of(graph)
    placed: dict[str, dict[str, str]] = {seg.name: {} for seg in chain.segments}
    nodes_attrs, in_edges = node_attributes(graph), in_edges_by_node(graph)
    for seg_name, nodes in segment_nodes(graph, chain, index).items():
        bucket = placed[seg_name]
        for node, root in sorted(nodes.items()):
            why = f"segment:{index.segments.get(root, root)}"
            for firm, edges in in_edges[node].items():
                if BELONGS_TO in edges and nodes_attrs[firm].get("label") == FIRM and firm not in bucket:
                    bucket[firm] = why
    words: dict[str, list[str]] = {}
    for seg in chain.segments:
        for word in (*seg.products, *seg.keywords):
            if word.strip():
                words.setdefault(fold(word), []).append(seg.name)
    if words and index.products:
        find = keyword_matcher(list(words))
        for firm, text in index.products:
            for word in find(text):
                for seg_name in words[word]:
                    placed[seg_name].setdefault(firm, f"products:{word}")
    if words and evidence is not None:
        _place_from_articles(graph, index.unsegmented_suppliers, words, placed, evidence)
    return placed


def _place_from_articles(graph: nx.MultiDiGraph, firms: list[str], words: dict[str, list[str]],
                         placed: dict[str, dict[str, str]], evidence: Callable[[str], list[Evidence]]) -> None:
    """Place each of ``firms`` (suppliers in no graph Segment) not yet in the chain
    by the sentences that evidence its SUPPLIES edges: a product or keyword of a
    segment in such a sentence puts the supplier in that segment."""
    already = set().union(*(set(b) for b in placed.values()))
    find = keyword_matcher(list(words))
    for firm in firms:
        if firm in already:
            continue
        for customer, edges in out_edges_by_node(graph)[firm].items():
            if SUPPLIES not in edges:
                continue
            for ev in evidence(f"{firm}|{SUPPLIES}|{customer}"):
                if not ev.sentence:
                    continue
                for word in find(fold(ev.sentence)):
                    for seg_name in words[word]:
                        placed[seg_name].setdefault(firm, f"article:{word}")
