"""The graph as the analytics read it: a networkx graph taken once (from a store, the
Neo4j reader or made by hand), where each firm is, and, for one chain, which of
the chain's segments each firm is in. ``find_gaps``, ``compare_regions``,
``key_firms``, maps and reports all take one :class:`PlacedGraph`; the caller
reads the store and builds it, the analytics only compute.

The chain is chosen here (:func:`chaingraph.analytics.chains.resolve_chain`) and so
is a region (:meth:`PlacedGraph.region`, with the store's aliases and the user's own
regions): every command finds them the same way.

>>> import networkx as nx
>>> from chaingraph.analytics.chains import chain_from_dict
>>> g = nx.MultiDiGraph()
>>> g.add_node("f", label="Firm", name="F", province="湖南", products="ore")
>>> chain = chain_from_dict({"name": "toy", "segments": [
...     {"name": "ore", "stage": "upstream", "keywords": ["ore"]}]})
>>> placed = PlacedGraph.from_graph(g, chain)
>>> placed.placed["ore"], placed.locations["f"].province.name
({'f': 'products:ore'}, '湖南')
>>> sorted(placed.firms_in(placed.region("Hunan")))
['f']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from chaingraph.analytics.chains import Chain, resolve_chain
from chaingraph.analytics.graphsource import graph_evidence, graph_source_name, store_source_name
from chaingraph.analytics.placement import SegmentIndex, place_firms, segment_nodes
from chaingraph.analytics.places import Location, firm_counties, firm_locations
from chaingraph.analytics.regions import Region, RegionDef, resolve_region
from chaingraph.model import Evidence

if TYPE_CHECKING:
    from chaingraph.store import Store


@dataclass(frozen=True)
class PlacedGraph:
    """A graph with its firms placed: ``graph`` (a MultiDiGraph shaped like
    ``Store.to_networkx()``), the ``chain`` asked about (None for maps without one)
    and ``placed``, segment name -> {firm id: why it is there} in chain order (see
    :mod:`chaingraph.analytics.placement`), with ``segment_nodes``, segment name ->
    the graph Segments standing for it. ``evidence`` looks up a node's or an edge's
    (``src|TYPE|dst``) evidence, ``source_name`` a Source node's file name,
    ``aliases`` the node ids a name or alias names (None without a store);
    ``regions`` are the user's own regions, looked at first by :meth:`region`.

    Build it with :meth:`from_store` or :meth:`from_graph`; ``locations`` and
    ``counties`` are computed from the graph on first use and then kept. Evidence
    is looked up when asked for (reading it all would cost more than the analysis),
    so a store it was built from stays open while it is used.
    """

    graph: nx.MultiDiGraph
    chain: Chain | None = None
    placed: dict[str, dict[str, str]] = field(default_factory=dict)
    segment_nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    evidence: Callable[[str], list[Evidence]] = field(default=lambda owner: [], repr=False)
    source_name: Callable[[str], str] = field(default=str, repr=False)
    aliases: Callable[[str], list[str]] | None = field(default=None, repr=False)
    regions: tuple[RegionDef, ...] = ()

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph, chain: str | Chain | None = None, *, depth: int | None = 1,
                   chains_dirs: Iterable[str | Path] = (), regions: Iterable[RegionDef] = (),
                   evidence: Callable[[str], list[Evidence]] | None = None,
                   source_name: Callable[[str], str] | None = None,
                   aliases: Callable[[str], list[str]] | None = None) -> PlacedGraph:
        """Return ``graph`` with its firms placed in ``chain`` (a :class:`Chain`, or a
        template, chain or segment name resolved by
        :func:`~chaingraph.analytics.chains.resolve_chain` with ``depth`` and
        ``chains_dirs``; None: no chain). ``evidence`` defaults to the evidence kept
        on the graph's nodes (:func:`~chaingraph.analytics.graphsource.graph_evidence`), ``source_name`` to the
        Source node's ``name`` in the graph. Raises :class:`NotFoundError` for an
        unknown chain."""
        lookup = evidence or graph_evidence(graph)
        found = None if chain is None else resolve_chain(graph, chain, depth=depth, dirs=chains_dirs)
        placed: dict[str, dict[str, str]] = {}
        nodes: dict[str, dict[str, str]] = {}
        if found is not None:
            index = SegmentIndex.of(graph)
            placed = place_firms(graph, found, lookup, index)
            nodes = segment_nodes(graph, found, index)
        return cls(graph, found, placed, nodes, lookup, source_name or graph_source_name(graph), aliases,
                   tuple(regions))

    @classmethod
    def from_store(cls, store: Store, chain: str | Chain | None = None, *, depth: int | None = 1,
                   chains_dirs: Iterable[str | Path] = (), regions: Iterable[RegionDef] = (),
                   graph: nx.MultiDiGraph | None = None) -> PlacedGraph:
        """Read ``store`` once (``store.to_networkx()``, or the part of it given as
        ``graph``) and return it placed as :meth:`from_graph` does, with the store's
        evidence, Source names and alias index."""
        return cls.from_graph(store.to_networkx() if graph is None else graph, chain, depth=depth,
                              chains_dirs=chains_dirs, regions=regions, evidence=store.evidence,
                              source_name=store_source_name(store),
                              aliases=lambda name: [n.id for n in store.find_nodes(name)])

    @cached_property
    def locations(self) -> dict[str, Location]:
        """Firm id -> :class:`~chaingraph.analytics.places.Location`, for every firm whose place is known."""
        return firm_locations(self.graph)

    @cached_property
    def counties(self) -> dict[str, str]:
        """Firm id -> county key, for every firm whose county is known."""
        return firm_counties(self.graph)

    @cached_property
    def chain_firms(self) -> set[str]:
        """The ids of the firms placed in any segment of the chain."""
        return set().union(*self.placed.values()) if self.placed else set()

    def region(self, region: str | Region, extra: Iterable[RegionDef] = ()) -> Region:
        """Return the :class:`Region` ``region`` names (a :class:`Region` is returned
        as it is): the user's ``regions`` and ``extra`` first, then as
        :func:`~chaingraph.analytics.regions.resolve_region` finds it, with the
        store's aliases. Raises :class:`NotFoundError` with suggestions."""
        if isinstance(region, Region):
            return region
        return resolve_region(self.graph, region, self.aliases, (*self.regions, *extra), self.locations)

    def firms_in(self, region: Region) -> set[str]:
        """Return the ids of the firms of the graph that lie in ``region``."""
        return region.firms(self.locations, self.counties if region.counties else {})
