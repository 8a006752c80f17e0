"""Places: where a firm is, as canonical provinces, cities and counties.

Place names are made canonical with the gazetteer of Chinese provinces and
prefecture-level cities (:mod:`chaingraph.gazetteer`: full name, short name and
pinyin), so ``Hunan``, ``湖南`` and ``湖南省`` are one province and ``Changsha`` and
``长沙市`` one city. A name the gazetteer does not know keys by
:func:`chaingraph.identity.place_key`. A firm's place comes from its ``city`` and
``province`` properties and its LOCATED_IN edges (Firm -> City -> Province); a city
without a province gets the gazetteer's; a firm with neither gets the place its
registered name begins with, if any (marked ``inferred``). Which firms a region
holds is :mod:`chaingraph.analytics.regions`.

>>> canonical_place("Hunan Province")
Place(kind=<PlaceKind.PROVINCE: 'province'>, key='430000', name='湖南', province='430000')
>>> canonical_place("长沙市").province
'430000'
>>> g = nx.MultiDiGraph()
>>> g.add_node("f", label="Firm", name="F", city="Changsha")
>>> loc = firm_locations(g)["f"]
>>> loc.city.name, loc.province.name
('长沙', '湖南')
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from enum import Enum

import networkx as nx

from chaingraph.adjacency import node_attributes, out_edges_by_node
from chaingraph import gazetteer as gz
from chaingraph.identity import place_key
from chaingraph.model import Label, RelType

LOCATED_IN = RelType.LOCATED_IN.value
FIRM = Label.FIRM.value


class PlaceKind(str, Enum):
    """What a canonical place is: a province (or a municipality like 北京) or a
    prefecture-level city (the gazetteer's levels above the county)."""

    PROVINCE = "province"
    CITY = "city"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Place:
    """A canonical place: ``kind`` (province or city), ``key`` (its administrative
    code, or the place key of an unknown name), display ``name`` and the key of its
    ``province`` (itself for a province; None when unknown)."""

    kind: PlaceKind
    key: str
    name: str
    province: str | None


def _place(p: "gz.Place") -> Place:
    return Place(PlaceKind(p.level), p.code, p.short or p.name, p.province_code or None)


def distance_km(a: str | None, b: str | None) -> float | None:
    """Return the great-circle distance in km between two places given by key
    (gazetteer code), or None when either is unknown.

    >>> round(distance_km("430100", "430200"))  # Changsha to Zhuzhou
    48
    """
    by_code = gz.gazetteer().by_code
    pa, pb = by_code.get(a or ""), by_code.get(b or "")
    if pa is None or pb is None or None in (pa.lng, pa.lat, pb.lng, pb.lat):
        return None
    (lng1, lat1), (lng2, lat2) = (pa.lng, pa.lat), (pb.lng, pb.lat)
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def places_named(name: str) -> list[Place]:
    """Return the gazetteer's provinces and cities called ``name`` (Chinese full or
    short name, or pinyin), provinces first."""
    found = {p.code: _place(p) for p in gz.gazetteer().lookup(name, tuple(k.value for k in PlaceKind))}
    return sorted(found.values(), key=lambda p: (p.kind is not PlaceKind.PROVINCE, p.key))


@functools.lru_cache(maxsize=65536)
def canonical_place(name: str, kind: PlaceKind | None = None, province: str | None = None) -> Place:
    """Return the canonical :class:`Place` for ``name``, preferring ``kind``
    and, among same-named cities, the one in ``province``
    (a province key). Unknown names give a place keyed by their place key."""
    found = places_named(name)
    if kind:
        found = [p for p in found if p.kind is kind] or found
    if province and len(found) > 1:
        found = [p for p in found if p.province == province] or found
    if found:
        return found[0]
    key = place_key(name)
    return Place(kind or PlaceKind.CITY, f"name:{key}", name.strip(),
                 f"name:{key}" if kind is PlaceKind.PROVINCE else None)


@dataclass
class Location:
    """Where a firm is: its city and province as canonical places (None when not
    known); ``inferred`` when read from the start of its registered name (湖南华菱…)."""

    city: Place | None = None
    province: Place | None = None
    inferred: bool = False


def node_place(graph: nx.MultiDiGraph, node: str) -> Place | None:
    """Return the canonical place of a Province or City node of ``graph`` (a city's
    province from its ``province`` property or LOCATED_IN edge), else None."""
    attrs = graph.nodes[node]
    label = attrs.get("label")
    name = str(attrs.get("name") or node.split(":", 1)[-1])
    if label == Label.PROVINCE.value:
        return canonical_place(name, PlaceKind.PROVINCE)
    if label == Label.CITY.value:
        prov = attrs.get("province")
        for dst, edges in graph.succ[node].items():
            if LOCATED_IN in edges and graph.nodes[dst].get("label") == Label.PROVINCE.value:
                prov = prov or graph.nodes[dst].get("name")
        prov_key = canonical_place(str(prov), PlaceKind.PROVINCE).key if prov else None
        return canonical_place(name, PlaceKind.CITY, prov_key)
    return None


def firm_locations(graph: nx.MultiDiGraph) -> dict[str, Location]:
    """Return the :class:`Location` of every Firm of ``graph`` that has one, from
    its ``city``/``province`` properties and LOCATED_IN edges (computed once per
    graph by :class:`chaingraph.analytics.placed.PlacedGraph`)."""
    place_nodes: dict[str, Place | None] = {}
    out: dict[str, Location] = {}
    out_edges = out_edges_by_node(graph)
    for node, attrs in node_attributes(graph).items():
        if attrs.get("label") != FIRM:
            continue
        loc = Location()
        prov_name, city_name = attrs.get("province"), attrs.get("city")
        if prov_name:
            loc.province = canonical_place(str(prov_name), PlaceKind.PROVINCE)
        for dst, edges in out_edges[node].items():
            if LOCATED_IN not in edges:
                continue
            if dst not in place_nodes:
                place_nodes[dst] = node_place(graph, dst)
            place = place_nodes[dst]
            if place is None:
                continue
            if place.kind is PlaceKind.PROVINCE:
                loc.province = loc.province or place
            else:
                loc.city = loc.city or place
        if city_name and loc.city is None:
            loc.city = canonical_place(str(city_name), PlaceKind.CITY, loc.province.key if loc.province else None)
        if loc.province is None and loc.city is not None and loc.city.province:
            prov = gz.gazetteer().by_code.get(loc.city.province)
            loc.province = _place(prov) if prov else Place(PlaceKind.PROVINCE, loc.city.province, loc.city.province,
                                                          loc.city.province)
        if loc.city is None and loc.province is None:
            found = gz.gazetteer().leading_place(str(attrs.get("name", "")))
            if found:
                loc.city = _place(found.city) if found.city else None
                loc.province = _place(found.province) if found.province else None
                loc.inferred = True
        if loc.city or loc.province:
            out[node] = loc
    return out



_COUNTY_PROPS = ("county", "district")


def firm_counties(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return the county key (gazetteer code) of every Firm of ``graph`` whose
    ``county`` or ``district`` property, or ``address``, names one (computed once
    per graph by :class:`chaingraph.analytics.placed.PlacedGraph`)."""
    gazetteer = gz.gazetteer()
    out = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != FIRM:
            continue
        found = None
        for prop in _COUNTY_PROPS:
            if attrs.get(prop):
                hits = gazetteer.lookup(str(attrs[prop]), ("county",))
                found = hits[0] if len({h.code for h in hits}) == 1 else None
                if found:
                    break
        if found is None and attrs.get("address"):
            found = gazetteer.parse_address(str(attrs["address"])).county
        if found is not None:
            out[node] = found.code
    return out
