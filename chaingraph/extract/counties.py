"""County-level places (counties, districts, county-level cities) and the towns
written right after them (柯桥区钱清镇) for article extraction, read from the project gazetteer (:mod:`chaingraph.gazetteer`): "Xuanen
County" and 宣恩县 / 醴陵市 become City mentions that know their prefecture and
province. A bare Chinese county name (醴陵) counts only when the article also writes
it with its suffix, since many short county names are ordinary words; a bare English
one ("Haimen, Qidong and Rugao") counts in a place's slot when its prefecture is among
the article's places, which also tells apart two counties of one name."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from chaingraph.extract.places import gazetteer as city_gazetteer
from chaingraph.extract.result import Mention, Sentence
from chaingraph.extract.cues import cued

# "Ledong Li Autonomous County": an ethnic autonomous county is named with its peoples
_EN = cued(r"\b([A-Z][a-z]+(?:[-'’][A-Za-z][a-z]*)?)\s+((?:(?:[A-Z][a-z]+\s+){1,2}Autonomous\s+)?County|District|"
           r"County-level City|City)\b")


@lru_cache(maxsize=1)
def _zh_table() -> tuple[re.Pattern | None, dict[str, object]]:
    try:
        from chaingraph.gazetteer import gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the project
        return None, {}
    known = {p.zh for p in city_gazetteer().places}
    by_name: dict[str, object] = {}
    counts: dict[str, int] = {}
    for place in gazetteer().places:
        if place.level != "county" or len(place.name) < 2 or place.name[:-1] in known and place.name[-1] == "市":
            continue
        counts[place.name] = counts.get(place.name, 0) + 1
        by_name[place.name] = place
    names = {n: by_name[n] for n, c in counts.items() if c == 1 and not n.endswith("市辖区")}
    # a county or county-level city turned into a district keeps its stem (繁昌县 is now 繁昌区), and
    # so does a county turned into a county-level city (平果县 is now 平果市)
    for name, place in list(names.items()):
        district = place.short + "区"
        if name[-1] in "县市" and len(place.short) >= 2 and district not in counts:
            names[district] = place
        city = place.short + "市"
        if name[-1] == "县" and len(place.short) >= 2 and city not in counts and place.short not in known:
            names[city] = place
    return (_SUFFIX_RE if names else None), names


def is_county_name(name: str) -> bool:
    """True when ``name`` (a str) is a county-level place written with its suffix
    (呈贡区, 介休市), one place of that name."""
    return name in _zh_table()[1]


@lru_cache(maxsize=1)
def _ambiguous() -> dict[str, list]:
    """County-level names several places share (南山区 of Shenzhen and of Hegang)."""
    from chaingraph.gazetteer import gazetteer

    by_name: dict[str, list] = {}
    for place in gazetteer().places:
        if place.level == "county" and len(place.name) >= 3 and not place.name.endswith("市辖区"):
            by_name.setdefault(place.name, []).append(place)
    return {n: ps for n, ps in by_name.items() if len(ps) > 1}


def _article_table(text: str, by_name: dict[str, object]) -> dict[str, object]:
    """``by_name`` with the shared county names of ``text`` whose prefecture the
    article also names (南山区 where 深圳 is written) added."""
    table = by_name
    for name, places in _ambiguous().items():
        if name not in text:
            continue
        here = [p for p in places if _info(p)["parent"] and (city := _parent_zh(p)) and city in text]
        if len(here) == 1:
            table = dict(table) if table is by_name else table
            table[name] = here[0]
    return table


def _parent_zh(place) -> str | None:
    from chaingraph.gazetteer import gazetteer

    city = gazetteer().city_of(place)
    return city.short if city is not None and len(city.short) >= 2 else None


_SUFFIX_RE = re.compile(r"[县市区旗]")


def _find_full(text: str, by_name: dict[str, object]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, name)`` of county names in ``text``: each 县/市/区/旗 is
    the end of a candidate, the longest known name ending there wins."""
    out = []
    for m in _SUFFIX_RE.finditer(text):
        end = m.end()
        for length in range(8, 1, -1):
            start = end - length
            if start >= 0 and text[start:end] in by_name:
                if _cut_word(text, start, end, by_name[text[start:end]]) or length == 2 and not _whole_word(text, start, end):
                    break  # 安新区 in 雄安新区: a district named from a county's stem must start a word
                if not out or out[-1][1] <= start:
                    out.append((start, end, text[start:end]))
                break
    return out


def _whole_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands as a word of its own (勉县 in 汉中市勉县投资, not
    和县 in 市和县两级): two-character county names are read only so."""
    from chaingraph.extract.words import shared

    if text[start] in "和与及" and start > 0 and text[start - 1] in "市省区乡镇村":
        return False  # 市和县两级: levels joined by 和, not 和县
    window, stop = max(0, start - 6), min(len(text), end + 6)
    cuts = shared().boundaries(text[window:stop], window)
    return start in cuts and end in cuts


def _cut_word(text: str, start: int, end: int, place) -> bool:
    """True when ``text[start:end]``, a district named from a county's stem (not the
    gazetteer's own name), starts inside a word of the text."""
    if place.name == text[start:end] or start == 0 or not re.match(r"[\u4e00-\u9fff]", text[start - 1]):
        return False
    from chaingraph.extract.words import shared

    window = max(0, start - 6)
    return start not in shared().boundaries(text[window:end], window)


_TOWN = re.compile(r"(?![的在于和与及是为从到])(?![\u4e00-\u9fff]{1,2}之乡)[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)(?![\u4e00-\u9fff]{0,1}(?:政府|党委|人大))")
_NOT_TOWNS = frozenset({"城乡", "乡镇", "城镇", "村镇", "家乡", "故乡", "老乡", "下乡", "返乡", "回乡", "异乡", "他乡"})
# a list of places: 「重庆、绵阳、射洪等地」
_PLACE_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等(?:地|地区|城市|市县|区县|县市|市|县)")


@lru_cache(maxsize=1)
def _unique_shorts() -> dict[str, object]:
    """County-level places by their short name (射洪 for 射洪市), where only one has it."""
    by_short: dict[str, dict] = {}
    for place in _zh_table()[1].values():  # a place is there under its old and new names
        if len(place.short) >= 2:
            by_short.setdefault(place.short, {})[place.code] = place
    return {k: next(iter(v.values())) for k, v in by_short.items() if len(v) == 1}


@lru_cache(maxsize=1)
def county_stems() -> frozenset[str]:
    """The short names (射洪, 晋江) of the county-level places only one place has."""
    return frozenset(_unique_shorts())


def _listed_shorts(sentence: str, known: set[str]) -> list[tuple[int, int, object]]:
    """Return ``(start, end, place)`` of county short names listed among places
    (「A、B、C等地」): a bare county name counts where the list says it is a place."""
    out = []
    shorts = _unique_shorts()
    for match in _PLACE_LIST.finditer(sentence):
        pos = match.start(1)
        for item in match.group(1).split("、"):
            if item in shorts and item not in known:
                out.append((pos, pos + len(item), shorts[item]))
            pos += len(item) + 1
    return out


@lru_cache(maxsize=16384)
def _counties_named(word: str) -> tuple:
    """The county-level places whose English name is ``word`` (cached: the same
    capitalised words recur in every article)."""
    from chaingraph.gazetteer import gazetteer

    return tuple(gazetteer().lookup(word, ("county",)))


def _info(place) -> dict:
    from chaingraph.gazetteer import gazetteer

    g = gazetteer()
    city, province = g.city_of(place), g.province_of(place)
    cg = city_gazetteer()
    parent = cg.lookup(city.short) if city is not None else None
    prov = cg.lookup(province.short) if province is not None else None
    return {"zh": place.short, "parent": parent.name if parent else None,
            "province": prov.name if prov else None}


# an administrative district or new area named for its city ("Wuxi National Hi-tech
# District", "Dalian New Area") is a place below the city, not a park
_DISTRICT_EN = cued(r"\b([A-Z][a-z]+)(?: (?:National|State-level|Hi-tech|Hi-Tech|High-tech|High-Tech|"
                    r"Economic|Development|Industrial|Technological|and))* (?:District|New Area)\b"
                    r"(?! (?:Administrative|Management|Committee|Government))")
# "Chendai Town", "Wutong Sub-district": a town the gazetteer does not list
_TOWN_EN = cued(r"\b[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]*)?\s+(?:Town|Township|Subdistrict|Sub-district|Sub-District)\b"
                r"(?! (?:Government|Committee))")
_TOWN_BEFORE_COUNTY = re.compile(r",\s+|\s+of\s+(?:the\s+)?")


def _towns_in(text: str, mentions: list[Mention]) -> None:
    """Give an English town its county when the text names the county right after it
    ("Luoshe Town, Deqing County", "Wutong Sub-district of Tongxiang City")."""
    counties = {m.start: m for m in mentions if m.key.startswith("county:")}
    for town in (m for m in mentions if m.key.startswith("town:") and not m.info.get("parent")):
        gap = _TOWN_BEFORE_COUNTY.match(text, town.end)
        county = counties.get(gap.end()) if gap else None
        if county is not None:
            town.info = {"parent": county.key, "province": county.info.get("province")}


# what may follow a bare county name: not a longer capitalised name (Rugao Jinhai Steel), nor "-based"
_BARE_AFTER = r"(?![ -][A-Z0-9(])(?!-based)"
_BARE_EN = re.compile(r"(?<!-)\b([A-Z][a-z]{2,})\b" + _BARE_AFTER)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w&'’.-]*[ -]$")
# "Weiyang Machinery Co., Ltd. of Changshu": a firm's place after its legal form
_FIRM_OF = r"\b(?:Co\.,?\s*Ltd\.?|Ltd\.?|Limited|Co\.|Inc\.|Corp\.|Group)\s+of\s+"
# where a place is named: after a preposition, or in a list ("Haimen, Qidong and Rugao")
_PLACE_SLOT = re.compile(r"(?:\b(?:in|at|from|to|near|and|or)\s+|,\s+|" + _FIRM_OF + r")$")
# where the province alone places a bare county ("in Kaili", Guizhou named; "… Co., Ltd. of Changshu")
_PROVINCE_SLOT = re.compile(r"(?:\b(?:in|at|from) |" + _FIRM_OF + r")$")
# after a bare name read in a comma's slot: the list or apposition goes on (", Gongzhuling.")
_LIST_GOES_ON = re.compile(r"[,.;:)]|$|\s+(?:and|or)\b|\s+(?:counties|districts|cities)\b")
_NOT_BARE = frozenset({"Xinhua", "China", "The", "This", "That"})
_OF_PLACE = re.compile(r"\s+of\s+([A-Z][a-z]+)\b")
# an apposition that says what a bare name is: "Yongkang, a county-level city administered by Jinhua"
_APPOSED_COUNTY = re.compile(r",\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:county-level city|county|district)\b")


def _again_bare(sentences: list[Sentence], out: list[Mention]) -> None:
    """Add to ``out`` the other uses of a bare county name read in a place's slot, out
    of one: once "held in Golmud" placed it, "Golmud signs 14 projects" is the place too."""
    bare = {m.text: m for m in out if m.key.startswith("county:") and " " not in m.text}
    if not bare:
        return
    taken = {m.start for m in out}
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, bare)) + r")\b" + _BARE_AFTER)
    for index, sent in enumerate(sentences):
        for m in pattern.finditer(sent.text):
            start = sent.start + m.start()
            if start in taken or _CAPITAL_BEFORE.search(sent.text, max(0, m.start() - 30), m.start()):
                continue
            seen = bare[m.group(0)]
            out.append(Mention(start, start + len(m.group(0)), m.group(0), "City", index, key=seen.key, info=seen.info))


def county_mentions(text: str, sentences: list[Sentence], language: str,
                    context: set[str] | frozenset[str] = frozenset(),
                    cities: list[Mention] | None = None) -> list[Mention]:
    """Return City mentions of county-level places in ``text``; ``key`` is
    ``county:<short Chinese name>``, ``info`` holds ``zh`` (short name), ``parent`` and ``province``.
    In English a bare name ("in Kaili") counts only when its prefecture or province
    is among the article's places ``context``. Chinese towns standing alone
    (:func:`town_mentions`) are placed in the county or city of ``cities`` (the
    article's prefecture mentions) or of the counties named last before them."""
    out: list[Mention] = []
    if language == "en":
        for index, sent in enumerate(sentences):
            for m in _EN.finditer(sent.text):
                city = city_gazetteer().lookup(m.group(1))
                if city is not None and (m.group(2) in ("County-level City", "City") or city.kind != "City"):
                    continue
                found = list(_counties_named(m.group(1)))
                if not found and m.group(2) == "County":  # "Fei County" is 费县, whose pinyin is "feixian"
                    found = [p for p in _counties_named(m.group(1) + "xian") if len(p.name) == 2]
                named_for_city = [p for p in found if city is not None and _info(p)["parent"] == city.name]
                if named_for_city:  # Changsha County: the county that shares its city's name
                    found = named_for_city
                elif city is not None or len({p.code for p in found}) > 1:
                    # Yiyang County of Shangrao or of Luoyang (not Yiyang City): the one the article places
                    found = [p for p in found if _info(p)["parent"] in context] or [
                        p for p in found if _info(p)["province"] in context]
                if len({p.code for p in found}) != 1:
                    continue
                start = sent.start + m.start()
                out.append(Mention(start, start + len(m.group(0)), m.group(0), "City", index,
                                   key=f"county:{found[0].short}", info=_info(found[0])))
            for m in _TOWN_EN.finditer(sent.text):  # "Chendai Town": a town the gazetteer does not list
                start = sent.start + m.start()
                out.append(Mention(start, start + len(m.group(0)), m.group(0), "City", index,
                                   key=f"town:{m.group(0).lower()}", info={"parent": None, "province": None}))
            counted = {o.start for o in out if o.sent == index}
            for m in _DISTRICT_EN.finditer(sent.text):
                city = city_gazetteer().lookup(m.group(1))
                start = sent.start + m.start()
                if city is None or city.kind != "City" or start in counted:
                    continue  # Suzhou District of Jiuquan is a county the gazetteer knows, not Suzhou's
                name = m.group(0)
                out.append(Mention(start, start + len(name), name, "City", index, key=f"district:{name.lower()}",
                                   info={"parent": city.name, "province": city.province}))
            for m in _BARE_EN.finditer(sent.text) if context else ():
                every = _counties_named(m.group(1))  # most capitalised words are none: asked first
                apposed = _APPOSED_COUNTY.match(sent.text, m.end())  # "Yongkang, a county-level city …"
                # "bases in Taizhou of Jiangsu, Pinghu of Zhejiang": the county's own province or prefecture
                of = _OF_PLACE.match(sent.text, m.end()) if every else None
                placed = [p for p in every if of and of.group(1) in (_info(p)["parent"], _info(p)["province"])]
                if not every or m.group(1) in _NOT_BARE or city_gazetteer().lookup(m.group(1)) is not None \
                        or _CAPITAL_BEFORE.search(sent.text, max(0, m.start() - 30), m.start()) \
                        or not (apposed or _PLACE_SLOT.search(sent.text, max(0, m.start() - 30), m.start())):
                    continue
                if sent.text[:m.start()].endswith((", ", ",")) and not apposed and not placed \
                        and not _LIST_GOES_ON.match(sent.text, m.end()):
                    continue  # "Under the deal, Jianghan will …": a comma is a list's slot only inside a list
                # a county counts where its prefecture is among the article's places; that
                # also tells apart two counties of one name (Qidong of Nantong, of Hengyang)
                found = placed or [p for p in every if _info(p)["parent"] in context]
                if not found and _PROVINCE_SLOT.search(sent.text[:m.start()]):
                    found = [p for p in every if _info(p)["province"] in context]  # "in Kaili", Guizhou named
                if len({p.code for p in found}) != 1:
                    continue
                info = _info(found[0])
                start = sent.start + m.start(1)
                out.append(Mention(start, start + len(m.group(1)), m.group(1), "City", index,
                                   key=f"county:{found[0].short}", info=info))
        _again_bare(sentences, out)
        _towns_in(text, out)
        return out
    pattern, by_name = _zh_table()
    if pattern is None:
        return out
    by_name = _article_table(text, by_name)
    full = {name for _s, _e, name in _find_full(text, by_name)}
    known = {p.zh for p in city_gazetteer().places}
    shorts = {by_name[n].short: by_name[n] for n in full if len(by_name[n].short) >= 2 and by_name[n].short not in known}
    short_re = re.compile("|".join(map(re.escape, sorted(shorts, key=len, reverse=True)))) if shorts else None
    for index, sent in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for a, b, name in _find_full(sent.text, by_name):
            place = by_name[name]
            taken.append((a, b))
            out.append(Mention(sent.start + a, sent.start + b, name, "City", index,
                               key=f"county:{place.short}", info=_info(place)))
            town = _TOWN.match(sent.text, b)
            # 柯桥区钱清镇: a town of the county; 上栗县萍乡… is a city's name (萍乡), no town
            if town and town.group(0) not in _NOT_TOWNS and city_gazetteer().lookup(town.group(0)) is None:
                info = {"parent": f"county:{place.short}", "province": _info(place)["province"]}
                out.append(Mention(sent.start + b, sent.start + town.end(), town.group(0), "City", index,
                                   key=f"town:{town.group(0)}", info=info))
        for a, b, place in _listed_shorts(sent.text, known):
            if not any(x < b and a < y for x, y in taken):
                taken.append((a, b))
                out.append(Mention(sent.start + a, sent.start + b, sent.text[a:b], "City", index,
                                   key=f"county:{place.short}", info=_info(place)))
        if short_re is None:
            continue
        for m in short_re.finditer(sent.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            place = shorts[m.group(0)]
            start = sent.start + m.start()
            out.append(Mention(start, start + len(m.group(0)), m.group(0), "City", index,
                               key=f"county:{place.short}", info=_info(place)))
    return out + town_mentions(text, sentences, out + list(cities or []))


# a town or subdistrict standing alone, in a place's slot: 在北滘镇举行, 所在的容桂街道, 大岭山镇、长安镇等;
# a town listed after 、 or 和 needs no such word after it (乐从镇和陈村镇聚集了…)
_LONE_TOWN = cued(r"(?<=[在于的、，。；“（\s和与及])((?![的在于和与及是为从到])(?![\u4e00-\u9fff]{1,2}之乡)[\u4e00-\u9fff]{2,3}?)(镇|乡|街道)"
                  r"(?:(?=[的、，。；举等和与）”]|$)|(?<=[、和与及]..[镇乡])|(?<=[、和与及]...[镇乡]))"
                  # the first of a list of towns needs no word before it (依托溪龙乡、天荒坪镇等)
                  r"|([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)(?=、[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道))")


def town_mentions(text: str, sentences: list[Sentence], places: list[Mention]) -> list[Mention]:
    """Return City mentions (key ``town:<name>``) of the towns and subdistricts ``text``
    names on their own, every occurrence of each. The stem must read as a place to
    the segmenter (长安, 大岭山) or as characters it knows no word for (北滘, 容桂);
    特色小镇 is not a town. A town's parent is the county or city of ``places``
    mentioned last before its first occurrence.

    >>> t = "佛山市顺德区家电企业多在北滘镇。"
    >>> [(m.text, m.info["parent"]) for m in town_mentions(t, [Sentence(t, 0, len(t))],
    ...     [Mention(3, 6, "顺德区", "City", 0, key="county:顺德", info={"province": "Guangdong"})])]
    [('北滘镇', 'county:顺德')]
    """
    from chaingraph.extract.places import gazetteer as place_names
    from chaingraph.extract.words import _tags, shared

    tags = _tags()
    taken = [(m.start, m.end) for m in places]
    # a town named after its county (宜兴市官林镇) counts wherever else the text names it (地处官林镇)
    names: dict[str, dict] = {m.text: dict(m.info) for m in places if m.key.startswith("town:")}
    for sent in sentences:
        bounds = None
        for m in _LONE_TOWN.finditer(sent.text):
            first = 1 if m.group(1) else 3
            stem, name = m.group(first), m.group(first) + m.group(first + 1)
            start = sent.start + m.start(first)
            if bounds is None:
                bounds = shared().boundaries(sent.text, sent.start)
            if first == 3 and len(stem) == 3 and (start not in bounds or stem[0] in "在于的是从到和与及为"):
                stem, name, start = stem[1:], name[1:], start + 1  # 依托溪龙乡, 分布在淑阳镇: the list's town starts a word
            if name in names or name in _NOT_TOWNS or any(a < start + len(name) and start < b for a, b in taken):
                continue
            lead = place_names().zh_regex.match(stem)
            if lead is not None and lead.end() < len(stem):
                continue  # 浙江桐乡: a province or city before a county-level city ending in 乡 (桐乡), no town
            words = shared().words(stem)
            # a stem the segmenter reads as a place, or as a name when towns are listed (天荒坪镇、…)
            name_tags = ("ns", "nr") if first == 3 or sent.text[m.start(first) - 1:m.start(first)] == "、" else ("ns",)
            if not (all(len(w) == 1 for w in words) or tags.get(words[0]) in name_tags
                    and all(len(w) == 1 or tags.get(w) in name_tags for w in words)):
                continue
            if start not in bounds:
                continue
            before = [p for p in places if p.end <= start and p.key]
            parent = max(before, key=lambda p: (p.key.startswith("county:"), p.end), default=None)
            names[name] = {"parent": parent.key if parent else None,
                           "province": parent.info.get("province") if parent else None}
    out = []
    starts = [s.start for s in sentences]
    for name, info in names.items():
        for m in re.finditer(re.escape(name), text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            index = bisect_right(starts, m.start()) - 1
            if index < 0 or m.start() >= sentences[index].end:
                index = -1
            out.append(Mention(m.start(), m.end(), name, "City", index, key=f"town:{name}", info=dict(info)))
    return out
