"""Chains: ordered segments with their stage, what identifies them, and which
segment supplies which.

A chain comes from one of three places, tried in this order by :func:`resolve_chain`:

1. a **template** file in ``data/chains/`` (or a directory given by the user or by
   ``$CHAINGRAPH_CHAINS``), matched by its name or an alias;
2. a **Chain node** of the graph: its segments are the Segment nodes that BELONG_TO
   it (stage and order from their properties), linked by Segment SUPPLIES edges;
3. a **Segment node** of the graph (e.g. a Shenwan industry): the chain is that
   segment and every segment upstream of it over Segment SUPPLIES edges, ``depth``
   hops deep (default 1: Shenwan upstream links fan out fast; from 工程机械整机 one
   hop reaches 8 segments, two 86, three 224); the named segment is midstream, the
   rest upstream.

Template format (TOML, one file a chain)::

    name = "工程机械"                      # the chain's name
    aliases = ["construction machinery"]   # other names it is found by
    description = "…"

    [[segments]]                           # in chain order, upstream first
    name = "液压件"
    aliases = ["hydraulic components"]
    stage = "upstream"                     # upstream | midstream | downstream
    weight = 1.0                           # importance in the chain, 0..1 (default 1)
    industries = ["工程机械器件"]          # graph Segment names that ARE this segment
    products = ["液压油缸", "液压泵"]      # what it makes (matched against firm products)
    keywords = ["液压", "hydraulic"]       # more words that place a firm here
    supplies = ["工程机械整机"]            # segments of this chain it supplies

>>> chain = chain_from_dict({"name": "Toy", "segments": [
...     {"name": "ore", "stage": "upstream", "supplies": ["metal"]},
...     {"name": "metal", "stage": "midstream", "keywords": ["ingot"]}]}, "toy.toml")
>>> [s.name for s in chain.segments], chain.links()
(['ore', 'metal'], [('ore', 'metal')])
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from chaingraph.errors import InputError, NotFoundError
from chaingraph.identity import name_key
from chaingraph.model import Label, RelType, Stage

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The templates shipped with chaingraph.
DEFAULT_CHAINS_DIR = Path(str(resources.files("chaingraph.chains")))
STAGES = tuple(s.value for s in Stage)
SUPPLIES = RelType.SUPPLIES.value
BELONGS_TO = RelType.BELONGS_TO.value


@dataclass
class ChainSegment:
    """One segment of a chain: its ``name``, ``stage``, position ``order`` (1 =
    furthest upstream), ``weight`` in the chain (0..1) and what identifies its firms:
    graph Segment names (``industries``), ``products`` and ``keywords``. ``supplies``
    names the segments of the same chain it supplies; ``node_ids`` the graph Segment
    nodes it stands for (filled by :func:`chain_from_graph`)."""

    name: str
    stage: Stage
    order: int
    weight: float = 1.0
    aliases: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    supplies: list[str] = field(default_factory=list)
    node_ids: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Return every name a graph Segment may have to be this segment: the name,
        the aliases and the industries."""
        return [self.name, *self.aliases, *self.industries]


class ChainOrigin(str, Enum):
    """What a chain was made from (see the module docstring)."""

    TEMPLATE = "template"
    CHAIN_NODE = "chain node"
    SEGMENT_NODE = "segment node"

    def __str__(self) -> str:
        return self.value


@dataclass
class Chain:
    """A chain: its ``name``, ``segments`` in order, what it was made from
    (``origin``) and where (``source``: the template's path, or the graph node's
    id), and other names."""

    name: str
    segments: list[ChainSegment]
    source: str = ""
    origin: ChainOrigin = ChainOrigin.TEMPLATE
    aliases: list[str] = field(default_factory=list)
    description: str = ""

    def segment(self, name: str) -> ChainSegment:
        """Return the segment called ``name`` (or with that alias), or raise
        :class:`NotFoundError`."""
        key = name_key(name)
        for seg in self.segments:
            if key in {name_key(n) for n in (seg.name, *seg.aliases)}:
                return seg
        raise NotFoundError(f"chain {self.name!r} has no segment {name!r}")

    def links(self) -> list[tuple[str, str]]:
        """Return ``(supplier segment, customer segment)`` name pairs in chain order."""
        return [(s.name, t) for s in self.segments for t in s.supplies]


def _str_list(value: Any, what: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{what} must be a list of strings", where)
    return [v.strip() for v in value if v.strip()]


def chain_from_dict(data: dict[str, Any], where: str = "<template>") -> Chain:
    """Return the :class:`Chain` a parsed template describes; raise
    :class:`InputError` naming ``where`` when a field is missing or wrong."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError("a chain template needs a 'name'", where)
    raw = data.get("segments")
    if not isinstance(raw, list) or not raw:
        raise InputError("a chain template needs at least one [[segments]] table", where)
    segments: list[ChainSegment] = []
    seen: dict[str, str] = {}
    for order, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise InputError(f"segment {order} has no 'name'", where)
        seg_name = str(item["name"]).strip()
        stage = str(item.get("stage", "")).strip().lower()
        if stage not in STAGES:
            raise InputError(f"segment {seg_name!r}: stage must be one of {', '.join(STAGES)}, not {stage!r}", where)
        try:
            weight = float(item.get("weight", 1.0))
        except (TypeError, ValueError):
            raise InputError(f"segment {seg_name!r}: weight must be a number", where) from None
        if not 0 <= weight <= 1:
            raise InputError(f"segment {seg_name!r}: weight must be between 0 and 1", where)
        seg = ChainSegment(
            name=seg_name, stage=Stage(stage), order=order, weight=weight,
            aliases=_str_list(item.get("aliases"), f"segment {seg_name!r}: aliases", where),
            industries=_str_list(item.get("industries"), f"segment {seg_name!r}: industries", where),
            products=_str_list(item.get("products"), f"segment {seg_name!r}: products", where),
            keywords=_str_list(item.get("keywords"), f"segment {seg_name!r}: keywords", where),
            supplies=_str_list(item.get("supplies"), f"segment {seg_name!r}: supplies", where))
        for n in (seg.name, *seg.aliases):
            if name_key(n) in seen:
                raise InputError(f"segment name {n!r} is used twice", where)
            seen[name_key(n)] = seg.name
        segments.append(seg)
    for seg in segments:
        resolved = []
        for target in seg.supplies:
            if name_key(target) not in seen:
                raise InputError(f"segment {seg.name!r} supplies {target!r}, which is not a segment of this chain", where)
            resolved.append(seen[name_key(target)])
        seg.supplies = resolved
    return Chain(name=name.strip(), segments=segments, source=where,
                 aliases=_str_list(data.get("aliases"), "aliases", where),
                 description=str(data.get("description", "")))


def load_chain(path: str | Path) -> Chain:
    """Read one chain template (TOML) and return its :class:`Chain`; raise
    :class:`InputError` naming the file (and line, for TOML syntax errors)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise InputError(f"cannot read chain template ({exc.strerror})", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", str(path)) from None
    return chain_from_dict(data, str(path))


def template_dirs(extra: Iterable[str | Path] = ()) -> list[Path]:
    """Return the directories searched for templates: ``extra`` first, then those in
    ``$CHAINGRAPH_CHAINS`` (separated by the path separator), then the shipped ones.
    Raise :class:`InputError` when one of ``extra`` (the user's ``--chains``) is not
    a directory, rather than answer without the templates it was meant to add."""
    dirs = [Path(d) for d in extra]
    for directory in dirs:
        if not directory.is_dir():
            hint = "; give the directory that holds it" if directory.suffix == ".toml" else ""
            raise InputError(f"not a directory of chain templates{hint}", str(directory))
    dirs += [Path(d) for d in os.environ.get("CHAINGRAPH_CHAINS", "").split(os.pathsep) if d]
    dirs.append(DEFAULT_CHAINS_DIR)
    return dirs


def load_templates(dirs: Iterable[str | Path] = ()) -> list[Chain]:
    """Return every chain template (``*.toml``) in :func:`template_dirs`, earlier
    directories first. A template whose name is already taken is left out."""
    chains: list[Chain] = []
    taken: set[str] = set()
    for directory in template_dirs(dirs):
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            chain = load_chain(path)
            if name_key(chain.name) not in taken:
                taken.add(name_key(chain.name))
                chains.append(chain)
    return chains


def find_template(name: str, dirs: Iterable[str | Path] = ()) -> Chain | None:
    """Return the template named ``name`` (name, alias or file stem, any case or
    legal form), or None."""
    key = name_key(name)
    for chain in load_templates(dirs):
        stem = Path(chain.source).stem
        if key in {name_key(n) for n in (chain.name, *chain.aliases, stem, stem.replace("_", " "))}:
            return chain
    return None


def _nodes_named(graph: nx.MultiDiGraph, name: str, label: Label) -> list[str]:
    """Return the ids of ``label`` nodes whose id, name or alias has ``name``'s key."""
    key = name_key(name)
    found = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != label.value:
            continue
        names = [attrs.get("name", ""), *attrs.get("aliases", [])]
        if node == name or any(name_key(str(n)) == key for n in names if n):
            found.append(node)
    return sorted(found)


def _supplies_pred(graph: nx.MultiDiGraph, node: str) -> list[tuple[str, float]]:
    out = []
    for src, edges in graph.pred[node].items():
        data = edges.get(SUPPLIES)
        if data is not None and graph.nodes[src].get("label") == Label.SEGMENT.value:
            out.append((src, float(data.get("weight", 1) or 1)))
    return sorted(out)


def chain_from_segment(graph: nx.MultiDiGraph, segment_id: str, depth: int | None = 1) -> Chain:
    """Return the chain of graph Segment ``segment_id`` and the Segment nodes
    upstream of it (over Segment SUPPLIES edges, at most ``depth`` hops; None or 0:
    no limit). The named segment is midstream with weight 1; an upstream segment's
    weight is the SUPPLIES edge ``weight`` (default 1) divided by the largest
    weight into the same customer, times its customer's weight (the best over
    paths), so a chain of minor inputs fades."""
    attrs = graph.nodes[segment_id]
    weights: dict[str, float] = {segment_id: 1.0}
    hops: dict[str, int] = {segment_id: 0}
    supplies: dict[str, set[str]] = {}
    frontier = [segment_id]
    level = 0
    while frontier and (not depth or level < depth):
        level += 1
        nxt = []
        for customer in frontier:
            preds = _supplies_pred(graph, customer)
            top = max((w for _, w in preds), default=1.0) or 1.0
            for src, w in preds:
                supplies.setdefault(src, set()).add(customer)
                share = weights[customer] * w / top
                if src not in hops:
                    hops[src] = level
                    nxt.append(src)
                if share > weights.get(src, 0):
                    weights[src] = share
        frontier = nxt
    ordered = sorted(hops, key=lambda n: (-hops[n], -weights[n], graph.nodes[n].get("name", n)))
    names = {n: str(graph.nodes[n].get("name", n)) for n in ordered}
    segments = []
    for order, node in enumerate(ordered, start=1):
        segments.append(ChainSegment(
            name=names[node], stage=Stage.MIDSTREAM if node == segment_id else Stage.UPSTREAM, order=order,
            weight=round(weights[node], 3), industries=[names[node]], node_ids=[node],
            supplies=sorted(names[c] for c in supplies.get(node, ()) if c in hops)))
    return Chain(name=str(attrs.get("name", segment_id)), segments=segments, source=segment_id,
                 origin=ChainOrigin.SEGMENT_NODE)


def chain_from_chain_node(graph: nx.MultiDiGraph, chain_id: str) -> Chain:
    """Return the chain a graph Chain node declares: the Segment nodes that
    BELONG_TO it, ordered by their ``order`` property then name, with their
    ``stage`` (default midstream) and the Segment SUPPLIES edges among them."""
    members = [src for src, edges in graph.pred[chain_id].items()
               if BELONGS_TO in edges and graph.nodes[src].get("label") == Label.SEGMENT.value]
    if not members:
        raise NotFoundError(f"chain {graph.nodes[chain_id].get('name', chain_id)!r} has no segments in the graph")

    def sort_key(node: str) -> tuple:
        order = graph.nodes[node].get("order")
        return (order if isinstance(order, (int, float)) else 1e9, str(graph.nodes[node].get("name", node)))

    members.sort(key=sort_key)
    inside = set(members)
    segments = []
    for order, node in enumerate(members, start=1):
        attrs = graph.nodes[node]
        stage = str(attrs.get("stage") or "midstream").lower()
        customers = sorted(str(graph.nodes[c].get("name", c)) for c, e in graph.succ[node].items()
                           if SUPPLIES in e and c in inside)
        segments.append(ChainSegment(name=str(attrs.get("name", node)), stage=Stage(stage) if stage in STAGES else Stage.MIDSTREAM,
                                     order=order, industries=[str(attrs.get("name", node))], node_ids=[node],
                                     supplies=customers))
    return Chain(name=str(graph.nodes[chain_id].get("name", chain_id)), segments=segments, source=chain_id,
                 origin=ChainOrigin.CHAIN_NODE)


def describe_chain(chain: Chain) -> str:
    """Return what a resolved chain is, in one line, so answers about "the same"
    chain read differently can be told apart: a template (its file), a Chain node of
    the graph, or a Segment with its upstream.

    >>> describe_chain(Chain(name="x", segments=[], source="chain:x", origin=ChainOrigin.CHAIN_NODE))
    'x: the Chain node of the graph, firms by their stated segments (as the named queries read them)'
    """
    if chain.origin is ChainOrigin.CHAIN_NODE:
        return f"{chain.name}: the Chain node of the graph, firms by their stated segments (as the named queries read them)"
    if chain.origin is ChainOrigin.SEGMENT_NODE:
        return (f"{chain.name}: a graph Segment and the segments upstream of it ({len(chain.segments)} in all), "
                "not a chain template")
    return (f"{chain.name}: the chain template {Path(chain.source).name}, firms placed by stated segments, "
            "products and article sentences")


def resolve_chain(graph: nx.MultiDiGraph, name: str | Chain, *, depth: int | None = 1,
                  dirs: Iterable[str | Path] = ()) -> Chain:
    """Return the chain ``name`` means: a template (searched in ``dirs`` and the
    default places), else a graph Chain node, else a graph Segment node with
    everything ``depth`` hops upstream of it. A :class:`Chain` is returned as it is.
    Raises :class:`NotFoundError` listing the templates when nothing matches."""
    if isinstance(name, Chain):
        return name
    template = find_template(name, dirs)
    if template is not None:
        return template
    for label, build in ((Label.CHAIN, lambda n: chain_from_chain_node(graph, n)),
                         (Label.SEGMENT, lambda n: chain_from_segment(graph, n, depth))):
        ids = _nodes_named(graph, name, label)
        if len(ids) == 1:
            return build(ids[0])
        if len(ids) > 1:
            raise NotFoundError(f"{name!r} names several {label.value} nodes: {', '.join(ids[:5])}")
    from chaingraph.analytics.regions import suggest

    templates = load_templates(dirs)
    known = ", ".join(c.name for c in templates) or "none"
    pool = [n for c in templates for n in (c.name, *c.aliases)]
    pool += [str(a.get("name")) for _, a in graph.nodes(data=True)
             if a.get("label") in (Label.CHAIN.value, Label.SEGMENT.value)]
    raise NotFoundError(f"no chain template, chain or segment named {name!r} (templates: {known})"
                        + suggest(name, pool))
