"""The place gazetteer: Chinese provinces and prefecture-level divisions in English
and Chinese, with the province of each city, read from ``data/places.txt``.

>>> g = gazetteer()
>>> g.lookup("Changsha").province, g.lookup("长沙").name, g.lookup("Hunan").kind
('Hunan', 'Changsha', 'Province')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "places.txt"

#: City groups: (English name, Chinese name, abbreviations, member cities, province).
CITY_GROUPS = [
    ("Changsha-Zhuzhou-Xiangtan", "长株潭", ("CZT",), ("Changsha", "Zhuzhou", "Xiangtan"), "Hunan"),
    ("Wuhan Metropolitan Area", "武汉都市圈", (), ("Wuhan",), "Hubei"),
]

#: Chinese city names that are also common words (朝阳 morning sun, 中山 a person's name):
#: found only with their suffix (朝阳市), and never read as a place inside other words.
AMBIGUOUS_ZH = frozenset({"朝阳", "中山", "安康", "白山", "红河", "海东", "海西", "山南", "黄山", "三明", "大同", "通化",
                          "白银", "金昌", "玉树", "阿坝", "大理", "普洱", "丽水", "长治", "吉安", "宜春", "新余"})


@dataclass(frozen=True)
class Place:
    """A known place: canonical English ``name``, Chinese ``zh``, ``kind`` (City or
    Province) and, for a city, its ``province`` (English)."""

    name: str
    zh: str
    kind: str
    province: str | None = None


class Gazetteer:
    """Lookup of places by any English or Chinese surface form."""

    def __init__(self, places: list[Place]):
        self.places = places
        self._by_form: dict[str, list[Place]] = {}
        for place in places:
            for form in (place.name, place.zh):
                if form:
                    self._by_form.setdefault(form.casefold(), []).append(place)
        en = sorted({p.name for p in places if p.name}, key=len, reverse=True)
        self.en_regex = re.compile(
            r"(?<![A-Za-z'-])(" + "|".join(re.escape(n) for n in en) + r")"
            r"((?:\s+(?:Autonomous Prefecture|(?:(?:Hui|Zhuang|Uygur|Uyghur|Uighur)\s+)?Autonomous Region|"
            r"Special Administrative Region|Prefecture|Province|City|County|District|"
            r"Municipality|New Area))?)(?![a-z])")
        zh = sorted({p.zh for p in places if p.zh}, key=len, reverse=True)
        self.zh_regex = re.compile(
            "(" + "|".join(re.escape(n) for n in zh) + ")"
            "(土家族苗族自治州|壮族苗族自治州|苗族侗族自治州|布依族苗族自治州|自治州|自治区|特别行政区|维吾尔自治区|壮族自治区|"
            "回族自治区|省|市|州|地区)?(?![县区])")

    def lookup(self, form: str, prefer_province: str | None = None) -> Place | None:
        """Return the place named ``form`` (either language, case-insensitive);
        among several, the one in ``prefer_province``, else a province, else the first."""
        found = self._by_form.get(form.casefold())
        if not found:
            return None
        if prefer_province:
            for place in found:
                if place.province == prefer_province:
                    return place
        for place in found:
            if place.kind == "Province":
                return place
        return found[0]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the gazetteer, read once from the data file."""
    places: list[Place] = []
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        head, _, cities = raw.partition(":")
        en, zh, kind = (part.strip() for part in head.split("|"))
        if kind == "sar":
            places.append(Place(en, zh, "City", en))
        elif kind == "municipality":  # province-level (GOLD_FORMAT), and the city its districts are in
            places.append(Place(en, zh, "Province", en))
        else:
            places.append(Place(en, zh, "Province"))
        for item in cities.split(";"):
            item = item.strip()
            if not item:
                continue
            czh, _, cen = item.partition(" ")
            cen = cen.strip()
            if cen.endswith(" City"):
                cen = cen[:-5]
            places.append(Place(cen, czh.removesuffix("市"), "City", en))
    for en, zh, abbrs, _members, province in CITY_GROUPS:
        places.append(Place(en, zh, "City", province))
    return Gazetteer(places)


def in_other_province(outer: str, inner: str) -> bool:
    """True when the places ``outer`` and ``inner`` (keys or surface forms), written one
    after the other in a name, cannot be one inside the other because the gazetteer
    puts them in different provinces: in "Jinzhong Qingyuan Hydrogen Co." Qingyuan (of
    Guangdong) is a word of the name, not a place in Jinzhong (of Shanxi). False when
    either is unknown.

    >>> in_other_province("Jinzhong", "Qingyuan"), in_other_province("Suzhou", "Kunshan")
    (True, False)
    """
    first, second = gazetteer().lookup(outer), gazetteer().lookup(inner)
    if first is None or second is None:
        return False
    home = first.name if first.kind == "Province" else first.province
    return second.kind == "City" and None not in (home, second.province) and home != second.province


def province_at(text: str, pos: int = 0, end: int | None = None) -> re.Match | None:
    """The match of a province's Chinese name (福建, 福建省) starting at ``pos`` of
    ``text`` and ending by ``end``, else None: where a registered name opens.

    >>> province_at("长汀县福建汀江公司", 3).group(0), province_at("龙岩汀江公司")
    ('福建', None)
    """
    found = gazetteer().zh_regex.match(text, pos, len(text) if end is None else end)
    place = gazetteer().lookup(found.group(1)) if found else None
    return found if place is not None and place.kind == "Province" else None


def is_municipality(key: str) -> bool:
    """True when ``key`` (a place mention's key, "Beijing") names a municipality: a
    province-level region that is also one city."""
    place = gazetteer().lookup(key)
    return place is not None and place.kind == "Province" and place.province == key


def place_word(word: str, counties: bool = False) -> bool:
    """True when ``word`` (one token of English text) is a capitalised city or
    province name of the gazetteer, or with ``counties`` also a county's (Anxi)."""
    if not word[:1].isupper():
        return False
    if gazetteer().lookup(word) is not None:
        return True
    if not counties:
        return False
    from chaingraph.extract.counties import _counties_named  # counties reads this module's gazetteer

    return bool(_counties_named(word))
