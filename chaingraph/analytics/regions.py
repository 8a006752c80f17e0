"""Regions: which places a region is, and how a planner's name finds it.

A region is a set of places, named as planners name it: a province, city or county
(Chinese or English), a city group (长株潭, 长三角, 粤港澳大湾区 …, shipped in
``chaingraph/data/city_groups.toml``), the places of a cluster's or an alliance's
member firms, or a region of the user's own from a TOML file of the same form
(:func:`load_regions`). A firm is in the region when its province, city or county is
one of the region's; "outside" means outside that set. Where each firm is comes
from :mod:`chaingraph.analytics.places`.

>>> czt = resolve_region(nx.MultiDiGraph(), "Changsha-Zhuzhou-Xiangtan")
>>> (str(czt.kind), czt.name, sorted(czt.cities))
('group', '长株潭', ['430100', '430200', '430300'])
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import networkx as nx
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from chaingraph import gazetteer as gz
from chaingraph.analytics.places import Location, PlaceKind, firm_locations, node_place, places_named
from chaingraph.errors import InputError, NotFoundError
from chaingraph.identity import fold, name_key, place_key
from chaingraph.model import Label, RelType

FIRM = Label.FIRM.value


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

    def firms(self, locations: Mapping[str, Location], counties: Mapping[str, str]) -> set[str]:
        """Return the ids of the firms in this region, given every firm's location
        and county key (:attr:`PlacedGraph.locations <chaingraph.analytics.placed.PlacedGraph.locations>`
        and ``counties``; only looked at when the region names counties)."""
        return {f for f, loc in locations.items() if self.contains(f, loc, counties.get(f))}

    def place_names(self) -> list[str]:
        """Return the short names of the region's provinces, cities and counties."""
        by_code = gz.gazetteer().by_code
        return [(by_code[k].short or by_code[k].name) if k in by_code else k.split(":", 1)[-1]
                for k in sorted(self.whole_provinces) + sorted(self.cities) + sorted(self.counties)]

    def describe(self) -> str:
        """Return the region's places in one line, e.g. ``长株潭: 长沙, 株洲, 湘潭``."""
        names = self.place_names()
        return f"{self.name}: {', '.join(names) if names else 'no known place'}"

    def label(self) -> str:
        """Return the region's name for a sentence, its places in brackets when they
        are more than the name: ``长株潭 (长沙, 株洲, 湘潭)`` but ``武汉``."""
        names = self.place_names()
        if names == [self.name]:
            return self.name
        return f"{self.name} ({', '.join(names) if names else 'no known place'})"


_GROUP_LABELS = (Label.CLUSTER.value, Label.ALLIANCE.value)
_GROUP_TYPES = (RelType.BELONGS_TO.value, RelType.MEMBER_OF.value)
CITY_GROUPS = Path(__file__).resolve().parents[1] / "data" / "city_groups.toml"


def group_members(graph: nx.MultiDiGraph, group: str) -> set[str]:
    """Return the Firm ids that BELONG_TO or are MEMBER_OF cluster/alliance ``group``."""
    return {src for src, edges in graph.pred[group].items()
            if graph.nodes[src].get("label") == FIRM and any(t in edges for t in _GROUP_TYPES)}


@dataclass(frozen=True)
class RegionDef:
    """A named set of places as written in a regions file: ``name``, ``aliases``
    and the Chinese (or English) names of its ``provinces``, ``cities`` and
    ``counties``; ``source`` is the file it was read from."""

    name: str
    aliases: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    source: str | None = field(default=None, compare=False)


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
        out.append(RegionDef(str(item["name"]).strip(), **lists, source=str(path)))
    return out


@functools.lru_cache(maxsize=1)
def city_groups() -> tuple[RegionDef, ...]:
    """Return the city groups shipped with chaingraph (``data/city_groups.toml``)."""
    return tuple(load_regions(CITY_GROUPS))


def _line_of(definition: RegionDef, place: str) -> int | None:
    """Return the line of ``definition``'s file where ``place`` is written, the first
    after the region's ``name = ...`` line (TOML parsers give no line numbers), or
    None when it cannot be found."""
    if definition.source is None:
        return None
    try:
        lines = Path(definition.source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    named = re.compile(r"""^\s*name\s*=\s*["']""" + re.escape(definition.name) + r"""["']""")
    start = next((i for i, line in enumerate(lines) if named.match(line)), 0)
    quoted = (f'"{place}"', f"'{place}'")
    return next((i + 1 for i, line in enumerate(lines) if i >= start and any(q in line for q in quoted)), None)


def _one_place(name: str, level: str, definition: RegionDef) -> str:
    hits = [p for p in gz.gazetteer().lookup(name, (level,))]
    if level == "city":
        # 北京, 重庆 … are provinces too: as a city they are the municipality's city.
        hits = hits or [p for p in gz.gazetteer().lookup(name, ("province",))]
    codes = sorted({p.code for p in hits})
    if len(codes) != 1:
        raise InputError(f"region {definition.name!r}: {level} {name!r} is "
                         + ("unknown" if not codes else f"ambiguous ({', '.join(codes[:4])})"),
                         definition.source, _line_of(definition, name))
    return codes[0]


def region_from_def(definition: RegionDef, query: str | None = None,
                    kind: RegionKind = RegionKind.CUSTOM) -> Region:
    """Return the :class:`Region` a :class:`RegionDef` describes, its place names
    made gazetteer keys. Raises :class:`InputError` for a place the gazetteer does
    not know or cannot tell apart, naming the definition's file and line."""
    provinces = {_one_place(n, "province", definition) for n in definition.provinces}
    cities = set()
    for n in definition.cities:
        code = _one_place(n, "city", definition)
        (provinces if gz.gazetteer().by_code[code].level == "province" else cities).add(code)
    counties = {_one_place(n, "county", definition) for n in definition.counties}
    by_code = gz.gazetteer().by_code
    lying_in = set(provinces) | {by_code[c].province_code for c in cities | counties if by_code[c].province_code}
    # Distances are measured from the first place the definition names (长沙 for 长株潭).
    first = definition.cities[:1] or definition.provinces[:1]
    anchor = _one_place(first[0], "city" if definition.cities else "province", definition) if first else \
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
    the shipped city groups (with aliases), provinces then cities of the gazetteer,
    and the Cluster and Alliance nodes of ``graph``."""
    names = [n for d in (*extra, *city_groups()) for n in (d.name, *d.aliases)]
    places = gz.gazetteer().by_code.values()
    names += [p.short or p.name for level in ("province", "city") for p in places if p.level == level]
    names += [str(a.get("name")) for _, a in graph.nodes(data=True) if a.get("label") in _GROUP_LABELS]
    return names


#: How alike (rapidfuzz ratio, 0-100) a name must be to be suggested; and the
#: longest names for which one character off is enough, whatever the ratio (in two
#: characters one wrong character leaves a ratio of 50: 江酥 for 江苏).
SUGGEST_RATIO = 60
SHORT_NAME = 3


def suggest(text: str, names: Iterable[str], n: int = 3) -> str:
    """Return ``"; did you mean A, B?"`` for the names of ``names`` close to
    ``text`` (rapidfuzz ratio at least :data:`SUGGEST_RATIO`, or one character
    off for names of 2 to :data:`SHORT_NAME` characters), best first, or ``""``
    when none is.

    >>> suggest("Hunnan", ["Hunan", "Henan", "Shanghai"])
    '; did you mean Hunan, Henan?'
    >>> suggest("江酥", ["浙江", "江苏", "上海"])
    '; did you mean 江苏?'
    """
    pool: dict[str, str] = {}
    for x in names:
        if x:
            pool.setdefault(fold(x), x)  # the first spelling given, e.g. a display name before an id's tail
    query = fold(text)
    short = 2 <= len(query) <= SHORT_NAME
    keys = list(pool)
    found = process.extract(query, keys, scorer=fuzz.ratio, limit=None,
                            score_cutoff=min(SUGGEST_RATIO, 100 * (1 - 1 / len(query))) if short
                            else SUGGEST_RATIO)
    # Among equals, names that keep the first character (in 株州 the 州 of a
    # hundred cities says less than the 株 of 株洲), then the order given.
    close = [(-score, key[:1] != query[:1], i, key) for key, score, i in found
             if score >= SUGGEST_RATIO or (short and 2 <= len(key) <= SHORT_NAME
                                           and Levenshtein.distance(query, key) <= 1)]
    return f"; did you mean {', '.join(pool[c[-1]] for c in sorted(close)[:n])}?" if close else ""


def resolve_region(graph: nx.MultiDiGraph, text: str,
                   aliases: Callable[[str], list[str]] | None = None,
                   regions: Iterable[RegionDef] = (),
                   locations: Mapping[str, Location] | None = None) -> Region:
    """Return the :class:`Region` ``text`` names, trying in turn: a region of
    ``regions`` (the user's own, by name or alias); a shipped city group (长株潭,
    Greater Bay Area …); a province, city or county (Chinese or English, with or
    without 省/市/Province/City) known to the gazetteer or present as a
    Province/City node; a Cluster or Alliance node of ``graph`` by id or name, or
    one ``aliases(text)`` (node ids, e.g. from the store's alias index) names, as the
    places of its member firms (``locations``: every firm's, computed from ``graph``
    when not given). A province wins over a same-named city (吉林) unless
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
                place = node_place(graph, node)
                if place is not None:
                    places.append(place)
    if places:
        kinds = {p.kind for p in places}
        folded = fold(text)
        wanted = PlaceKind.CITY if folded.endswith(("市", " city")) and PlaceKind.CITY in kinds else (
            PlaceKind.PROVINCE if PlaceKind.PROVINCE in kinds else PlaceKind.CITY)
        chosen = [p for p in places if p.kind is wanted]
        if len({p.key for p in chosen}) > 1:
            shown = ", ".join(f"{p.name} ({p.key})" for p in chosen[:5])
            raise NotFoundError(f"region {text!r} is ambiguous: {shown}; use the Chinese name")
        place = chosen[0]
        lying_in = {place.province} if place.province else set()
        if place.kind is PlaceKind.PROVINCE:
            return Region(text, RegionKind.PROVINCE, place.name, place.key, lying_in,
                          whole_provinces={place.key}, anchor=place.key)
        return Region(text, RegionKind.CITY, place.name, place.key, lying_in, cities={place.key}, anchor=place.key)
    key = name_key(text)
    groups = sorted(n for n, a in graph.nodes(data=True)
                    if a.get("label") in _GROUP_LABELS and (n == text or name_key(str(a.get("name", ""))) == key))
    if not groups and aliases is not None:
        groups = sorted(n for n in aliases(text) if n in graph and graph.nodes[n].get("label") in _GROUP_LABELS)
    if groups:
        return _group_region(graph, text, groups[0],
                             firm_locations(graph) if locations is None else locations)
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


def _group_region(graph: nx.MultiDiGraph, text: str, group: str, locations: Mapping[str, Location]) -> Region:
    """The region of a Cluster or Alliance node: the cities of its member firms (the
    province of a member whose city is unknown)."""
    members = group_members(graph, group)
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
