"""Regions: where firms are, and which firms a region (a province, a city or a
cluster, named in Chinese or English) holds.

Place names are made canonical with the gazetteer of Chinese provinces and
prefecture-level cities (:mod:`chaingraph.gazetteer`: full name, short name and
pinyin), so ``Hunan``, ``湖南`` and ``湖南省`` are one province and ``Changsha`` and
``长沙市`` one city. A name the gazetteer does not know keys by
:func:`chaingraph.identity.place_key`. A firm's place comes from its ``city`` and
``province`` properties and its LOCATED_IN edges (Firm -> City -> Province); a city
without a province gets the gazetteer's; a firm with neither gets the place its
registered name begins with, if any (marked ``inferred``).

>>> canonical_place("Hunan Province")
Place(kind='province', key='430000', name='湖南', province='430000')
>>> canonical_place("长沙市").province
'430000'
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from chaingraph import gazetteer as gz
from chaingraph.errors import NotFoundError
from chaingraph.analytics.graphsource import cache_stamp
from chaingraph.identity import fold, name_key, place_key
from chaingraph.model import Label, RelType

LOCATED_IN = RelType.LOCATED_IN.value
FIRM = Label.FIRM.value


@dataclass(frozen=True)
class Place:
    """A canonical place: ``kind`` (province or city), ``key`` (its administrative
    code, or the place key of an unknown name), display ``name`` and the key of its
    ``province`` (itself for a province; None when unknown)."""

    kind: str
    key: str
    name: str
    province: str | None


def _place(p: "gz.Place") -> Place:
    return Place(p.level, p.code, p.short or p.name, p.province_code or None)


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
    found = {p.code: _place(p) for p in gz.gazetteer().lookup(name, ("province", "city"))}
    return sorted(found.values(), key=lambda p: (p.kind != "province", p.key))


@functools.lru_cache(maxsize=65536)
def canonical_place(name: str, kind: str | None = None, province: str | None = None) -> Place:
    """Return the canonical :class:`Place` for ``name``, preferring ``kind``
    ("province" or "city") and, among same-named cities, the one in ``province``
    (a province key). Unknown names give a place keyed by their place key."""
    found = places_named(name)
    if kind:
        found = [p for p in found if p.kind == kind] or found
    if province and len(found) > 1:
        found = [p for p in found if p.province == province] or found
    if found:
        return found[0]
    key = place_key(name)
    return Place(kind or "city", f"name:{key}", name.strip(), f"name:{key}" if kind == "province" else None)


@dataclass
class Location:
    """Where a firm is: its city and province as canonical places (None when not
    known); ``inferred`` when read from the start of its registered name (湖南华菱…)."""

    city: Place | None = None
    province: Place | None = None
    inferred: bool = False


def _node_place(graph: nx.MultiDiGraph, node: str) -> Place | None:
    attrs = graph.nodes[node]
    label = attrs.get("label")
    name = str(attrs.get("name") or node.split(":", 1)[-1])
    if label == Label.PROVINCE.value:
        return canonical_place(name, "province")
    if label == Label.CITY.value:
        prov = attrs.get("province")
        for dst, edges in graph._succ[node].items():
            if LOCATED_IN in edges and graph.nodes[dst].get("label") == Label.PROVINCE.value:
                prov = prov or graph.nodes[dst].get("name")
        prov_key = canonical_place(str(prov), "province").key if prov else None
        return canonical_place(name, "city", prov_key)
    return None


def firm_locations(graph: nx.MultiDiGraph) -> dict[str, Location]:
    """Return the :class:`Location` of every Firm of ``graph`` that has one, from
    its ``city``/``province`` properties and LOCATED_IN edges. The result is cached
    on the graph (see :func:`chaingraph.analytics.graphsource.cache_stamp`)."""
    stamp = cache_stamp(graph)
    cached = graph.graph.get("_chaingraph_locations")
    if cached and cached[0] == stamp:
        return cached[1]
    place_nodes: dict[str, Place | None] = {}
    out: dict[str, Location] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != FIRM:
            continue
        loc = Location()
        prov_name, city_name = attrs.get("province"), attrs.get("city")
        if prov_name:
            loc.province = canonical_place(str(prov_name), "province")
        for dst, edges in graph._succ[node].items():
            if LOCATED_IN not in edges:
                continue
            if dst not in place_nodes:
                place_nodes[dst] = _node_place(graph, dst)
            place = place_nodes[dst]
            if place is None:
                continue
            if place.kind == "province":
                loc.province = loc.province or place
            else:
                loc.city = loc.city or place
        if city_name and loc.city is None:
            loc.city = canonical_place(str(city_name), "city", loc.province.key if loc.province else None)
        if loc.province is None and loc.city is not None and loc.city.province:
            prov = gz.gazetteer().by_code.get(loc.city.province)
            loc.province = _place(prov) if prov else Place("province", loc.city.province, loc.city.province,
                                                          loc.city.province)
        if loc.city is None and loc.province is None:
            found = gz.gazetteer().leading_place(str(attrs.get("name", "")))
            if found:
                loc.city = _place(found.city) if found.city else None
                loc.province = _place(found.province) if found.province else None
                loc.inferred = True
        if loc.city or loc.province:
            out[node] = loc
    graph.graph["_chaingraph_locations"] = (stamp, out)
    return out


@dataclass
class Region:
    """A region to ask about: ``kind`` (province, city or cluster), canonical
    ``name``, ``key`` (place key or cluster node id), the province keys it lies in
    (``provinces``, for nearness) and, for a cluster, its member firm ids."""

    query: str
    kind: str
    name: str
    key: str
    provinces: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)

    def contains(self, firm: str, location: Location | None) -> bool:
        """Return True when ``firm`` (with ``location``) lies in this region."""
        if self.kind == "cluster":
            return firm in self.members
        if location is None:
            return False
        place = location.province if self.kind == "province" else location.city
        return place is not None and place.key == self.key

    def firms(self, graph: nx.MultiDiGraph) -> set[str]:
        """Return the ids of the firms of ``graph`` in this region."""
        if self.kind == "cluster":
            return set(self.members)
        return {f for f, loc in firm_locations(graph).items() if self.contains(f, loc)}


_GROUP_LABELS = (Label.CLUSTER.value, Label.ALLIANCE.value)
_GROUP_TYPES = (RelType.BELONGS_TO.value, RelType.MEMBER_OF.value)


def group_members(graph: nx.MultiDiGraph, group: str) -> set[str]:
    """Return the Firm ids that BELONG_TO or are MEMBER_OF cluster/alliance ``group``."""
    return {src for src, edges in graph._pred[group].items()
            if graph.nodes[src].get("label") == FIRM and any(t in edges for t in _GROUP_TYPES)}


def resolve_region(graph: nx.MultiDiGraph, text: str,
                   aliases: Callable[[str], list[str]] | None = None) -> Region:
    """Return the :class:`Region` ``text`` names: a province or city (Chinese or
    English, with or without 省/市/Province/City) known to the gazetteer or present
    as a Province/City node, else a Cluster or Alliance node of ``graph`` by id or
    name, else one that ``aliases(text)`` (node ids, e.g. from the store's alias
    index) names. A province wins over a same-named city (吉林) unless the text says
    市/City. Raises :class:`NotFoundError`."""
    text = text.strip()
    if not text:
        raise NotFoundError("no region given")
    places = places_named(text)
    if not places:
        key = place_key(text)
        for node, attrs in graph.nodes(data=True):
            if attrs.get("label") in (Label.PROVINCE.value, Label.CITY.value) and (
                    place_key(str(attrs.get("name", ""))) == key or fold(str(attrs.get("name_en", ""))) == fold(text)):
                place = _node_place(graph, node)
                if place is not None:
                    places.append(place)
    if places:
        kinds = {p.kind for p in places}
        folded = fold(text)
        wanted = "city" if folded.endswith(("市", " city")) and "city" in kinds else (
            "province" if "province" in kinds else "city")
        chosen = [p for p in places if p.kind == wanted]
        if len({p.key for p in chosen}) > 1:
            shown = ", ".join(f"{p.name} ({p.key})" for p in chosen[:5])
            raise NotFoundError(f"region {text!r} is ambiguous: {shown}; use the Chinese name")
        place = chosen[0]
        return Region(text, place.kind, place.name, place.key, {place.province} if place.province else set())
    key = name_key(text)
    groups = sorted(n for n, a in graph.nodes(data=True)
                    if a.get("label") in _GROUP_LABELS and (n == text or name_key(str(a.get("name", ""))) == key))
    if not groups and aliases is not None:
        groups = sorted(n for n in aliases(text) if n in graph and graph.nodes[n].get("label") in _GROUP_LABELS)
    if not groups:
        raise NotFoundError(f"no province, city or cluster named {text!r}")
    group = groups[0]
    members = group_members(graph, group)
    locations = firm_locations(graph)
    provinces = {locations[m].province.key for m in members if m in locations and locations[m].province}
    return Region(text, "cluster", str(graph.nodes[group].get("name", group)), group, provinces, members)
