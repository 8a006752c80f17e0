"""China's provinces, prefecture-level cities and counties, with short names and
pinyin, for canonical place ids and for finding the place in an address or a
registered firm name.

The data is ``chaingraph/data/gazetteer.tsv``, generated once by
``scripts/build_gazetteer.py`` and shipped with the project, so nothing is fetched at
run time; ``gazetteer_updates.tsv`` adds the county-level units created or renamed
since that snapshot (建安区, 云州区).

>>> g = gazetteer()
>>> g.canonical("Changsha City").short, g.canonical("长沙市").short
('长沙', '长沙')
>>> g.canonical("Golmud").name  # an English name that is not the pinyin (Ge'ermu)
'格尔木市'
>>> found = g.leading_place("常州亚玛顿股份有限公司")
>>> found.province.short, found.city.short
('江苏', '常州')
>>> found = g.parse_address("湖南省长沙市岳麓区麓谷大道627号")
>>> found.province.short, found.city.short, found.county.name
('湖南', '长沙', '岳麓区')
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.tsv"
#: county-level units created or renamed after that snapshot (建安区, 云州区), kept by hand
UPDATES = DATA.with_name("gazetteer_updates.tsv")

#: English names in common use that differ from the plain pinyin in the data.
EXONYMS = {
    "harbin": "哈尔滨", "urumqi": "乌鲁木齐", "hohhot": "呼和浩特", "lhasa": "拉萨", "xizang": "西藏",
    "neimenggu": "内蒙古", "innermongolia": "内蒙古", "hongkong": "香港", "macao": "澳门",
    "xian": "西安", "kashgar": "喀什", "canton": "广州", "peking": "北京",
    # western and northern places whose English name comes from Mongolian, Tibetan or Uyghur
    "golmud": "格尔木", "korla": "库尔勒", "kuqa": "库车", "xilinhot": "锡林浩特", "erenhot": "二连浩特",
    "ulanhot": "乌兰浩特", "hailar": "海拉尔", "kuytun": "奎屯", "aral": "阿拉尔", "tumxuk": "图木舒克",
    "qiqihar": "齐齐哈尔", "altay": "阿勒泰", "ordos": "鄂尔多斯", "hulunbuir": "呼伦贝尔", "bayannur": "巴彦淖尔",
    "ulanqab": "乌兰察布", "shigatse": "日喀则", "xigaze": "日喀则", "nyingchi": "林芝", "qamdo": "昌都",
    "nagqu": "那曲", "ngari": "阿里", "karamay": "克拉玛依", "turpan": "吐鲁番", "hotan": "和田", "ili": "伊犁",
    "garze": "甘孜", "ngawa": "阿坝", "aksu": "阿克苏", "khorgos": "霍尔果斯", "alxa": "阿拉善",
    "xilingol": "锡林郭勒", "bortala": "博尔塔拉", "bayingolin": "巴音郭楞", "kizilsu": "克孜勒苏",
}
#: Prefecture short names too common as ordinary words to read a firm name by.
NOT_IN_NAMES = frozenset({"阿里", "三沙", "海西", "海北", "海东", "红河", "兴安", "北海"})
_EN_SUFFIXES = (" zhuang autonomous region", " hui autonomous region", " uygur autonomous region",
                " uyghur autonomous region", " special administrative region", " province", " city", " prefecture", " county", " district", " autonomous region",
                " municipality", " sar", " shi", " sheng")


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit: its six-digit ``code``, ``level`` (province, city or
    county), full ``name`` (长沙市), ``short`` name (长沙), ``pinyin``, the codes of
    its province and city, and its coordinates (``lng``, ``lat``; None when unknown)."""

    code: str
    level: str
    name: str
    short: str
    pinyin: str
    province_code: str
    city_code: str
    lng: float | None
    lat: float | None


@dataclass(frozen=True, slots=True)
class Located:
    """The province, city and county found in a text; any may be None. ``how`` says
    which words were recognised."""

    province: Place | None = None
    city: Place | None = None
    county: Place | None = None
    how: str = ""

    def __bool__(self) -> bool:
        return any((self.province, self.city, self.county))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _latin_key(text: str) -> str:
    key = _fold(text).replace("'", "").replace("’", "").replace("-", " ")
    for suffix in _EN_SUFFIXES:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    return key.replace(" ", "")


class Gazetteer:
    """Look places up by full name, short name or pinyin, and find them in text."""

    def __init__(self, places: list[Place]):
        self.places = places
        self.by_code = {p.code: p for p in places}
        self._zh: dict[str, list[Place]] = {}
        self._latin: dict[str, list[Place]] = {}
        for p in places:
            for key in {p.name, p.short}:
                self._zh.setdefault(key, []).append(p)
            self._latin.setdefault(p.pinyin.replace(" ", ""), []).append(p)
        for latin, zh in EXONYMS.items():
            self._latin.setdefault(latin, []).extend(self._zh.get(zh, []))
        self._lengths: dict[str, list[int]] = {}  # first character -> key lengths, longest first
        for key in self._zh:
            self._lengths.setdefault(key[0], []).append(len(key))
        for first, lengths in self._lengths.items():
            self._lengths[first] = sorted({n for n in lengths if n >= 2}, reverse=True)

    # -- single names ------------------------------------------------------------------
    def lookup(self, name: str, levels: tuple[str, ...] = ("province", "city", "county")) -> list[Place]:
        """Return the places ``name`` (Chinese full or short name, pinyin or a common
        English name, with or without "City"/"Province") may mean, of the given levels."""
        text = _fold(name).replace(" ", "") if any("\u3400" <= c <= "\u9fff" for c in name) else None
        found = self._zh.get(text, []) if text else self._latin.get(_latin_key(name), [])
        return [p for p in found if p.level in levels]

    def is_place_name(self, text: str) -> bool:
        """True when ``text`` is exactly the Chinese full or short name of a place."""
        return text in self._zh

    def canonical(self, name: str, levels: tuple[str, ...] = ("province", "city", "county"),
                  province_code: str | None = None) -> Place | None:
        """Return the one place ``name`` stands for, or None when unknown or
        ambiguous (Taizhou is both 台州 and 泰州). ``province_code`` narrows the choice
        to one province; a province wins over its namesake city (吉林), and a
        prefecture-level city over same-sounding counties (Changzhou is 常州, not the
        county 长洲)."""
        found = self.lookup(name, levels)
        if province_code:
            found = [p for p in found if p.province_code == province_code] or found
        if not found:
            return None
        order = {"province": 0, "city": 1, "county": 2}
        if len({p.short for p in found}) != 1:
            top = min(order[p.level] for p in found)
            found = [p for p in found if order[p.level] == top]
            if len({p.short for p in found}) != 1:
                return None
        return min(found, key=lambda p: (order[p.level], p.code))

    def province_of(self, place: Place) -> Place | None:
        """Return the province ``place`` lies in (itself for a province)."""
        return self.by_code.get(place.province_code)

    def city_of(self, place: Place) -> Place | None:
        """Return the prefecture-level city ``place`` lies in (itself for a city; None
        for a province or a county directly under its province)."""
        if place.level == "city":
            return place
        return self.by_code.get(place.city_code) if place.city_code else None

    # -- places inside text ---------------------------------------------------------------
    def _match_at(self, text: str, pos: int, ok) -> tuple[Place, int] | None:
        if pos >= len(text):
            return None
        for length in self._lengths.get(text[pos], ()):
            if pos + length > len(text):
                continue
            piece = text[pos:pos + length]
            candidates = [p for p in self._zh.get(piece, []) if ok(p, piece)]
            if candidates:
                order = {"province": 0, "city": 1, "county": 2}
                candidates.sort(key=lambda p: (order[p.level], p.code))
                levels = {p.level for p in candidates}
                best = [p for p in candidates if p.level == candidates[0].level]
                if len({p.code for p in best}) == 1 or levels == {"province", "city"}:
                    return best[0], pos + length
                return None  # ambiguous at this level: do not guess
        return None

    def _walk(self, text: str, counties: bool, in_name: bool) -> Located:
        pos = 0
        for prefix in ("中华人民共和国", "中国"):
            if not in_name and text.startswith(prefix):
                pos = len(prefix)
        province = city = county = None
        words = []
        while pos < len(text):
            def ok(p: Place, piece: str) -> bool:
                if in_name and piece in NOT_IN_NAMES:
                    return False
                if p.level == "county" and (not counties or piece != p.name):
                    return False  # counties only by their full name (岳麓区, 昆山市)
                if p.level == "city" and not p.code.endswith("00") and piece != p.name:
                    return False  # nor county-level cities under a province (东方 is not 东方市)
                if province and p.province_code != province.code:
                    return False
                if city and (p.level != "county" or p.city_code != city.code):
                    return False
                if county:
                    return False
                if province and p.level == "province":
                    return False
                return True

            hit = self._match_at(text, pos, ok)
            if hit is None:
                break
            place, pos = hit
            words.append(text[pos - len(place.name):pos] if text[:pos].endswith(place.name) else place.short)
            if place.level == "province":
                province = place
            elif place.level == "city":
                city = place
            else:
                county = place
        if county and not city:
            city = self.city_of(county)
        if (city or county) and not province:
            province = self.province_of(city or county)
        if province and not city and province.code[:2] in ("11", "12", "31", "50"):
            city = self.by_code.get(province.code[:2] + "0100")
        return Located(province, city, county, "+".join(words))

    def parse_address(self, address: str) -> Located:
        """Return the province, city and county an address begins with (湖南省长沙市岳麓区…).
        Counties are recognised by their full name only; a missing city or province is
        filled in from the county or city found."""
        return self._walk(_fold(address).replace(" ", ""), counties=True, in_name=False)

    def leading_place(self, name: str) -> Located:
        """Return the place a registered firm name begins with: 湖南华联瓷业 gives Hunan,
        常州亚玛顿 gives Changzhou (and so Jiangsu). English names are read by their
        first word (Hunan Valin Steel). Counties count only by their full name."""
        if any("\u3400" <= c <= "\u9fff" for c in name):
            return self._walk(_fold(name).replace(" ", ""), counties=True, in_name=True)
        words = _fold(name).replace("-", " ").split()
        for n in (2, 1):
            if len(words) >= n:
                place = self.canonical(" ".join(words[:n]), ("province", "city"))
                if place is not None:
                    province = self.province_of(place)
                    city = self.city_of(place)
                    if city is None and place.code[:2] in ("11", "12", "31", "50"):
                        city = self.by_code.get(place.code[:2] + "0100")
                    return Located(province, city, None, " ".join(words[:n]))
        return Located()


def _opt_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the gazetteer shipped with chaingraph (read once, then cached)."""
    places = []
    for path in (DATA, UPDATES):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or line.startswith("code\t"):
                    continue
                code, level, name, short, pinyin, prov, city, lng, lat = line.rstrip("\n").split("\t")
                places.append(Place(code, level, name, short, pinyin, prov, city, _opt_float(lng), _opt_float(lat)))
    return Gazetteer(places)
