"""Turning mentions into entities: nested mentions resolved, surface forms of one
thing merged (abbreviations in brackets, short firm names, acronyms, chain
variants, lowercase references to a named alliance, every mention of the main
event), and the fullest form chosen as the name. Over 400 lines: the merge rules are
short, and each changes the same groups of mentions, so they stay together."""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.counties import is_county_name
from chaingraph.extract.en_names import pinyin_name
from chaingraph.extract.places import CITY_GROUPS, gazetteer, in_other_province, place_word
from chaingraph.extract.result import Entity, Mention
from chaingraph.extract.spans import Containing, Covered, FormFinder
from chaingraph.identity import name_key
from chaingraph.model import Label

ORG_TYPES = ("Firm", "Agency", "Alliance", "Cluster", "Event")
_ONE_WORD_CHAINS = frozenset(f.lower() for forms in [*lx.CHAINS.values(), *lx.WEAK_CHAINS.values()] for f in forms
                             if f.isascii() and " " not in f)
_GENERIC_FIRST = {"china", "chinese", "national", "international", "new", "great", "golden", "state", "the",
                  "first", "central", "global", "world", "asia", "east", "west", "south", "north", "hunan"}


def _contains(outer: Mention, inner: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (outer.start, outer.end) != (inner.start, inner.end)


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop organisation mentions inside longer ones, mark places and chains nested in
    organisations (``nested_in``), drop places nested in firm names (kept on the
    firm as ``info['places']``) and chains nested in firm or agency names. Takes
    and returns a list of mentions; the returned one is sorted by span."""
    # Organisations come in order of start, so a kept one that ends at or before the
    # current start never clashes again: only the kept ones still open are scanned.
    # at one span an event comes first: "Founding Conference of the X Alliance" is the event's name only
    orgs = sorted((m for m in mentions if m.type in ORG_TYPES),
                  key=lambda m: (m.start, -(m.end - m.start), m.type != "Event"))
    kept_orgs: list[Mention] = []
    open_orgs: list[Mention] = []  # kept ones ending after the current start, in kept order
    for m in orgs:
        open_orgs = [k for k in open_orgs if k.end > m.start]
        clash = next((k for k in open_orgs if k.start < m.end and m.start < k.end), None)
        if clash is None:
            kept_orgs.append(m)
            open_orgs.append(m)
        elif clash.type == "Event" and m.type in ("Cluster", "Firm", "Alliance") and _contains(clash, m) \
                and (m.start, m.end) != (clash.start, clash.end):
            m.nested_in = Label.EVENT  # "opening ceremony of the X Park" names the park too, "founding of the X Alliance" the alliance
            kept_orgs.append(m)
            open_orgs.append(m)
        elif m.info.get("synthetic") or clash.info.get("synthetic"):
            kept_orgs.append(m)
            open_orgs.append(m)
        elif (m.end - m.start) > (clash.end - clash.start) and not clash.info.get("trigger"):
            kept_orgs.remove(clash)
            open_orgs.remove(clash)
            kept_orgs.append(m)
            open_orgs.append(m)
    # a zone named inside its own committee (芜湖经济技术开发区管委会) is a cluster too
    agencies = Containing((o.start, o.end) for o in kept_orgs if o.type == "Agency")
    by_span: dict[tuple[int, int], list[Mention]] = {}  # mentions equal to one kept share its span
    for o in kept_orgs:
        by_span.setdefault((o.start, o.end), []).append(o)
    for m in orgs:
        if m.type == "Cluster" and all(k != m for k in by_span.get((m.start, m.end), ())) \
                and agencies.contains(m.start, m.end):
            m.nested_in = Label.AGENCY
            kept_orgs.append(m)
            by_span.setdefault((m.start, m.end), []).append(m)
    # a place inside a longer place (湖南 in 湖南省长沙市) is dropped, but not the city of a new area
    places = [m for m in mentions if m.type in ("City", "Province")]
    before = Containing((q.start, q.end) for q in places)
    furthest_from: dict[int, int] = {}
    for q in places:
        furthest_from[q.start] = max(q.end, furthest_from.get(q.start, q.end))
    inner_places = {id(p) for p in places if (before.contains(p.start, p.end, strict_start=True)
                                              or furthest_from[p.start] > p.end) and not p.info.get("names_area")}
    mentions = [m for m in mentions if id(m) not in inner_places]
    outer_of = _first_containing([o for o in kept_orgs if not o.info.get("synthetic")],
                                 [m for m in mentions if m.type not in ORG_TYPES])
    out = list(kept_orgs)
    in_event = [o for o in kept_orgs if o.nested_in == Label.EVENT]
    for m in mentions:
        if m.type in ORG_TYPES:
            continue
        outer = outer_of.get(id(m))
        if outer is not None:
            if m.info.get("region"):
                continue  # the Yangtze River Delta PV Alliance is not where it is: a region names its scope
            m.nested_in = outer.type
            outer.info.setdefault("places" if m.type in ("City", "Province") else "chains", []).append(m)
            if outer.type == "Event" and m.type in ("City", "Province"):
                # "founding conference of the Luoyang X Alliance": the place names the alliance too
                for o in in_event:
                    if o.start <= m.start and m.end <= o.end:
                        o.info.setdefault("places", []).append(m)
            if m.type in ("City", "Province") and outer.type == "Firm" and not m.info.get("bracket"):
                continue
            if m.type == "Chain" and (outer.type in ("Firm", "Agency") or outer.info.get("association")):
                continue
        out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end))


def _first_containing(outers: list[Mention], inners: list[Mention]) -> dict[int, Mention]:
    """Return, for the id of each of ``inners`` that one of ``outers`` contains, the
    first such outer in the order of ``outers``. A sweep by start: only the outers
    open at an inner's start are looked at."""
    order = sorted(range(len(outers)), key=lambda i: outers[i].start)
    found: dict[int, Mention] = {}
    open_here: list[int] = []  # positions in ``outers`` of those started and not yet ended
    next_outer = 0
    for m in sorted(inners, key=lambda m: m.start):
        while next_outer < len(order) and outers[order[next_outer]].start <= m.start:
            open_here.append(order[next_outer])
            next_outer += 1
        open_here = [i for i in open_here if outers[i].end >= m.start]
        best = min((i for i in open_here if m.end <= outers[i].end), default=None)
        if best is not None:
            found[id(m)] = outers[best]
    return found


def build_entities(text: str, mentions: list[Mention], main_event: Mention | None) -> list[Entity]:
    """Group mentions into entities and return them in order of first mention."""
    gaz = gazetteer()
    for m in mentions:
        if not m.text:
            m.text = text[m.start:m.end]
        if not m.key:
            m.key = _org_key(m) if m.type in ORG_TYPES else name_key(m.text)
    # aliases in brackets: "Full Name (ABBR)" and "Agency A (Agency B)"
    alias_of: dict[tuple[str, str], tuple[str, str]] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if abbr := m.info.get("abbr"):
            alias_of[(m.type, abbr.casefold())] = (m.type, m.key)
            if " " in abbr:  # a declared short name of words ("Chizhou High-tech Zone") is keyed as a name
                alias_of.setdefault((m.type, _EDITION.sub("", name_key(abbr))), (m.type, m.key))
        # the next mention of its type right after it: a place opening the bracketed name
        # (Jingmen in "(Jingmen High-tech Zone)") may be a mention that sorts before it
        nxt = next((o for o in ordered[i + 1:i + 4] if o.type == m.type and o.start >= m.end), None)
        if (nxt is not None and m.type in ORG_TYPES
                and re.fullmatch(r"\s*[(（]\s*", text[m.end:nxt.start])
                and re.match(r"\s*[)）]", text[nxt.end:nxt.end + 3])):
            alias_of[(nxt.type, nxt.key)] = (m.type, m.key)
    # the main event takes every event mention
    for m in mentions:
        if m.type == "Event":
            m.key = "main-event"
    named_alliances = [m for m in ordered if m.type == "Alliance" and not m.info.get("lower") and not m.info.get("generic")]
    lower_alliances = [m for m in ordered if m.type == "Alliance" and m.info.get("lower")]
    target = named_alliances[0] if named_alliances else (lower_alliances[0] if lower_alliances else None)
    for m in ordered:
        if m.type == "Alliance" and (m.info.get("lower") or m.info.get("generic")) and target is not None:
            m.key = target.key
    mentions = [m for m in mentions if not (m.type == "Alliance" and m.info.get("generic") and target is None)]
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = (m.type, m.key)
        k = alias_of.get((m.type, m.key.casefold()), alias_of.get(k, k))
        groups.setdefault(k, []).append(m)
    _split_listed_subsidiary(groups)
    _merge_chain_variants(groups)
    _merge_group_abbreviated(groups)
    _merge_place_prefixed(groups)
    _merge_zh_abbreviations(groups)
    _merge_zh_heads(groups)
    _merge_into_registered_firm(groups, alias_of)
    _abbreviation_mentions(text, groups, alias_of, mentions)
    _add_short_forms(text, groups, mentions)
    provinces = {k[1] for k in groups if k[0] == "Province"}
    entities: list[Entity] = []
    for (kind, key), ms in sorted(groups.items(), key=lambda kv: min(m.start for m in kv[1])):
        surfaces = []
        for m in ms:
            surface = _LEADING_ARTICLE.sub("", _spaced(m.text))
            if surface and surface not in surfaces:
                surfaces.append(surface)
        if kind == "Event" and main_event is not None:
            name = main_event.text.strip()
            if main_event.info.get("alias"):
                surfaces.append(main_event.info["alias"])
        elif kind == "Chain":
            counts: dict[str, int] = {}
            for m in ms:
                surface = _SPACES.sub(" ", m.text).strip().lower() if not _HAN.search(m.text) else m.text.strip()
                counts[surface] = counts.get(surface, 0) + 1
            name = max(counts, key=lambda x: (counts[x], -list(counts).index(x))) if counts else key
            # a fuller form written as the trade's name ("hydrogen energy firms") over the commodity the
            # article writes more often ("hydrogen"); a fuller product ("battery copper foil to A") is not
            traded = {_SPACES.sub(" ", m.text).strip().lower() for m in ms if _TRADE_AFTER.match(text, m.end)}
            fuller = [f for f in traded if f != name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", f)]
            if fuller and not _HAN.search(name):
                name = max(fuller, key=lambda x: (len(x), counts[x]))
        elif kind == "Agency" and any(m.info.get("synthetic") for m in ms):
            name = max((m.text for m in ms if m.info.get("synthetic")), key=len)
        else:
            # a capitalised name outranks a longer lowercase reference (a headline's "X sets up … alliance")
            proper = []
            if len(surfaces) > 1 and any(m.info.get("lower") for m in ms):
                proper = [p for p in (_spaced(m.text) for m in ms if not m.info.get("lower") and not m.info.get("generic"))
                          if p in surfaces]
            if kind in ("City", "Province") and not proper:
                # a place is named as the text writes it on its own: 亳州 beside 亳州市人民政府
                proper = [p for p in (_spaced(m.text) for m in ms if m.nested_in is None) if p in surfaces]
            name = max(proper or surfaces, key=len) if surfaces else key
        aliases = [s for s in surfaces if s != name and not _generic_surface(s)]
        entity = Entity(id="", type=kind, name=name, aliases=aliases, mentions=ms)
        if kind == "City":
            place = gaz.lookup(key)
            province = ms[0].info.get("province") or (place.province if place else None)
            # "Fuzhou" is 福州 of Fujian or 抚州 of Jiangxi: a province named in a sentence with it
            # picks one for an English name (else the larger city, listed first), while a Chinese
            # name (福州) is one place already
            if place is not None and not re.search(r"[\u4e00-\u9fff]", ms[0].text):
                near = {k[1] for k, others in groups.items() if k[0] == "Province"
                        for o in others if any(o.sent == m.sent for m in ms)}
                alts = [p for p in gaz.places if p.name == place.name and p.kind == "City" and p.province in near]
                if alts:
                    province = alts[0].province
            entity.province = province
            if ms[0].info.get("parent"):
                entity.props["parent"] = ms[0].info["parent"]
            if ms[0].info.get("zh"):
                entity.props["zh"] = ms[0].info["zh"]
            group = next((g for g in CITY_GROUPS if g[0] == key), None)
            if group:
                entity.props["members"] = list(group[3])
            elif ms[0].info.get("members"):
                entity.props["members"] = ms[0].info["members"]
        entities.append(entity)
    for number, entity in enumerate(entities, start=1):
        entity.id = f"e{number}"
    return entities


_GENERIC_WORDS = frozenset("""the a an this that alliance industrial industry chain chains conference meeting forum
summit fair expo exhibition event activity ceremony symposium seminar zone park cluster bureau committee department
government association company group firm enterprise enterprises state provincial municipal city local its their
联盟 大会 会议 论坛 峰会 活动 园区 开发区 集团 公司 本次 该""".split())


_SPACES = re.compile(r"\s+")
#: words after a chain's name that use it as the name of a trade
_TRADE_AFTER = re.compile(r"\s+(?:industry|industries|industrial|chain|chains|sector|sectors|cluster|clusters|"
                          r"enterprises|firms|companies|makers|producers|manufacturers)\b", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: an event's year and edition before its name ("2024 the 3rd …"), left out of its key
_EDITION = re.compile(r"^(?:\d{4}\s+)?(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+|first\s+|second\s+|third\s+|fourth\s+|"
                      r"fifth\s+|sixth\s+|seventh\s+|eighth\s+|ninth\s+|tenth\s+)")


def _spaced(text: str) -> str:
    """A mention's text with its runs of white space one space, trimmed of edge punctuation."""
    return _SPACES.sub(" ", text).strip(" ,.;:")


def _generic_surface(surface: str) -> bool:
    """True for surfaces that name no one thing ("alliance", "the meeting", 联盟)."""
    words = surface.lower().split()
    return all(w in _GENERIC_WORDS for w in words) if words else True


def _org_key(m: Mention) -> str:
    key = name_key(m.text)
    return _EDITION.sub("", key)


def _merge_chain_variants(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """Merge chain groups when one key's words begin the other's ("building materials
    and prefabricated" and "... and prefabricated construction"), unless the longer
    goes on with "and" (a coordinated chain and its first conjunct are two)."""
    keys = sorted((k for k in groups if k[0] == "Chain"), key=lambda k: len(k[1]))
    for i, short in enumerate(keys):
        if short not in groups:
            continue
        for long in keys[i + 1:]:
            rest = long[1][len(short[1]):].split()
            # "glass fibre" is one conjunct of "glass fibre and composite materials", not a cut of it
            if long in groups and len(short[1].split()) >= 3 and (long[1] + " ").startswith(short[1] + " ") \
                    and rest[0] not in ("and", "&"):
                groups[short].extend(groups.pop(long))


def _merge_zh_abbreviations(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """Merge a Chinese firm abbreviation into the full name it abbreviates: 广汽集团
    into 广州汽车集团股份有限公司 (same first character, characters in order, both
    named 集团)."""
    firms = [k for k in groups if k[0] == "Firm" and re.search(r"[\u3400-\u9fff]", k[1])]
    for short in sorted(firms, key=lambda k: len(k[1])):
        if short not in groups or not any(m.text.endswith("集团") for m in groups[short]) or len(short[1]) > 4:
            continue
        targets = [k for k in firms if k != short and k in groups and len(k[1]) > len(short[1])
                   and k[1][0] == short[1][0] and letters_in_order(short[1], k[1])
                   and any("集团" in m.text for m in groups[k])]
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(short))


_FULL_FIRM = re.compile(r"(?:有限公司|有限责任公司|股份公司|集团公司)$")


def _split_listed_subsidiary(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """Split from a firm's group the X股份有限公司 of an X集团…有限公司 it was keyed with:
    安阳钢铁集团有限责任公司 and its listed 安阳钢铁股份有限公司 share a name key but are two
    firms. The 股份 company takes its full names and the short names that say 股份
    (安钢股份); the group keeps the rest (安钢集团, 安钢). Changes ``groups`` in place.

    >>> ms = [Mention(0, 12, "安阳钢铁集团有限责任公司", "Firm", 0, key="安阳钢铁"), Mention(20, 30, "安阳钢铁股份有限公司", "Firm", 0,
    ...       key="安阳钢铁"), Mention(31, 35, "安钢股份", "Firm", 0, key="安阳钢铁"), Mention(40, 42, "安钢", "Firm", 0, key="安阳钢铁")]
    >>> groups = {("Firm", "安阳钢铁"): ms}
    >>> _split_listed_subsidiary(groups)
    >>> sorted((k[1], [m.text for m in v]) for k, v in groups.items())
    [('安阳钢铁', ['安阳钢铁集团有限责任公司', '安钢']), ('安阳钢铁股份', ['安阳钢铁股份有限公司', '安钢股份'])]
    """
    for key in [k for k in groups if k[0] == "Firm"]:
        ms = groups[key]
        full = [m for m in ms if _FULL_FIRM.search(m.text) and _ALL_HAN.match(m.text)]
        if not any("集团" in m.text for m in full):
            continue
        listed, rest = [], []
        for m in ms:
            (listed if "股份" in m.text and "集团" not in m.text else rest).append(m)
        if not any(_FULL_FIRM.search(m.text) for m in listed):
            continue
        groups[key] = rest
        groups[(key[0], key[1] + "股份")] = listed


def _merge_zh_heads(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """Merge a Chinese short firm name the article uses on its own into the one full
    registered name whose name, after a leading place (of the gazetteer, or a county or
    district the article names), starts with it: 伯特利 into 芜湖伯特利汽车安全系统股份有限公司,
    奇瑞 into 奇瑞汽车股份有限公司, 明珠冷链 into 普陀明珠冷链物流有限公司; and into a short name that is
    all of it after a place (施特劳钢琴 into 德清施特劳钢琴)."""
    gaz = gazetteer()
    # the article's own counties and districts, with and without their suffix (普陀区, 普陀)
    local = sorted({t for k, ms in groups.items() if k[0] == "City" for m in ms
                    for t in (m.text, m.text.rstrip("县区市旗")) if len(t) >= 2 and _ALL_HAN.fullmatch(t)},
                   key=len, reverse=True)  # longest first: 普陀区 before 普陀
    full: list[tuple[tuple[str, str], str]] = []
    placed: list[tuple[tuple[str, str], str]] = []  # short names after a place: 德清施特劳钢琴
    for key, ms in groups.items():
        if key[0] != "Firm":
            continue
        place = gaz.zh_regex.match(key[1])
        core = key[1][place.end():] if place else key[1]
        core = next((core[len(t):] for t in local if core.startswith(t)), core)
        if any(_FULL_FIRM.search(m.text) for m in ms):
            full.append((key, core))
        elif core != key[1] and len(core) >= 3:
            placed.append((key, core))
    for short in [k for k in groups if k[0] == "Firm" and 2 <= len(k[1]) <= 6]:
        if short not in groups or any(_FULL_FIRM.search(m.text) for m in groups[short]) \
                or not re.fullmatch(r"[\u4e00-\u9fff]+", short[1]):
            continue
        # 翠屏新材料 is the whole core of 宜宾翠屏新材料有限公司; 施特劳钢琴 all of 德清施特劳钢琴 after its place
        targets = {k for k, core in full if k != short and k in groups and len(core) >= len(short[1])
                   and core.startswith(short[1])}
        # 北京同心堂 opens 北京同心堂健康科技有限公司 place and all; 云州黄花 opens what follows
        # 山西 in 山西云州黄花农业开发有限公司
        own_place = gaz.zh_regex.match(short[1]) or next(
            (re.match(re.escape(t), short[1]) for t in local if short[1].startswith(t)), None)
        if own_place and len(short[1]) - own_place.end() >= 2:
            targets |= {k for k, _core in full if k != short and k in groups and (
                k[1].startswith(short[1]) or _after_place(gaz, k[1]).startswith(short[1]))}
        targets |= {k for k, core in placed if k != short and k in groups and core == short[1]}
        if not targets and 4 <= len(short[1]) <= 6:
            # 永泰轴承 of 山东永泰精密轴承有限公司, 东晟打火机 of 湖南东晟智能打火机有限公司: the name's two
            # characters and its trade, what stands between left out
            targets = {k for k, core in full if k != short and k in groups and core.startswith(short[1][:2])
                       and _FULL_FIRM.sub("", core).endswith(short[1][2:])
                       and len(_FULL_FIRM.sub("", core)) > len(short[1])}
        if len(targets) == 1:
            groups[targets.pop()].extend(groups.pop(short))


def _after_place(gaz, name: str) -> str:
    """``name`` without the gazetteer place it opens with (山西云州黄花… → 云州黄花…)."""
    place = gaz.zh_regex.match(name)
    return name[place.end():] if place else name


def letters_in_order(letters: str, text: str) -> bool:
    """True when every character of ``letters`` occurs in ``text`` in the same order
    (an abbreviation's characters in its full name: 中建 in 中国建筑).

    >>> letters_in_order("中建", "中国建筑"), letters_in_order("建中", "中国建筑")
    (True, False)
    """
    pos = 0
    for ch in letters:
        pos = text.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


_ADMIN_WORDS = re.compile(r"\b(municipal|city|provincial|province|prefecture|county)\b\s*")


def _admin_free(key: str) -> str:
    """The key without administrative words: 长沙市X and 长沙X, 安吉县X and 安吉X,
    "Shaoxing Municipal X" and "Shaoxing X" are the same name."""
    from chaingraph.extract.counties import _zh_table

    gaz = gazetteer()
    key = _ADMIN_WORDS.sub("", key).strip()
    key = gaz.zh_regex.sub(lambda m: m.group(1), key)
    counties = _zh_table()[1]
    county = next((key[:n] for n in range(3, 7) if key[:n] in counties), None)
    if county and len(counties[county].short) >= 2:  # 安吉县X and 安吉X
        key = counties[county].short + key[len(county):]
    return key


def _place_level(key: str) -> str:
    """The administrative word after the first Chinese place in ``key`` ("" when none):
    市 for a city, 州 for a prefecture (自治州 and 地区 too)."""
    found = gazetteer().zh_regex.search(key)
    if found is None or found.start() > 0:
        # 淮安区人民政府: a county or district named like its city is a body of its own level
        county = next((n for n in range(3, 7) if is_county_name(key[:n])), None)
        if county is not None:
            return key[county - 1]
    suffix = found.group(2) or "" if found else ""
    return "州" if suffix.endswith("州") or suffix == "地区" else suffix


def _same_level(a: str, b: str) -> bool:
    """False when ``a`` and ``b`` name their place with different administrative words:
    文山州人民政府 (the prefecture's) and 文山市人民政府 (its county-level city's) are
    two bodies, while 长沙市X and 长沙X are one.

    >>> _same_level("文山壮族苗族自治州人民政府", "文山市人民政府"), _same_level("长沙市商务局", "长沙商务局")
    (False, True)
    >>> _same_level("淮安市人民政府", "淮安区人民政府")
    False
    """
    level_a, level_b = _place_level(a), _place_level(b)
    return not level_a or not level_b or level_a == level_b


def _merge_place_prefixed(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """Merge an organisation named "<place> X" with one named "X" of the same type
    (合肥市新能源汽车产业链联盟 and 新能源汽车产业链联盟), and names that differ only
    in administrative words (长沙市X and 长沙X; "Shaoxing Municipal X" and "Shaoxing X")."""
    gaz = gazetteer()
    for kind in ("Alliance", "Cluster", "Agency"):
        seen: dict[str, tuple[str, str]] = {}
        for key in sorted((k for k in groups if k[0] == kind), key=lambda k: (-len(k[1]), k[1])):
            plain = _admin_free(key[1])
            if plain in seen and seen[plain] in groups and _same_level(key[1], seen[plain][1]):
                groups[seen[plain]].extend(groups.pop(key))
            else:
                seen[plain] = key
    for kind in ("Alliance", "Cluster", "Agency"):
        keys = sorted((k for k in groups if k[0] == kind), key=lambda k: len(k[1]))
        for short in keys:
            for long in keys:
                if short == long or short not in groups or long not in groups:
                    continue
                if long[1].endswith(short[1]) and len(short[1]) >= 4:
                    prefix = long[1][: len(long[1]) - len(short[1])].strip()
                    if prefix and (gaz.lookup(prefix) or gaz.zh_regex.fullmatch(prefix) or gaz.en_regex.fullmatch(
                            prefix.title())):
                        groups[long].extend(groups.pop(short))


def _merge_into_registered_firm(groups: dict[tuple[str, str], list[Mention]],
                                alias_of: dict[tuple[str, str], tuple[str, str]]) -> None:
    """An institute or centre read as a body ("Luoyang Bearing Research Institute") whose
    name is a firm's registered name without its legal form ("… Research Institute Co.,
    Ltd.") is that firm: its mentions join the firm's group as Firm mentions, and its
    abbreviations in ``alias_of`` name the firm (both changed in place)."""
    firms = {name_key(ms[0].text): key for key, ms in groups.items() if key[0] == "Firm" and ms[0].text}
    for key in [k for k in groups if k[0] == "Agency"]:
        ms = groups[key]
        target = firms.get(name_key(ms[0].text))
        if target is not None and target in groups and _LEGAL_FORM.search(groups[target][0].text) \
                and not _LEGAL_FORM.search(ms[0].text):
            for m in ms:
                m.type, m.key = "Firm", target[1]
            groups[target].extend(groups.pop(key))
            for (_kind, abbr), aliased in list(alias_of.items()):
                if aliased == key:
                    alias_of[("Firm", abbr)] = target


_CAPITALS = re.compile(r"[A-Z]{2,6}")  # "LYC" of "Luoyang LYC Bearing Co., Ltd."
_LEGAL_FORM = re.compile(r"(?:\b(?:Co|Corp|Inc|Ltd|Limited|LLC)\b\.?|有限公司|有限责任公司)\s*$")


def _abbreviation_mentions(text: str, groups: dict[tuple[str, str], list[Mention]],
                           alias_of: dict[tuple[str, str], tuple[str, str]], mentions: list[Mention]) -> None:
    """Add every standalone use of an abbreviation defined in brackets ("(CATL)")."""
    taken = Covered((m.start, m.end) for ms in groups.values() for m in ms)
    for (kind, abbr), target in alias_of.items():
        if target not in groups or not abbr.isascii():
            continue
        for match in re.finditer(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])", text, re.IGNORECASE):
            if match.start() in taken or not match.group(0)[0].isupper():
                continue
            groups[target].append(Mention(match.start(), match.end(), match.group(0), kind, -1, key=target[1]))
            taken.add(match.start(), match.end())


def _add_short_forms(text: str, groups: dict[tuple[str, str], list[Mention]], mentions: list[Mention]) -> None:
    """Add mentions of short firm names ("Weiqiao" for "Weiqiao Pioneering Group")
    and of acronyms ("DFM" for "Dongfeng Motor Group") to their firm. Takes the
    cleaned ``text``, the entity ``groups`` (changed in place) and all ``mentions``."""
    taken = Covered((m.start, m.end) for m in mentions if m.type not in ("City", "Province"))
    short: dict[str, tuple[str, str]] = {}
    later: dict[str, set[tuple[str, str]]] = {}
    place_words = {m.text for m in mentions if m.type in ("City", "Province")}  # counties too (Rugao)
    place_words |= {_PLACE_SUFFIX.sub("", w) for w in place_words}  # "Deqing" of "Deqing County"

    def is_place(word: str) -> bool:
        return gazetteer().lookup(word) is not None or word in place_words

    def spells(acronym: str, name: str) -> bool:
        """True when ``acronym`` spells ``name``, or ``name`` without its place words (JAC)."""
        return _acronym_of(acronym, name) or _acronym_of(acronym, " ".join(w for w in name.split() if not is_place(w)))

    for key, ms in groups.items():
        if key[0] not in ("Firm",):
            continue
        full = ms[0].text
        words = [w for w in re.findall(r"[A-Za-z][\w'-]*", full)]
        dropped: list[str] = []  # "Jinzhong Qingyuan Hydrogen": Qingyuan, of another province, is the name's own
        while words and (is_place(words[0]) and not (dropped and in_other_province(dropped[0], words[0]))
                         or words[0].lower() in _GENERIC_FIRST):
            if is_place(words[0]):
                dropped.append(words[0])
            words = words[1:]
        if words and (len(words[0]) >= 4 and words[0][0].isupper() or _CAPITALS.fullmatch(words[0])) \
                and words[0].lower() not in _ONE_WORD_CHAINS:
            short.setdefault(words[0], key)  # "Bearing" of "Luoyang Bearing Research Institute" is the trade
        if len(words) >= 2:
            short.setdefault(" ".join(words[:2]), key)
        # the Chinese name inside the name, after words no short form keeps (Yazhou Bay Tianhe
        # Seed Industry: Tianhe Seed), with the word after it
        for i in range(1, len(words) - 1):
            if pinyin_name(words[i]) and not is_place(words[i]):
                later.setdefault(" ".join(words[i:i + 2]), set()).add(key)
        # "Tuoda" of "Dayu Tuoda Precision Machinery": the name after a county the article does not name
        if len(words) >= 3 and place_word(words[0], counties=True) and pinyin_name(words[1]) \
                and not is_place(words[1]) and not place_word(words[1], counties=True):
            later.setdefault(words[1], set()).add(key)
        stem = name_key(full)
        if stem and stem != full.casefold():
            short.setdefault(stem, key)
    for form, keys in later.items():
        if len(keys) == 1:  # a form two names share names neither
            short.setdefault(form, next(iter(keys)))
    folded: dict[str, tuple[str, str]] = {}  # the first short form of each casefolded spelling
    for form, key in short.items():
        folded.setdefault(form.casefold(), key)
    for key in [k for k in groups if k[0] == "Firm"]:
        ms = groups.get(key, [])
        if ms and all(m.info.get("weak") or m.info.get("list") for m in ms):  # a listed short name too
            surface = ms[0].text
            first = surface.split()[0] if " " in surface else ""
            if first and is_place(first):
                surface = surface[len(first):].strip()  # "Baotou Tianhe Magnetics" is "Tianhe Magnetics"
            target = short.get(surface) or folded.get(surface.casefold())
            if target is None and re.fullmatch(r"[A-Z]{2,6}", surface):
                # "such as JAC, NIO and …": the one firm whose name (after its places) the letters spell
                spelled = [k for k, kms in groups.items() if k[0] == "Firm" and k != key and spells(surface, kms[0].text)]
                target = spelled[0] if len(spelled) == 1 else None
            if target and target != key and target in groups:
                groups[target].extend(groups.pop(key))
    if short:
        found: list[tuple[int, int]] = []  # places inside these are dropped once all are found
        for match in FormFinder(list(short), words=True).finditer(text):
            if match.start() in taken:
                continue
            surface = match.group(1)
            if not surface[0].isupper() or _PLACE_NEXT.match(text, match.end()):
                continue  # "Deqing County" is a place, not Deqing X Co.
            key = short.get(surface) or folded.get(surface.casefold())
            if key:
                groups[key].append(Mention(match.start(), match.end(), surface, "Firm", -1, key=key[1]))
                taken.add(match.start(), match.end())
                found.append((match.start(), match.end()))
        if found:
            _drop_places_in(groups, Containing(found))
    acronym_hits: dict[str, list[tuple[str, str]]] = {}  # the firm and agency groups do not change here
    for match in re.finditer(r"(?<![\w-])([A-Z]{2,6})(?![\w-])", text):
        if match.start() in taken:
            continue
        acronym = match.group(1)
        hits = acronym_hits.get(acronym)
        if hits is None:
            # a group that holds the acronym already (a listed "JAC" merged above) is its owner
            hits = acronym_hits[acronym] = [k for k, ms in groups.items() if k[0] in ("Firm", "Agency") and (
                _acronym_of(acronym, ms[0].text) or any(m.text == acronym for m in ms)
                or k[0] == "Firm" and spells(acronym, ms[0].text))]
        if len(hits) == 1:
            groups[hits[0]].append(Mention(match.start(), match.end(), acronym, hits[0][0], -1, key=hits[0][1]))
            taken.add(match.start(), match.end())
    # a firm found only by its acronym (WDHT, read from "Wudang Heavy Truck (WDHT)") is the one firm it spells
    # (an acronym has few vowels, half its letters at most: KOSTAL, a name in capitals, is no acronym; OTIC is)
    for key in [k for k, ms in groups.items() if k[0] == "Firm" and re.fullmatch(r"[A-Z]{3,5}", ms[0].text)
                and len(re.findall("[AEIOU]", ms[0].text)) <= len(ms[0].text) // 2
                and all(m.text == ms[0].text for m in ms)]:
        owners = [k for k, ms in groups.items() if k != key and k[0] == "Firm" and len(ms[0].text) > 8
                  and spells(groups[key][0].text, ms[0].text)]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))


_PLACE_WORDS = r"County|District|City|Town|Township|Sub-district|Prefecture|Province"
_PLACE_NEXT = re.compile(rf"\s+(?:{_PLACE_WORDS})\b")
_PLACE_SUFFIX = re.compile(rf"\s+(?:{_PLACE_WORDS}|New Area)$")


def _drop_places_in(groups: dict[tuple[str, str], list[Mention]], spans: Containing) -> None:
    """Drop the City and Province mentions inside one of ``spans``, and the groups
    left empty."""
    for key in [k for k in groups if k[0] in ("City", "Province")]:
        groups[key] = [m for m in groups[key] if not spans.contains(m.start, m.end)]
        if not groups[key]:
            del groups[key]


def _merge_group_abbreviated(groups: dict[tuple[str, str], list[Mention]]) -> None:
    """Merge, in place, an English Alliance or Cluster named with a city group's
    abbreviation ("CZT Core Components Alliance") into the one body of its type whose
    name holds its words in order once the abbreviation is spelled out
    ("Changsha-Zhuzhou-Xiangtan Construction Machinery Core Components Alliance")."""
    spelled = {abbr.casefold(): en.casefold() for en, _zh, abbrs, _m, _p in CITY_GROUPS for abbr in abbrs}
    for key in [k for k in groups if k[0] in ("Alliance", "Cluster")]:
        words = groups[key][0].text.split()
        if not words or words[0].casefold() not in spelled:
            continue
        wanted = spelled[words[0].casefold()].split() + [w.casefold() for w in words[1:]]
        owners = [k for k in groups if k != key and k[0] == key[0]
                  and _words_in_order(wanted, [w.casefold() for w in groups[k][0].text.split()])]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))


def _words_in_order(wanted: list[str], words: list[str]) -> bool:
    """True when every word of ``wanted`` stands in ``words`` in the same order and
    both lists end on the same word."""
    return bool(wanted) and bool(words) and wanted[-1] == words[-1] and _in_order(wanted, words)


def _in_order(items: list[str], seq: list[str]) -> bool:
    """True when the ``items`` occur in ``seq`` in their order (not necessarily next to each other)."""
    at = 0
    for item in items:
        try:
            at = seq.index(item, at) + 1
        except ValueError:
            return False
    return True


def _acronym_of(acronym: str, name: str) -> bool:
    """True when the letters of ``acronym`` start the name's words or syllables in order
    and the first letter starts the name ("DFM" for "Dongfeng Motor").

    >>> _acronym_of("DFM", "Dongfeng Motor Group Co., Ltd."), _acronym_of("CZT", "Sany Heavy Industry")
    (True, False)
    """
    words = re.findall(r"[A-Za-z]+", name)
    if not words or words[0][0].upper() != acronym[0]:
        return False
    starts = []
    for w in words:
        starts.append(w[0].upper())
        starts.extend(ch for ch in w[1:] if ch.isupper())
        syl = re.findall(r"(?<=[aeiou]n)g?([bcdfghjklmpqrstwxyz])|(?<=[aeiou])([bcdfjklmpqrstwxyz])(?=[aeiou])",
                         w[1:].lower())
        starts.extend((a or b).upper() for a, b in syl)
    return _in_order(list(acronym), starts)
