"""Finding mentions in English text: places (gazetteer), organisations and named
events (runs of capitalised words classified by their head word: "... Co., Ltd." is a
Firm, "... Bureau" an Agency), chains (gazetteer and "X industry chain"), lowercase
alliances and clusters, and agencies named for a list of places ("housing bureaus in
A, B and C"). Over 400 lines: the capitalised-run reader and the classifiers that
share its token helpers stay together; role-, event- and deal-based finding live in
en_roles, en_events and en_deals."""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.places import CITY_GROUPS, gazetteer, place_word
from chaingraph.extract.result import Mention, Sentence
from chaingraph.extract.cues import cued

_TOKEN = re.compile(r"No\.\s?\d+|Co\.,?\s*Ltd\.?|Co\.,?\s*Limited|Co\.|Ltd\.|Inc\.|Corp\.|"
                    r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9'’\-]*|\d+(?:\.\d+)?|\S")  # Lüyuan is one word
_HEAD_NORM = {"co., ltd.": "ltd", "co.": "co", "ltd.": "ltd", "inc.": "inc", "corp.": "corp"}
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NAMES = frozenset(_MONTHS.split("|"))
# one word, or two ("(JL Mag)") unless they name a place ("(Hong Kong)")
_ABBR_AFTER = re.compile(r"\s*[(（]\s*([A-Z][A-Za-z&]{1,9}(?: [A-Z][A-Za-z&]{1,9})?)\s*[)）]")
# "(also known as the Optics Valley of China)": another name the text gives
_KNOWN_AS_AFTER = re.compile(r"\s*[(（]\s*(?:also\s+)?(?:known|called)\s+as\s+(?:the\s+)?[\"“']?([A-Z][\w&' -]{1,40}?)"
                             r"[\"”']?\s*[)）]")
# "(hereinafter referred to as the "PV Alliance")", "(the "Park")", (hereinafter "the Purchaser"): a
# short name the text declares
_DECLARED_AFTER = re.compile(r"\s*[(（]\s*(?:hereinafter\s+(?:(?:referred\s+to\s+as|called)\s+)?)?(?:the\s+)?"
                             r"[\"“'](?:the\s+)?([A-Z][\w&' -]{1,40}?)[\"”']\s*[)）]", re.IGNORECASE)
# a short name declared in brackets at the end of a clause, whose "as" opens no clause
_DECLARATION_AT_END = re.compile(r"\s*[(（]\s*(?:hereinafter|also known as|known as|referred to as|called)\b"
                                 r"[^()（）]*[)）]\s*$", re.IGNORECASE)
# "(hereinafter referred to as Chizhou High-tech Zone)": declared without quotes
_HEREINAFTER_AFTER = re.compile(r"\s*[(（]\s*hereinafter\s+(?:referred\s+to\s+as|called)\s+(?:the\s+)?"
                                r"([A-Z][\w&' -]{1,40}?)\s*[)）]")


def _head_of(token: str) -> str:
    low = token.lower()
    if low.startswith("co.") and ("ltd" in low or "limited" in low):
        return "ltd"
    return _HEAD_NORM.get(low, low)


def _category(head: str) -> str | None:
    if head in lx.FIRM_HEADS:
        return "Firm"
    if head in lx.AGENCY_HEADS:
        return "Agency"
    if head in lx.ALLIANCE_HEADS:
        return "Alliance"
    if head in lx.CLUSTER_HEADS:
        return "Cluster"
    if head in lx.EVENT_HEADS:
        return "Event"
    return None


_GENERIC_FIRST = {"china", "chinese", "national", "international", "new", "great", "greater", "global", "world",
                  "state", "provincial", "municipal", "city", "central", "modern", "advanced", "high-end",
                  "smart", "green", "digital", "heavy", "light", "traditional", "emerging", "key", "strategic"}


_HOLIDAYS = {"spring festival", "lantern festival", "dragon boat festival", "boat festival", "mid-autumn festival",
             "autumn festival", "qingming festival", "national day", "golden week", "new year", "lunar new year"}


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


_YEAR_BEFORE = re.compile(r"(?<![\w,.-])(?:(?:19|20)\d\d\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?$")


def org_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return organisation and named-event mentions: capitalised runs whose last head
    word decides the type. Titles in Title Case are skipped."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        words = re.findall(r"[A-Za-z][\w'-]*", sent.text)
        if sent.title and words and sum(w[0].isupper() for w in words) / len(words) > 0.7:
            continue
        tokens = [(m.group(0), sent.start + m.start(), sent.start + m.end()) for m in _TOKEN.finditer(sent.text)]
        for run in _runs(text, tokens):
            for part in (_country_cut(p) for whole in _split_and(_trim(run)) for p in _split_of(whole)):
                mention = _classify(part, index)
                if mention is not None and mention.type == "Event":
                    year = _YEAR_BEFORE.search(text, max(sent.start, mention.start - 12), mention.start)
                    if year and year.group(0):  # "the 2024 Xiamen … Meeting", "the 6th China …": the edition is in its name
                        mention.start = year.start()
                if mention is not None:
                    abbr = _ABBR_AFTER.match(text, mention.end)
                    if abbr and " " in abbr.group(1) and gazetteer().lookup(abbr.group(1)) is not None:
                        abbr = None
                    abbr = (abbr or _DECLARED_AFTER.match(text, mention.end)
                            or _KNOWN_AS_AFTER.match(text, mention.end) or _HEREINAFTER_AFTER.match(text, mention.end))
                    if abbr:
                        mention.info["abbr"] = abbr.group(1)
                    out.append(mention)
    return out


def _legal_form_ahead(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """True when capitalised words from ``tokens[k]`` on reach a legal form (Co., Ltd.,
    Corporation) within four tokens."""
    for tok, _, _ in tokens[k:k + 5]:
        if _head_of(tok) in ("ltd", "inc", "co", "corp") or tok in ("Corporation", "Limited"):
            return True
        if not _is_cap(tok):
            return False
    return False


def _runs(text: str, tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    runs = []
    i, n = 0, len(tokens)

    def joined(a: int, b: int) -> bool:
        return text[tokens[a][2]:tokens[b][1]].strip() == ""

    while i < n:
        if not _is_cap(tokens[i][0]):
            i += 1
            continue
        j = i
        while j + 1 < n:
            if _head_of(tokens[j][0]) in ("ltd", "inc") or tokens[j][0] == "Limited":
                break  # nothing of a name follows its legal form: "… Co., Ltd. Pine Cell …"
            nxt = tokens[j + 1][0]
            if _is_cap(nxt) and joined(j, j + 1):
                j += 1
                continue
            if nxt.lower() in lx.CONNECTORS and joined(j, j + 1) and j + 2 < n:
                k = j + 2
                if tokens[k][0].lower() == "the" and nxt.lower() in ("of", "for") and k + 1 < n:
                    k += 1
                if _is_cap(tokens[k][0]) and all(joined(x, x + 1) for x in range(j + 1, k)) and tokens[k][0].lower() not in lx.LEADING_DROP:
                    j = k
                    continue
            if (nxt == "(" and j + 4 < n and _is_cap(tokens[j + 2][0]) and tokens[j + 3][0] == ")"
                    and _is_cap(tokens[j + 4][0]) and all(joined(x, x + 1) for x in range(j, j + 4))):
                j += 4  # "AVIC Chengdu Aircraft Industrial (Group) Co., Ltd."
                continue
            if (nxt.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", nxt) and tokens[j][0] not in _MONTH_NAMES
                    and j + 2 < n and _is_cap(tokens[j + 2][0]) and joined(j, j + 1)
                    and joined(j + 1, j + 2) and _legal_form_ahead(tokens, j + 2)):
                j += 2  # "Tianshui 749 Electronics Co., Ltd.": a number inside a registered name
                continue
            if nxt == "," and j + 2 < n and tokens[j + 2][0].lower().rstrip(".") in ("ltd", "limited", "inc"):
                j += 2
                continue
            if nxt == "," and _remit_goes_on(text, tokens, i, j):
                j += 2  # "Bureau of Economy, Information Technology and Commerce": one body's remit
                continue
            break
        runs.append(tokens[i:j + 1])
        i = j + 1
    return runs


# the rest of a body's remit after a comma: capitalised words, more commas, then "and" and a capitalised word
_REMIT_REST = re.compile(r",\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:,\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)*,?\s+and\s+"
                         r"(?=[A-Z])")
_CAPITAL_WORD = re.compile(r"[A-Z][\w-]*")


def _remit_goes_on(text: str, tokens: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """True when the run ``tokens[i:j + 1]`` is a body's name open on "of" ("Bureau of
    Economy") and what follows the comma after it goes on listing its remit up to an
    "and" ("…, Information Technology and Commerce")."""
    words = [t.lower() for t, _, _ in tokens[i:j + 1]]
    open_on_of = any(w in lx.COMPLEMENT_HEADS and after == "of" for w, after in zip(words, words[1:]))
    rest = _REMIT_REST.match(text, tokens[j][2]) if open_on_of and j + 2 < len(tokens) else None
    if rest is None:
        return False
    # only the words of a government remit, not names ("Ministry of Commerce, Huawei and Lenovo")
    listed = _CAPITAL_WORD.findall(rest.group(0)) + [_CAPITAL_WORD.match(text, rest.end()).group(0)]
    return all(w.lower() in _REMIT_WORDS for w in listed)


#: words that name what a government body handles
_REMIT_WORDS = frozenset("""economy economic industry industrial information technology science commerce trade
investment development reform agriculture rural affairs natural resources housing urban construction culture
tourism transport transportation ecology ecological environment finance education health energy water planning
statistics emergency management market regulation supervision human social security civil forestry fisheries
ocean marine radio television sports veterans justice public""".split())


#: Possessives inside names ("People's Government", "Women's Federation").
_NAME_POSSESSIVES = frozenset({"people's", "people’s", "women's", "women’s", "children's", "children’s",
                               "workers'", "farmers'"})


_POSSESSIVE = re.compile(r"(\w+['’]s)\s")


def _owner(word: str) -> bool:
    """True when ``word`` is a possessive that ends an owner's name ("Samsung's"), not
    one inside a name ("People's")."""
    return word.endswith(("'s", "’s")) and word.lower() not in _NAME_POSSESSIVES


def cut_possessives(mentions: list[Mention]) -> None:
    """Cut each firm mention at a possessive inside it ("Lake Motor's Wuhan" from
    "… to Lake Motor's Wuhan plant" is Lake Motor), in place; name-internal
    possessives ("People's") stay."""
    for m in mentions:
        if m.type != "Firm":
            continue
        found = next((p for p in _POSSESSIVE.finditer(m.text) if _owner(p.group(1))), None)
        if found is not None:
            m.end = m.start + found.end(1) - 2
            m.text = m.text[:found.end(1) - 2]


def _trim(run: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop leading non-name words and everything up to "<role> of [the]"."""
    cut = 0
    seen_role = False
    for pos, (tok, _, _) in enumerate(run):
        low = tok.lower()
        if low in lx.ROLE_WORDS:
            seen_role = True
        elif _category(_head_of(tok)):
            seen_role = False
        elif low in ("of", "at") and seen_role:
            cut = pos + 1
            if cut < len(run) and run[cut][0].lower() == "the":
                cut += 1
            seen_role = False
    run = run[cut:]
    # only near the start: "Fei County Wood-based Panel Industrial Park" names a product inside
    based = [pos for pos, (tok, _, _) in enumerate(run[:2]) if tok.lower().endswith(_DESCRIBED_ENDINGS)]
    if based:  # "Zhejiang-based Lanxin Motors", "Korean-invested X": the name starts after the description
        run = run[based[-1] + 1:]
    # "Thailand's Charoen Pokphand Foods", "Yongjia's Huaxin Seal", "Hanshan County's Luyuan Coatings":
    # its place, not its owner
    lead = next((pos for pos in (0, 1) if len(run) >= pos + 3 and _owner(run[pos][0])), None)
    possessor = re.sub(r"['’]s$", "", " ".join(tok for tok, _, _ in run[:lead + 1])) if lead is not None else None
    if possessor is not None and (possessor in lx.COUNTRIES or place_word(possessor, counties=True)
                                  or place_word(re.sub(r" (?:City|Province)$", "", possessor))):
        run = run[lead + 1:]
    owner = next((pos for pos, (tok, _, _) in enumerate(run[:-1]) if _owner(tok)), None)
    if owner is not None:  # "BOE's Chengdu plant": a possessive ends the owner's name
        run = run[:owner + 1]
    while run and (run[0][0].lower() in lx.LEADING_DROP or run[0][0].lower() in lx.CONNECTORS):
        run = run[1:]
    return run


def _country_cut(run: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``run`` without "of (the) <country>" after a firm's legal form: "KEMET Corporation of
    the United States" is KEMET Corporation, of the United States."""
    for pos in range(1, len(run) - 1):
        if run[pos][0].lower() == "of" and _head_of(run[pos - 1][0]) in lx.FIRM_HEADS \
                and " ".join(tok for tok, _, _ in run[pos + 1:]) in lx.COUNTRIES:
            return run[:pos]
    return run


#: hyphenated words that say where a firm is or who owns it, before its name
_DESCRIBED_ENDINGS = ("-based", "-headquartered", "-invested", "-funded", "-owned", "-backed", "-controlled")


def _split_and(run: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    for pos, (tok, _, _) in enumerate(run):
        if tok.lower() == "and" and 0 < pos < len(run) - 1:
            left, right = run[:pos], run[pos + 1:]
            if len(left) == 1 and left[0][0].isupper() and len(left[0][0]) > 1:
                return [*_split_and(right)]
            # "in Huzhou and Dongguan Feichi … Co., Ltd.", "Nanhai District and …": a place, then a firm's full name
            if (len(right) >= 3 and (len(left) == 1 and gazetteer().lookup(left[0][0]) is not None
                                     or len(left) == 2 and left[1][0] in ("District", "County", "City"))
                    and any(_category(_head_of(t)) == "Firm" for t, _, _ in right)):
                return [*_split_and(right)]
            # "Huaxiangyuan and Fujian Anxi Tea Factory Co., Ltd.": one name in a list, then a full one
            if (len(left) == 1 and left[0][0][:1].isupper() and len(right) >= 3 and gazetteer().lookup(left[0][0]) is None
                    and gazetteer().lookup(right[0][0]) is not None
                    and any(_category(_head_of(t)) == "Firm" for t, _, _ in right)):
                return [left, *_split_and(right)]
            if right and right[0][0].lower() == "the":
                right = right[1:]
            if _category(_head_of(left[-1][0])) and any(_category(_head_of(t)) for t, _, _ in right):
                return [left, *_split_and(right)]
            # "BAIC BJEV and Beijing Pride Power System Technology Limited": a firm's
            # full name after "and" starts a name of its own when the left side is a
            # name in capitals that cannot be the first half of one (no industry word)
            right_firm = any(_category(_head_of(t)) == "Firm" for t, _, _ in right)
            if (right_firm and len(left) >= 2 and len(right) >= 3 and all(t[0].isupper() for t, _, _ in left)
                    and any(t.isupper() and len(t) >= 2 for t, _, _ in left)
                    and not any(t.lower() in lx.INDUSTRY_HEADS or _category(_head_of(t)) for t, _, _ in left)):
                return [left, *_split_and(right)]
            # "Baotou Tianhe Magnetics and Baotou Yunsheng Magnet Co., Ltd.", "… and Miyi Tianyuan
            # Vanadium Products Co., Ltd.": a full firm name starting with a place (a county's
            # too) after "and" is a second firm
            if (right_firm and len(left) >= 2 and len(right) >= 3 and all(t[0].isupper() for t, _, _ in left)
                    and place_word(right[0][0], counties=True)):
                return [left, *_split_and(right)]
            # "Dongfang Electric Machinery and Dongfang Turbine Co., Ltd.": a name does not say its
            # first word again after "and"; two firms of one family do
            if right_firm and len(left) >= 2 and len(right) >= 3 and right[0][0] == left[0][0]:
                return [left, *_split_and(right)]
            # "Haiyu Carbon and Bank of Jiangsu Lianyungang Branch": a bank's name opens on "Bank of"
            if len(right) >= 3 and right[0][0] == "Bank" and right[1][0] == "of":
                return [left, *_split_and(right)]
            # "People's Government of Tangyin County and Beijing X Co., Ltd.": a body's name, then a
            # firm's; "Bureau of Economy and Information Technology and Dongfeng X Co., Ltd.": the
            # body's name may hold an "and" of its own, so without a place the last "and" splits
            if (right_firm and len(right) >= 3 and any(_category(_head_of(t)) == "Agency" for t, _, _ in left)
                    and (gazetteer().lookup(right[0][0]) is not None
                         or right[0][0][:1].isupper() and not any(t.lower() == "and" for t, _, _ in right))):
                return [left, *_split_and(right)]
    return [run]


def _split_of(run: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Split "Taihuwan Innovation Base of the Wuxi Life Science Park" into the base and
    the park: a park, zone or firm name ends at its head word even when "of" follows
    (heads that take a complement, "Ministry of …", are left whole); "X Project of Y"
    keeps Y only."""
    for pos, (tok, _, _) in enumerate(run[:-1]):
        if tok.lower() != "of" or pos == 0:
            continue
        head = _head_of(run[pos - 1][0])
        # a project or a facility ("Baihetan Hydropower Station of X") names no body; its owner does
        project = run[pos - 1][0].lower() in lx.FACILITY_HEADS
        if _category(head) == "Agency" and _place_after_placed_body(run[:pos], run[pos + 1:]):
            return [run[:pos]]  # "Nankang District People's Government of Ganzhou": the district's, in Ganzhou
        if (_category(head) not in ("Cluster", "Firm") or head in lx.COMPLEMENT_HEADS) and not project:
            continue
        right = run[pos + 1:]
        if right and right[0][0].lower() == "the":
            right = right[1:]
        if any(_category(_head_of(t)) for t, _, _ in right):
            # "Packaging Materials Procurement Project of X Co., Ltd.": a project names no body, its owner does
            return [*([] if project else [run[:pos]]), *_split_of(right)]
    return [run]


def _place_after_placed_body(body: list[tuple[str, int, int]], right: list[tuple[str, int, int]]) -> bool:
    """True when ``right`` (the tokens after "of") is only a city or province of the
    gazetteer and ``body`` already names its own district, county or city before its
    head ("Nankang District People's Government"): the place after "of" says where
    that place is and is no part of the body's name."""
    words = [t for t, _, _ in right]
    if words and words[-1] in ("City", "Province"):
        words = words[:-1]
    if not words or len(words) > 2 or gazetteer().lookup(" ".join(words)) is None:
        return False
    return any(t in ("District", "County", "City", "Prefecture") for t, _, _ in body[1:-1])


_CITY_OF_TRADE = frozenset({"Industrial", "Industry", "Technology", "Science", "Sci-Tech", "Innovation", "Tech"})


_CITY_GROUP_HEADS = frozenset({"city cluster", "urban agglomeration", "metropolitan area", "metropolitan circle",
                               "economic circle"})


def _classify(run: list[tuple[str, int, int]], sent: int) -> Mention | None:
    if not run:
        return None
    if len(run) >= 3 and " ".join(t for t, _, _ in run[-2:]).lower() in _CITY_GROUP_HEADS:
        return None  # "Beibu Gulf City Cluster", "Nanjing Metropolitan Area": a city group (regions.py)
    if len(run) >= 3 and run[-1][0] == "City" and run[-2][0] in _CITY_OF_TRADE:
        # "Aksu Cotton Textile Industrial City", "Yazhou Bay Science and Technology City" (产业城, 科技城): a park
        return Mention(run[0][1], run[-1][2], "", "Cluster", sent)
    last = None
    for pos, (tok, _, _) in enumerate(run):
        if _category(_head_of(tok)):
            last = pos
    if last is None:
        # a firm named without its legal form: "Sany Heavy Industry", never across "and"
        cut = next((i for i, (t, _, _) in enumerate(run) if t.lower() == "and"), len(run))
        part = run[:cut]
        ends = [i for i, (t, _, _) in enumerate(part) if t.lower() in lx.INDUSTRY_HEADS and t[0].isupper()]
        if not ends:
            return None
        part = part[:ends[-1] + 1]
        words = [t for t, _, _ in part if t[0].isalpha()]
        if (len(words) >= 2 and words[0].lower() not in lx.LEADING_DROP and gazetteer().lookup(words[0]) is None
                and words[0].lower() not in _GENERIC_FIRST and words[0].lower() not in lx.INDUSTRY_HEADS):
            return Mention(part[0][1], part[-1][2], "", "Firm", sent, info={"weak": True})
        return None
    # "Administrative Committee of the X Zone": the body of the complement, not the zone
    first = next((pos for pos, (tok, _, _) in enumerate(run[:last]) if _head_of(tok) in lx.COMPLEMENT_HEADS
                  and _category(_head_of(tok)) and run[pos + 1][0].lower() in ("of", "for")), None)
    outer = _head_of(run[last][0])
    if first is not None:
        last = first
    head = _head_of(run[last][0])
    if head == "branch":  # "Valve Branch of the X Association" is a body of the association's kind
        head = outer
    kind = _category(head)
    end = last
    if head in lx.COMPLEMENT_HEADS and last + 1 < len(run) and run[last + 1][0].lower() in ("of", "for"):
        end = len(run) - 1
        while end > last and run[end][0].lower() in lx.CONNECTORS:
            end -= 1
    run = run[:end + 1]
    words = [t for t, _, _ in run if t[0].isalpha()]
    if len(words) < 2:
        return None
    if kind == "Firm" and len(words) == 2 and words[0].lower() in ("the", "this", "our", "china"):
        return None
    if kind == "Event" and " ".join(words[-2:]).lower() in _HOLIDAYS:
        return None  # "during the Spring Festival" is a date, not an event
    if kind == "Agency" and head == "association" and (
            words[-2].lower() in ("industry", "industrial", "industries")
            or _ANY_CHAIN_RE.search(" ".join(words[:-1]).lower())):
        # an association of an industry (Foshan Ceramics Association) is an association of firms
        # (GOLD_FORMAT), as 行业协会 is
        return Mention(run[0][1], run[-1][2], "", "Alliance", sent, info={"association": True})
    start, stop = run[0][1], run[-1][2]
    return Mention(start, stop, "", kind, sent)


# -- places ---------------------------------------------------------------------------

_MEDIA_AFTER = re.compile(r"\s+(?:Daily|Evening News|News|Network|Net|TV|Television|Radio|Times|Online)\b")


def place_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return City/Province mentions found with the gazetteer, city groups
    ("Changsha-Zhuzhou-Xiangtan", "CZT") included; ``key`` is the canonical name."""
    gaz = gazetteer()
    out: list[Mention] = []
    group_abbr = {abbr: en for en, _zh, abbrs, _m, _p in CITY_GROUPS for abbr in abbrs}
    abbr_re = re.compile(r"\b(" + "|".join(map(re.escape, group_abbr)) + r")\b") if group_abbr else None
    for index, sent in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for match in re.finditer(r"\b([A-Z][a-z]+(?:[-–—][A-Z][a-z]+){1,3})\b", sent.text):
            parts = re.split(r"[-–—]", match.group(1))
            places = [gaz.lookup(p) for p in parts]
            if all(p is not None and p.kind == "City" for p in places):
                canonical = "-".join(p.name for p in places)
                known = gaz.lookup(canonical)
                start = sent.start + match.start()
                out.append(Mention(start, start + len(match.group(0)), match.group(0), "City", index,
                                   key=known.name if known else canonical,
                                   info={"members": [p.name for p in places],
                                         "province": places[0].province}))
                taken.append((match.start(), match.end()))
        for match in gaz.en_regex.finditer(sent.text):
            if any(a <= match.start() < b for a, b in taken) or _MEDIA_AFTER.match(sent.text, match.end()):
                continue
            place = gaz.lookup(match.group(1))
            suffix = match.group(2).strip().lower()
            if suffix == "province" and place.kind != "Province":
                continue
            if suffix in ("county", "district", "new area") and place.kind == "City":
                continue  # Changsha County, Lanzhou New Area: places below the city, not the city (see counties.py)
            if suffix in ("city", "prefecture", "autonomous prefecture", "county", "district") and place.kind == "Province":
                alt = [p for p in gaz.places if p.name == place.name and p.kind == "City"]
                if not alt:
                    continue
                place = alt[0]
            start = sent.start + match.start()
            out.append(Mention(start, start + len(match.group(0)), match.group(0), place.kind, index,
                               key=place.name, info={"province": place.province}))
        if abbr_re:
            for match in abbr_re.finditer(sent.text):
                start = sent.start + match.start()
                canonical = group_abbr[match.group(1)]
                place = gaz.lookup(canonical)
                out.append(Mention(start, start + len(match.group(0)), match.group(0), "City", index,
                                   key=canonical, info={"province": place.province if place else None}))
    return out


# -- chains -----------------------------------------------------------------------------

_CHAIN_FORMS = sorted(((form, canon) for canon, forms in lx.CHAINS.items() for form in forms
                       if re.match(r"[A-Za-z]", form)), key=lambda fc: -len(fc[0]))
_CHAIN_RE = re.compile(r"\b(" + "|".join(re.escape(f) for f, _ in _CHAIN_FORMS) + r")\b", re.IGNORECASE)
_CHAIN_CANON = {f.lower(): c for f, c in _CHAIN_FORMS}
_WEAK_FORMS = sorted(((form, canon) for canon, forms in lx.WEAK_CHAINS.items() for form in forms
                      if re.match(r"[A-Za-z0-9]", form)), key=lambda fc: -len(fc[0]))
_ANY_CHAIN_RE = re.compile(r"\b(" + "|".join(re.escape(f) for f, _ in _CHAIN_FORMS + _WEAK_FORMS) + r")\b",
                           re.IGNORECASE)
for _form, _canon in _WEAK_FORMS:
    _CHAIN_CANON.setdefault(_form.lower(), _canon)
_INDUSTRY_CHAIN = re.compile(r"\b(industry|industrial)\s+chains?\b", re.IGNORECASE)
_INDUSTRY = re.compile(r"\b(industry|industries|sector|sectors)\b", re.IGNORECASE)
_BARE_CHAIN = cued(r"(?<![\w-])(?:sub-)?chains?\b(?!-|\s+(?:owners?|leaders?|length|stores?|restaurants?|hotels?|"
                   r"reactions?|of\s+custody))")
_NOT_A_BARE_CHAIN = frozenset("cold food block whole entire same long short complete full perfect closed".split())


def chain_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return Chain mentions: gazetteer forms, and the words before "industry chain"
    (or before "industry" when they hold a gazetteer form). ``key`` is the gazetteer
    name when the words are one of its forms, else the words themselves."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        spans: list[tuple[int, int]] = []
        for rx, need_gaz in ((_INDUSTRY_CHAIN, False), (_INDUSTRY, True), (_BARE_CHAIN, False)):
            for match in rx.finditer(sent.text):
                words = _words_before(sent.text, match.start())
                if not words:
                    continue
                if rx is _BARE_CHAIN and not (len(words) <= 4 and all(w.islower() for w, _, _ in words)
                                              and re.search(r"\bthe\s+$", sent.text[:words[0][1]])
                                              and words[-1][0] not in _NOT_A_BARE_CHAIN):
                    continue  # "the graphene chain, led by X": a segment; "the cold chain", "a chain store" are not
                start, end = words[0][1], words[-1][2]
                if any(a <= start < b or a < end <= b for a, b in spans):
                    continue
                gaz_at = next((i for i in range(len(words))
                               if _ANY_CHAIN_RE.match(" ".join(w for w, _, _ in words[i:]).lower())), None)
                # only for trades the lexicon lacks: a known form keeps its own reading ("Glass and Ceramics")
                coordinated = _title_case_trade(words) if rx is _INDUSTRY and gaz_at is None else None
                if coordinated is not None:  # "Hubei Optical Fibre and Cable Industry Alliance": one trade
                    words = words[coordinated:]
                    start = words[0][1]
                elif gaz_at is not None:  # modifiers of the form stay: "offshore wind power", "marine biomedicine"
                    while gaz_at > 0 and _modifier(words[gaz_at - 1][0]):
                        gaz_at -= 1
                    words = words[gaz_at:]
                    start = words[0][1]
                elif need_gaz and not _open_industry(sent.text, words):
                    continue
                elif not need_gaz and any(w[0].isupper() for w, _, _ in words) and len(words) > 2:
                    continue
                while words and words[0][0].lower() in _APPRAISAL:  # "a relatively complete magnesium industrial chain"
                    words = words[1:]
                if not words:
                    continue
                start = words[0][1]
                phrase = " ".join(w for w, _, _ in words)
                low = phrase.lower()
                # alone, "integrated", "big" and "large" judge the chain ("an integrated industrial chain")
                if low in ("and", "integrated", "big", "large") or all(w.lower() in lx.CHAIN_STOP for w, _, _ in words):
                    continue
                canonical = _CHAIN_CANON.get(low, low)
                spans.append((start, end))
                out.append(Mention(sent.start + start, sent.start + end, phrase, "Chain", index, key=canonical,
                                   info={"pattern": True, "full_end": sent.start + match.end()}))
        for match in _CHAIN_RE.finditer(sent.text):
            if any(a <= match.start() < b for a, b in spans):
                continue
            canonical = _CHAIN_CANON[match.group(1).lower()]
            start = sent.start + match.start()
            term = _repeated_term(text, sent.text, match)
            head = _repeated_head(text, sent.text, match)
            if term is not None or head is not None:
                # "advanced ceramics", "copper foil" twice: the article's segment, not ceramics or copper at large
                start = sent.start + (term if term is not None else match.start())
                end = sent.start + (head if head is not None else match.end())
                phrase = text[start:end]
                out.append(Mention(start, end, phrase, "Chain", index, key=phrase.lower()))
                continue
            out.append(Mention(start, start + len(match.group(0)), match.group(0), "Chain", index, key=canonical))
    return _with_modifiers(text, out)


#: Words that judge a chain rather than name it ("a complete industrial chain").
#: Not "integrated" (circuit), "big" (data) or "large" (aircraft), which also name chains.
_APPRAISAL = frozenset("""complete relatively comparatively fairly very more most perfect sound full fully whole
entire mature well-developed thriving booming growing strong solid competitive distinctive unique huge sizable
sizeable initial preliminary basic basically""".split())


def _title_case_trade(words: list[tuple[str, int, int]]) -> int | None:
    """Where the trade starts in the capitalised ``words`` before "Industry" in a name
    when they join two trades with "and" ("Hubei Optical Fibre and Cable Industry
    Alliance": "Optical Fibre and Cable", one chain as the name makes it one), after
    the name's places; None otherwise (a lowercase "A and B" is two chains)."""
    names = [w for w, _, _ in words]
    if names.count("and") != 1 or not all(w[:1].isupper() or w == "and" for w in names) \
            or any(w.lower() in lx.CHAIN_STOP or w.lower() in _NOT_AN_INDUSTRY or w.lower() in _PARTICLES
                   for w in names if w != "and"):  # a headline's "Sets Up …" is no trade
        return None
    first = 0
    while first < len(names) and place_word(names[first], counties=True):
        first += 1
    joint = names.index("and")
    return first if first < joint < len(names) - 1 else None


def _repeated_term(text: str, sentence: str, form: re.Match) -> int | None:
    """Where in ``sentence`` a lowercase word that narrows the chain ``form`` (a match
    in ``sentence``) starts, when the article uses the two words together at least
    twice ("advanced ceramics", "refractory materials"); None otherwise."""
    before = _LAST_WORD.search(sentence, max(0, form.start() - 30), form.start())
    if before is None or not form.group(0).islower():
        return None
    word = before.group(1)
    if not word.islower() or len(word) < 4 or word.endswith(("ing", "ly")) or _says_no_kind(word) \
            or word in _APPRAISAL or word in _NOT_NARROWING:
        return None
    uses = re.findall(rf"(?<![\w-]){re.escape(word)}\s+{re.escape(form.group(0))}(?![\w-])", text)
    return before.start(1) if len(uses) >= 2 else None


def _repeated_head(text: str, sentence: str, form: re.Match) -> int | None:
    """Where in ``sentence`` a lowercase noun right after the chain ``form`` ends, when
    the article uses the two words together at least twice and the noun is a product,
    not a trade word ("copper foil", "quartz sand", "photovoltaic glass"; not "copper
    prices"); None otherwise."""
    after = _FIRST_WORD.match(sentence, form.end())
    if after is None or not form.group(0).islower():
        return None
    word = after.group(1)
    if not word.islower() or len(word) < 3 or word.endswith(("ing", "ly", "ed")) or _says_no_kind(word) \
            or word in _NOT_NARROWING or word in _TRADE_NOUNS \
            or _CHAIN_RE.match(sentence, after.start(1)):  # "lithium battery copper foil": two chains
        return None
    uses = re.findall(rf"(?<![\w-]){re.escape(form.group(0))}\s+{re.escape(word)}(?![\w-])", text, re.IGNORECASE)
    return after.end(1) if len(uses) >= 2 else None


_FIRST_WORD = re.compile(r"\s+([A-Za-z][A-Za-z-]*)")
#: nouns after a product that speak of its trade, not a narrower product
_TRADE_NOUNS = frozenset("""industry industries industrial sector sectors field fields market markets chain chains
maker makers manufacturer manufacturers producer producers supplier suppliers supply demand product products price
prices output sales export exports import imports production capacity enterprise enterprises company companies firm
firms project projects base bases park parks cluster clusters zone alliance association business businesses trade
giant giants leader leaders sector segment segments link links processing equipment technology technologies
part parts component components system systems solution solutions service services""".split())


#: Lowercase words before a chain that say how much or whose, not which kind
_NOT_NARROWING = frozenset("""with from into over under about their these those other such more most many some
each every both than that this which what when where while were have been will would could should also only
including include includes like""".split())


def _modifier(word: str) -> bool:
    """True for a lowercase word that narrows the chain form after it ("offshore" wind
    power, "deep-sea" aquaculture), not a stop word or an appraisal."""
    low = word.lower()
    # a verb or a plural before a chain form is the clause around it ("founds photovoltaic")
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is", "ics"))
    return (word == low and word[0].isalpha() and not _says_no_kind(low) and low not in _APPRAISAL and not plural
            and not low.endswith(("ing", "ed", "ly")))


def _says_no_kind(word: str) -> bool:
    """True for a lowercase word that cannot name a kind of product beside a chain form:
    a stop word, a word of the economy at large ("local", "manufacturing") or a particle."""
    return word in lx.CHAIN_STOP or word in _NOT_AN_INDUSTRY or word in _PARTICLES


_PARTICLES = frozenset("up out down off over back away".split())


def _with_modifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` with each chain form that stands after the modifier some
    other mention of the article kept ("Selenium-rich Tea" in a title, after
    "selenium-rich tea" in the text) widened to that modified chain."""
    keys = {m.key for m in mentions}
    # the one modified form of a bare chain: "tea" later in an article about "selenium-rich tea"
    widened: dict[str, set[str]] = {}
    for key in keys:
        head = key.split(" ", 1)[-1]
        if head != key and head in keys:
            widened.setdefault(head, set()).add(key)
    out = []
    for m in mentions:
        before = _LAST_WORD.search(text, max(0, m.start - 40), m.start)
        wide = f"{before.group(1).lower()} {m.key}" if before else None
        if wide in keys and wide != m.key:
            m = Mention(before.start(1), m.end, text[before.start(1):m.end], "Chain", m.sent, key=wide,
                        info=m.info)
        elif len(widened.get(m.key, ())) == 1:
            m = Mention(m.start, m.end, m.text, "Chain", m.sent, key=next(iter(widened[m.key])), info=m.info)
        out.append(m)
    return out


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)\s+$")


_NOT_AN_INDUSTRY = frozenset("""manufacturing service services tertiary secondary primary whole entire same local
pillar leading dominant relevant related other such this that our its their county's city's province's country's
processing production sunrise sunset chemical heavy light support supporting characteristic advantageous""".split())


def _open_industry(s: str, words: list[tuple[str, int, int]]) -> bool:
    """True for "the valve industry", "the coal coking industry": one to three
    lowercase words after "the" before "industry" are a chain not in the lexicon."""
    names = [w for w, _, _ in words]
    if not 1 <= len(names) <= 3 or not all(re.fullmatch(r"[a-z][a-z-]+", w) for w in names):
        return False
    if any(w in _NOT_AN_INDUSTRY or w in lx.CHAIN_STOP for w in names) or names[-1].endswith(("ing", "ed")):
        return False
    return bool(re.search(r"\bthe\s+$", s[:words[0][1]]))


_WORD_OR_MARK = re.compile(r"[A-Za-z][A-Za-z'-]*|\S")


_SCALE_WORD = re.compile(r"(?:^|-)(?:hundred|thousand|million|billion|trillion)(?:-|$)|-(?:yuan|level|class)$")


def _words_before(text: str, pos: int, limit: int = 6) -> list[tuple[str, int, int]]:
    window = max(0, pos - 120)
    words = list(_WORD_OR_MARK.finditer(text, window, pos))
    picked: list[tuple[str, int, int]] = []
    for match in reversed(words):
        word = match.group(0)
        low = word.lower()
        if low in lx.CHAIN_STOP and picked and _CHAIN_RE.match(
                " ".join([low, *(w.lower() for w, _, _ in picked)])):
            gaz = _CHAIN_RE.match(" ".join([low, *(w.lower() for w, _, _ in picked)]))
            if len(gaz.group(0)) > len(low):
                picked.insert(0, (word, match.start(), match.end()))
                continue
        if low == "new" and picked and picked[0][0].lower() == "energy" and len(picked) < limit:
            picked.insert(0, (word, match.start(), match.end()))  # "new energy" (新能源) is one word
            continue
        if not word[0].isalpha() or low in lx.CHAIN_STOP and low != "and" or len(picked) >= limit:
            break
        if _SCALE_WORD.search(low):
            break  # "a 100-billion-yuan new energy battery cluster": the scale is no word of the trade
        if (word.isupper() and len(word) > 1) or word.endswith(("'s", "’s")) or gazetteer().lookup(word) \
                or low in ("prefecture", "province", "city", "county", "district"):
            break
        if match.end() != (picked[0][1] - 1 if picked else len(text[:pos].rstrip())) and picked:
            pass
        picked.insert(0, (word, match.start(), match.end()))
    while picked and picked[0][0].lower() == "and":
        picked = picked[1:]
    while picked and picked[-1][0].lower() == "and":
        picked = picked[:-1]
    return picked


# -- lowercase alliances, clusters and place-list agencies -------------------------------

_ALLIANCE_LOW = cued(r"\balliance\b")
_QUOTED_CLUSTER = re.compile(r"[\"“][^\"”]{1,30}[\"”]\s+(?:[a-z-]+\s+){0,3}(?:industrial|industry)\s+clusters?\b")
_PLACE_CLUSTER = cued(r"\b([A-Z][a-z]+)\s+(?:[a-z][a-z-]*\s+){1,4}(?:industrial\s+|industry\s+)?cluster\b")
_PLACE_LIST_AGENCY = cued(
    r"\b((?:[a-z][a-z-]*\s+){1,7}?)(bureaus|departments|commissions|offices|governments|committees|"
    r"administrations)\s+(?:in|of|from)\s+")


def lowercase_mentions(text: str, sentences: list[Sentence], places: list[Mention]) -> list[Mention]:
    """Return lowercase Alliance mentions ("a CZT construction machinery alliance"),
    quoted clusters ('"51020" modern industrial cluster') and agencies named for a
    list of places ("housing bureaus in A, B and C" gives three agencies)."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        for match in _ALLIANCE_LOW.finditer(sent.text):
            words = list(re.finditer(r"[A-Za-z][A-Za-z'-]*|\S", sent.text[:match.start()]))
            picked = []
            for word in reversed(words[-8:]):
                w = word.group(0)
                if not w[0].isalpha() or w.lower() in ("the", "a", "an", "of", "to", "join", "joined", "this",
                                                       "that", "its", "in", "on", "for", "with", "by", "up", "sets",
                                                       "launches", "forms", "founds", "establishes", "unveils"):
                    break
                picked.insert(0, word)
            phrase = " ".join(w.group(0) for w in picked)
            distinctive = picked and (_ANY_CHAIN_RE.search(phrase) or any(
                gazetteer().lookup(w.group(0)) or (w.group(0).isupper() and len(w.group(0)) > 1) for w in picked))
            if not distinctive:
                out.append(Mention(sent.start + match.start(), sent.start + match.end(), "alliance", "Alliance",
                                   index, info={"generic": True}))
                continue
            start = sent.start + picked[0].start()
            out.append(Mention(start, sent.start + match.end(), "", "Alliance", index, info={"lower": True}))
        for match in _PLACE_CLUSTER.finditer(sent.text):
            if gazetteer().lookup(match.group(1)) is None:
                continue
            start = sent.start + match.start()
            out.append(Mention(start, start + len(match.group(0)), "", "Cluster", index, info={"lower": True}))
        for match in _QUOTED_CLUSTER.finditer(sent.text):
            start = sent.start + match.start()
            out.append(Mention(start, start + len(match.group(0)), "", "Cluster", index))
        for match in _PLACE_LIST_AGENCY.finditer(sent.text):
            words = match.group(1).split()
            while words and words[0] in ("of", "the", "and", "with", "in", "charge", "persons", "person", "all",
                                         "local", "relevant", "to", "from", "for", "by", "at", "on"):
                words = words[1:]
            if not words:
                continue
            tail_start = sent.start + match.end()
            listed = _place_list(text, places, tail_start, sent.end)
            if len(listed) < 1:
                continue
            singular = match.group(2)[:-1] if not match.group(2).endswith("ies") else match.group(2)[:-3] + "y"
            for place in listed:
                name = f"{place.text} {' '.join(w.capitalize() if w != 'and' else w for w in words)} " \
                       f"{singular.capitalize()}"
                name = re.sub(r"(?<=-)([a-z])", lambda m: m.group(1).upper(), name)
                out.append(Mention(place.start, place.end, name, "Agency", index,
                                   info={"place_key": place.key, "synthetic": True}))
    return out


def _place_list(text: str, places: list[Mention], start: int, limit: int) -> list[Mention]:
    """Places that follow ``start`` separated only by commas and "and"."""
    found: list[Mention] = []
    pos = start
    for place in sorted((p for p in places if start <= p.start < limit), key=lambda p: p.start):
        gap_ok = place.start == pos or re.fullmatch(r"\s*(,\s*(and\s+)?|and\s+)", text[pos:place.start])
        if not gap_ok:
            break
        found.append(place)
        pos = place.end
    return found



# -- events -----------------------------------------------------------------------------

_LEAD_CLAUSE = re.compile(r"(?:On|At|In|During|Recently|Today|Yesterday|Last|This|on|at|in|during)\b[^,]{0,140},\s*")
_LEAD_WORDS = re.compile(r"^(?:(?:\d{4})\s+)?(?:the|a|an)\s+|^\d{4}\s+(?=the\s)|"
                         r"^(?:our|the|this|its|their)\s+(?:county|city|province|district|town|country|region|"
                         r"prefecture|municipality|park|zone)(?:'s|’s)\s+", re.IGNORECASE)
_PASSIVE = re.compile(r"\s+(?:was|were|has been|had been|is being)\s+(?:\w+ly\s+)?(?:held|convened|opened|"
                      r"launched|staged|hosted|organi[sz]ed|kicked off)\b|\s+(?:took place|opened|kicked off|"
                      r"closed|concluded|was unveiled|opens|kicks off|closes|concludes|takes place)\b", re.IGNORECASE)
_ACTIVE = re.compile(r"\b(held|hosted|organi[sz]ed|convened|staged|co-hosted|holds|hosts)\s+(?:a|an|the)\s+",
                     re.IGNORECASE)
# a finite verb and the lowercase words after it, inside what came before "was held"
_INNER_VERB = re.compile(r"\s(?:was|were|is|are|has|have|had|will)\s+(?:[a-z][\w-]*\s+)*")
_PHRASE_STOP = re.compile(r"[,;.!?]|\s+on\s+(?:" + _MONTHS + r"|the (?:morning|afternoon|evening))\b|"
                          r"\s+(?:at|from|under|with the theme|to)\s+|\s+in\s+(?=[A-Z]|\d|the\s+(?:park|zone|city|county|district|area|town|province|region|"
                          r"hall|centre|center|venue|village|capital)\b)")


# a participle that names who held an event, after the event's name
_BY_HOST = re.compile(r"\s+(?:(?:jointly|co-)\s*)?(?:hosted|co-hosted|organi[sz]ed|sponsored|undertaken|convened|"
                      r"initiated|held)\s+by\b")


# a lowercase part of a named event ("project signing ceremony of the", "opening session of") before its name
_PART_OF_EVENT = re.compile(r"(?:[a-z][\w-]*\s+){0,3}(?:ceremony|session|sessions|event)\s+(?:of|at)\s+(?:the\s+)?"
                            r"(?=(?:(?:19|20)\d\d\s+|\d{1,2}(?:st|nd|rd|th)\s+)?[A-Z][^,]*\b(?i:"
                            + "|".join(sorted(lx.EVENT_HEADS - {"ceremony", "activity"})) + r")$)")


def event_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return Event mentions read from "X was held / took place" and "Y held a X"
    sentences. ``info`` holds ``trigger`` (offset after the verb), ``subject`` (span
    of the clause before an active verb) and ``alias`` for "X, also a Y, ...". Title
    mentions come with ``info['title']``."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        s = sent.text
        for m in _PASSIVE.finditer(s):
            subject = s[:m.start()]
            dash = max(subject.rfind(" -- "), subject.rfind(" — "), subject.rfind(" – "))
            base = dash + 4 if dash >= 0 and subject[dash:dash + 4] == " -- " else (dash + 3 if dash >= 0 else 0)
            subject = subject[base:]
            declared = _DECLARATION_AT_END.search(subject)
            if declared is not None:  # "X Fair (hereinafter referred to as the "Hair Fair") opened": X
                subject = subject[:declared.start()]
            that = None
            for that in re.finditer(r"\b(?:that|where|when|after|as)\s+", subject):
                pass
            if that is not None:  # "Hunan Daily reported that the X Forum was held"
                base += that.end()
                subject = subject[that.end():]
            offset = 0
            lead = _LEAD_CLAUSE.match(subject)
            while lead and lead.end() > offset:  # "In order to …, on July 6, the X was held"
                offset = lead.end()
                lead = _LEAD_CLAUSE.match(subject, offset)
            subject = subject[offset:]
            offset += base
            strip = _LEAD_WORDS.match(subject)
            while strip and strip.end() > 0:
                offset += strip.end()
                subject = subject[strip.end():]
                strip = _LEAD_WORDS.match(subject)
            parts = re.split(r",\s*also\s+(?:a|an|the)?\s*", subject.rstrip(", "), maxsplit=1)
            name = parts[0]
            if "," in name:
                name = name.split(",")[0]
            inner = None
            for inner in _INNER_VERB.finditer(name):
                pass
            if inner is not None:  # "X was inaugurated at the Y Meeting, which was held": Y is the event
                offset += inner.end()
                name = name[inner.end():]
                at = re.search(r"\b(?:at|during)\s+(?:the\s+)?(?=[A-Z0-9])", name)
                if at is not None and lx.EVENT_WORD_RE.search(name[at.end():]):  # "… signed on Thursday at the Y"
                    offset += at.end()
                    name = name[at.end():]
            by = _BY_HOST.search(name)
            if by is not None:  # "the X Conference hosted by Y was held": Y is its host, not its name
                name = name[:by.start()]
            if not lx.EVENT_WORD_RE.search(name) or len(name.split()) > 25 or len(name.split()) < 2:
                continue
            part = _PART_OF_EVENT.match(name)
            if part is not None:  # "the signing ceremony of the 2024 X Conference was held": the conference is
                offset += part.end()
                name = name[part.end():]
            start = sent.start + offset
            info = {"trigger": sent.start + m.end(), "title": sent.title}
            if len(parts) > 1:
                info["alias"] = parts[1].rstrip(", ")
            out.append(Mention(start, start + len(name), name, "Event", index, info=info))
            break
        for m in _ACTIVE.finditer(s):
            rest = s[m.end():]
            stop = _PHRASE_STOP.search(rest)
            phrase = rest[:stop.start()] if stop else rest
            phrase = phrase.strip()
            first_words = " ".join(phrase.split()[:8])
            if not phrase or not lx.EVENT_WORD_RE.search(first_words) or len(phrase.split()) > 30:
                continue
            head = s[:m.start()]
            lead = _LEAD_CLAUSE.match(head)
            start = sent.start + m.end() + (len(rest) - len(rest.lstrip()))
            out.append(Mention(start, start + len(phrase), phrase, "Event", index,
                               info={"trigger": start + len(phrase), "title": sent.title,
                                     "subject": (sent.start + (lead.end() if lead else 0), sent.start + m.start())}))
            break
    return out
