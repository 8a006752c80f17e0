"""Where a listed firm is: the province, city and county its row gives, or, where
the row has no city, the ones inferred from its address or from the place its
registered name begins with. Inferred values are marked as such.

>>> where = locate(name="常州亚玛顿股份有限公司")
>>> where.province, where.city, where.inferred, where.note
('江苏', '常州', ('province', 'city'), 'inferred: city 常州, province 江苏 from registered name')
>>> locate(name="三一重工股份有限公司", province="湖南", city="长沙市").city
'长沙'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from chaingraph.gazetteer import Place, gazetteer
from chaingraph.identity import node_id
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, Record, RelType


@dataclass(frozen=True, slots=True)
class Where:
    """A firm's place: short names of ``province``, ``city`` and ``county`` (None
    when unknown), which of them were ``inferred``, and a ``note`` saying how."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    inferred: tuple[str, ...] = ()
    note: str | None = None


@lru_cache(maxsize=8192)
def _short(name: str | None, levels: tuple[str, ...], province_code: str | None = None) -> tuple[str | None, Place | None]:
    if not name:
        return None, None
    place = gazetteer().canonical(name, levels, province_code)
    return (place.short, place) if place else (name.strip(), None)


def province_short(name: str) -> str:
    """Return the gazetteer's short name of province ``name`` (Hunan, 湖南省 → 湖南), the
    form a list's rows give a City's ``province``; ``name`` stripped when unknown."""
    return _short(name, ("province",))[0] or name.strip()


def locate(name: str, province: str = "", city: str = "", county: str = "", address: str = "") -> Where:
    """Return where a firm is, from its row's ``province``, ``city``, ``county`` and
    ``address`` cells and its registered ``name`` (empty when the row has none).
    Given values win; a missing city comes from the address, else from the name's
    leading place; a missing province from the city. Places the gazetteer knows get their canonical short names."""
    if city.strip():  # the row names its city: neither name nor address is read
        return _located(province, city, county)
    return _locate(name, province, city, county, address)


@lru_cache(maxsize=8192)
def _located(province: str, city: str, county: str) -> Where:
    return _locate("", province, city, county, "")


def _locate(name: str, province: str, city: str, county: str, address: str) -> Where:
    g = gazetteer()
    inferred: list[str] = []
    note = None
    province_short, prov_place = _short(province, ("province",))
    city_short, city_place = _short(city, ("city", "county"), prov_place.code if prov_place else None)
    county_short = county.strip() or None
    sources = []
    if not city_short:
        found, source = None, None
        if address.strip():
            found, source = g.parse_address(address), "address"
        if name and (not found or not (found.city or found.province)):
            found, source = g.leading_place(name), "registered name"
        if found and prov_place and found.province and found.province.code != prov_place.code:
            found = None  # the row says another province: trust the row
        if found:
            if found.city:
                city_short = found.city.short
                inferred.append("city")
                sources.append(f"city {found.city.short}")
            if found.county and not county_short:
                county_short = found.county.name
                inferred.append("county")
                sources.append(f"county {found.county.name}")
            if found.province and not province_short:
                province_short = found.province.short
                inferred.insert(0, "province")
                sources.append(f"province {found.province.short}")
            if sources:
                note = f"inferred: {', '.join(sources)} from {source}"
    if city_short and not province_short:
        place = city_place or g.canonical(city_short, ("city", "county"))
        province_place = g.province_of(place) if place else None
        if province_place:
            province_short = province_place.short
            inferred.insert(0, "province")
            note = f"inferred: province {province_place.short} from city {city_short}"
    return Where(province_short, city_short, county_short, tuple(inferred), note)


class PlaceNodes:
    """Emits each City and Province node once per file, with the gazetteer's full
    name, code and coordinates where it knows the place, and each City -> Province
    link once."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def city(self, short: str, province: str | None, ev: list[Evidence]) -> Iterator[Record]:
        """Yield the City node for ``short`` (and its LOCATED_IN Province) unless
        already yielded; the id is :func:`node_id` of the name."""
        cid = node_id(Label.CITY, short)
        if cid in self.seen:
            return
        self.seen.add(cid)
        place = gazetteer().canonical(short, ("city", "county"))
        yield _place_node(cid, Label.CITY, short, place, ev, {"province": province} if province else {})
        if province:
            yield from self.province(province, ev)
            yield EdgeRecord(RelType.LOCATED_IN, cid, node_id(Label.PROVINCE, province), {}, ev)

    def province(self, short: str, ev: list[Evidence]) -> Iterator[Record]:
        """Yield the Province node for ``short`` unless already yielded."""
        pid = node_id(Label.PROVINCE, short)
        if pid in self.seen:
            return
        self.seen.add(pid)
        yield _place_node(pid, Label.PROVINCE, short, gazetteer().canonical(short, ("province",)), ev, {})


def _place_node(nid: str, label: Label, short: str, place: Place | None, ev: list[Evidence],
                props: dict) -> NodeRecord:
    if place is None:
        return NodeRecord(nid, label, short, props, ev)
    props = {**props, "code": place.code, "name_en": place.pinyin.title()}
    if place.lng is not None:
        props.update(lng=place.lng, lat=place.lat)
    aliases = [a for a in {place.short, place.pinyin.title()} if a != place.name]
    return NodeRecord(nid, label, place.name, props, ev, sorted(aliases))
