"""Regions: where firms are, and which firms a region holds.

A region is a set of places, named as planners name it: a province, city or county
(Chinese or English), a city group (长株潭, 长三角, 粤港澳大湾区 …, shipped in
``chaingraph/data/city_groups.toml``), the places of a cluster's or an alliance's
member firms, or a region of the user's own from a TOML file of the same form
(:func:`load_regions`). A firm is in the region when its province, city or county is
one of the region's; "outside" means outside that set.

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
>>> czt = resolve_region(nx.MultiDiGraph(), "Changsha-Zhuzhou-Xiangtan")
>>> (str(czt.kind), czt.name, sorted(czt.cities))
('group', '长株潭', ['430100', '430200', '430300'])
"""

from __future__ import annotations

import difflib
import functools
import math
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import networkx as nx

from chaingraph import gazetteer as gz
from chaingraph.errors import InputError, NotFoundError
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


class RegionKind(str, Enum):
    """What a region is: the closed set of kinds :func:`resolve_region` returns."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    GROUP = "group"
    CLUSTER = "cluster"
    ALLIANCE = "alliance"
    CUSTOM = "custom"

    def __str__(self) -> str:
        return self.value


@dataclass
class Region:
    """A region to ask about: a set of places. ``kind`` (:class:`RegionKind`),
    display ``name``, ``key`` (a place key, group name or cluster node id); the
    places it is made of: ``whole_provinces``, ``cities`` and ``counties`` (keys);
    ``provinces``, the province keys it lies in (for nearness); ``anchor``, a place
    key to measure distances from; and, for a cluster or alliance, its member firm
    ids (``members``: the region is their places)."""

    query: str
    kind: RegionKind
    name: str
    key: str
    provinces: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    whole_provinces: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    counties: set[str] = field(default_factory=set)
    anchor: str | None = None

    def contains(self, firm: str, location: Location | None, county: str | None = None) -> bool:
        """Return True when ``firm`` (with ``location`` and, when known, the key of
        its ``county``) lies in one of this region's places."""
        if location is None:
            return False
        if location.province is not None and location.province.key in self.whole_provinces:
            return True
        if location.city is not None and location.city.key in self.cities:
            return True
        return county is not None and county in self.counties

    def firms(self, graph: nx.MultiDiGraph) -> set[str]:
        """Return the ids of the firms of ``graph`` in this region."""
        counties = firm_counties(graph) if self.counties else {}
        return {f for f, loc in firm_locations(graph).items() if self.contains(f, loc, counties.get(f))}

    def describe(self) -> str:
        """Return the region's places in one line, e.g. ``长株潭: 长沙, 株洲, 湘潭``."""
        by_code = gz.gazetteer().by_code
        names = [(by_code[k].short or by_code[k].name) if k in by_code else k.split(":", 1)[-1]
                 for k in sorted(self.whole_provinces) + sorted(self.cities) + sorted(self.counties)]
        return f"{self.name}: {', '.join(names) if names else 'no known place'}"


_COUNTY_PROPS = ("county", "district")


def firm_counties(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return the county key (gazetteer code) of every Firm of ``graph`` whose
    ``county`` or ``district`` property, or ``address``, names one. Cached on the
    graph like :func:`firm_locations`."""
    stamp = cache_stamp(graph)
    cached = graph.graph.get("_chaingraph_counties")
    if cached and cached[0] == stamp:
        return cached[1]
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
    graph.graph["_chaingraph_counties"] = (stamp, out)
    return out


_GROUP_LABELS = (Label.CLUSTER.value, Label.ALLIANCE.value)
_GROUP_TYPES = (RelType.BELONGS_TO.value, RelType.MEMBER_OF.value)
CITY_GROUPS = Path(__file__).resolve().parents[1] / "data" / "city_groups.toml"


def group_members(graph: nx.MultiDiGraph, group: str) -> set[str]:
    """Return the Firm ids that BELONG_TO or are MEMBER_OF cluster/alliance ``group``."""
    return {src for src, edges in graph._pred[group].items()
            if graph.nodes[src].get("label") == FIRM and any(t in edges for t in _GROUP_TYPES)}


@dataclass(frozen=True)
class RegionDef:
    """A named set of places as written in a regions file: ``name``, ``aliases``
    and the Chinese (or English) names of its ``provinces``, ``cities`` and
    ``counties``."""

    name: str
    aliases: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()


def load_regions(path: str | Path) -> list[RegionDef]:
    """Return the regions of a TOML file: ``[[region]]`` tables with ``name`` and
    optional ``aliases``, ``provinces``, ``cities`` and ``counties`` (lists of
    place names). Raises :class:`InputError` naming the file when it cannot be read
    or a region has no name or no place."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the regions file: {exc.strerror or exc}", str(path)) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a TOML regions file: {exc}", str(path)) from exc
    out = []
    for i, item in enumerate(data.get("region", []), start=1):
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise InputError(f"region {i} has no name", str(path))
        lists = {}
        for key in ("aliases", "provinces", "cities", "counties"):
            value = item.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"region {item['name']!r}: {key} must be a list of names", str(path))
            lists[key] = tuple(v.strip() for v in value if v.strip())
        if not (lists["provinces"] or lists["cities"] or lists["counties"]):
            raise InputError(f"region {item['name']!r} names no province, city or county", str(path))
        out.append(RegionDef(str(item["name"]).strip(), **lists))
    return out


@functools.lru_cache(maxsize=1)
def city_groups() -> tuple[RegionDef, ...]:
    """Return the city groups shipped with chaingraph (``data/city_groups.toml``)."""
    return tuple(load_regions(CITY_GROUPS))


def _one_place(name: str, level: str, where: str) -> str:
    hits = [p for p in gz.gazetteer().lookup(name, (level,))]
    if level == "city":
        # 北京, 重庆 … are provinces too: as a city they are the municipality's city.
        hits = hits or [p for p in gz.gazetteer().lookup(name, ("province",))]
    codes = sorted({p.code for p in hits})
    if len(codes) != 1:
        raise InputError(f"{where}: {level} {name!r} is " + ("unknown" if not codes else
                                                           f"ambiguous ({', '.join(codes[:4])})"))
    return codes[0]


def region_from_def(definition: RegionDef, query: str | None = None,
                    kind: RegionKind = RegionKind.CUSTOM) -> Region:
    """Return the :class:`Region` a :class:`RegionDef` describes, its place names
    made gazetteer keys. Raises :class:`InputError` for a place the gazetteer does
    not know or cannot tell apart."""
    where = f"region {definition.name!r}"
    provinces = {_one_place(n, "province", where) for n in definition.provinces}
    cities = set()
    for n in definition.cities:
        code = _one_place(n, "city", where)
        (provinces if gz.gazetteer().by_code[code].level == "province" else cities).add(code)
    counties = {_one_place(n, "county", where) for n in definition.counties}
    by_code = gz.gazetteer().by_code
    lying_in = set(provinces) | {by_code[c].province_code for c in cities | counties if by_code[c].province_code}
    # Distances are measured from the first place the definition names (长沙 for 长株潭).
    first = definition.cities[:1] or definition.provinces[:1]
    anchor = _one_place(first[0], "city" if definition.cities else "province", where) if first else \
        sorted(counties)[0]
    return Region(query or definition.name, kind, definition.name, definition.name, lying_in, set(),
                  provinces, cities, counties, anchor)


def regions_to_compare(items: Iterable[str]) -> tuple[list[str], list[RegionDef]]:
    """Return ``(names, definitions)`` for a list of regions to compare: an item
    ending in ``.toml`` is a regions file, whose regions are all compared; any
    other item is a region's name.

    >>> regions_to_compare(["湖南", " 长株潭 "])
    (['湖南', '长株潭'], [])
    """
    names: list[str] = []
    defs: list[RegionDef] = []
    for item in items:
        item = item.strip()
        if item.lower().endswith(".toml"):
            found = load_regions(item)
            defs += found
            names += [d.name for d in found]
        elif item:
            names.append(item)
    return names, defs


def _defs_named(text: str, defs: Iterable[RegionDef]) -> RegionDef | None:
    key = fold(text)
    for d in defs:
        if key in {fold(d.name), *(fold(a) for a in d.aliases)}:
            return d
    return None


def region_names(graph: nx.MultiDiGraph, extra: Iterable[RegionDef] = ()) -> list[str]:
    """Return the names a region can be asked for by: the regions of ``extra`` and
    the shipped city groups (with aliases), provinces and cities of the gazetteer,
    and the Cluster and Alliance nodes of ``graph``."""
    names = [n for d in (*extra, *city_groups()) for n in (d.name, *d.aliases)]
    names += [p.short or p.name for p in gz.gazetteer().by_code.values() if p.level in ("province", "city")]
    names += [str(a.get("name")) for _, a in graph.nodes(data=True) if a.get("label") in _GROUP_LABELS]
    return names


def suggest(text: str, names: Iterable[str], n: int = 3) -> str:
    """Return ``"; did you mean A, B?"`` for the names of ``names`` close to
    ``text`` (difflib), or ``""`` when none is.

    >>> suggest("Hunnan", ["Hunan", "Henan", "Shanghai"])
    '; did you mean Hunan, Henan?'
    """
    pool: dict[str, str] = {}
    for x in names:
        if x:
            pool.setdefault(fold(x), x)  # the first spelling given, e.g. a display name before an id's tail
    close = difflib.get_close_matches(fold(text), list(pool), n=n, cutoff=0.6)
    return f"; did you mean {', '.join(pool[c] for c in close)}?" if close else ""


def resolve_region(graph: nx.MultiDiGraph, text: str,
                   aliases: Callable[[str], list[str]] | None = None,
                   regions: Iterable[RegionDef] = ()) -> Region:
    """Return the :class:`Region` ``text`` names, trying in turn: a region of
    ``regions`` (the user's own, by name or alias); a shipped city group (长株潭,
    Greater Bay Area …); a province, city or county (Chinese or English, with or
    without 省/市/Province/City) known to the gazetteer or present as a
    Province/City node; a Cluster or Alliance node of ``graph`` by id or name, or
    one ``aliases(text)`` (node ids, e.g. from the store's alias index) names, as the
    places of its member firms. A province wins over a same-named city (吉林) unless
    the text says 市/City, and both over a county. Raises :class:`NotFoundError`
    with suggestions."""
    text = text.strip()
    if not text:
        raise NotFoundError("no region given")
    regions = list(regions)
    own = _defs_named(text, regions)
    if own is not None:
        return region_from_def(own, text, RegionKind.CUSTOM)
    group = _defs_named(text, city_groups())
    if group is not None:
        return region_from_def(group, text, RegionKind.GROUP)
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
        lying_in = {place.province} if place.province else set()
        if place.kind == "province":
            return Region(text, RegionKind.PROVINCE, place.name, place.key, lying_in,
                          whole_provinces={place.key}, anchor=place.key)
        return Region(text, RegionKind.CITY, place.name, place.key, lying_in, cities={place.key}, anchor=place.key)
    key = name_key(text)
    groups = sorted(n for n, a in graph.nodes(data=True)
                    if a.get("label") in _GROUP_LABELS and (n == text or name_key(str(a.get("name", ""))) == key))
    if not groups and aliases is not None:
        groups = sorted(n for n in aliases(text) if n in graph and graph.nodes[n].get("label") in _GROUP_LABELS)
    if groups:
        return _group_region(graph, text, groups[0])
    counties = {p.code: p for p in gz.gazetteer().lookup(text, ("county",))}
    if len(counties) == 1:
        county = next(iter(counties.values()))
        return Region(text, RegionKind.COUNTY, county.short or county.name, county.code,
                      {county.province_code} if county.province_code else set(), counties={county.code},
                      anchor=county.city_code or county.province_code or None)
    if len(counties) > 1:
        shown = ", ".join(f"{p.name} ({p.code})" for p in list(counties.values())[:5])
        raise NotFoundError(f"region {text!r} is ambiguous: {shown}; add its city")
    raise NotFoundError(f"no province, city, county, city group or cluster named {text!r}"
                        + suggest(text, region_names(graph, regions)))


def _group_region(graph: nx.MultiDiGraph, text: str, group: str) -> Region:
    """The region of a Cluster or Alliance node: the cities of its member firms (the
    province of a member whose city is unknown)."""
    members = group_members(graph, group)
    locations = firm_locations(graph)
    cities, whole = set(), set()
    for m in members:
        loc = locations.get(m)
        if loc is None:
            continue
        if loc.city is not None:
            cities.add(loc.city.key)
        elif loc.province is not None:
            whole.add(loc.province.key)
    provinces = {locations[m].province.key for m in members if m in locations and locations[m].province}
    kind = RegionKind.ALLIANCE if graph.nodes[group].get("label") == Label.ALLIANCE.value else RegionKind.CLUSTER
    anchor = sorted(cities)[0] if cities else (sorted(whole)[0] if whole else None)
    return Region(text, kind, str(graph.nodes[group].get("name", group)), group, provinces, members,
                  whole, cities, set(), anchor)
