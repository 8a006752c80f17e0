"""Firm names of English articles that the name rules miss or split in two.

- **Brand names in capitals.** Company press pages write their own name in capitals
  ("ACME awarded at …", "represented ACME at the meeting"). A word of four or more
  capitals that the article uses at least three times, and that no other rule took
  for a name, is a firm; "ACME Asia" (the name and a region) is its regional firm.
- **Coordinated firms.** "supply Pine Motors and Zenith with parts": a capitalised
  name joined by "and" (or "&") to a firm found, that no rule took for a place, a
  body, a park or an event, and that is no Chinese person's name ("and Wang
  Wei"), is a firm too.
- **Short forms.** "Longi" and "LONGi Green Energy" are one firm: a firm whose name
  is, case folded, the first word of exactly one longer firm name of the article is
  that firm, its name kept as an alias (not when the longer name only adds a region);
  so is a name of two or three words found in order in one longer name with the same
  first word ("Beicang Equipment", "Siping-based Tongda Special Vehicle", "Jinnong
  Biotech"), leaving out only trade words where the longer name has no place to drop.
- **A body joined to a firm's short name.** A body's name read on through "and" into
  a firm's short name ("… Bureau of Economy and Information Technology and Jiangdong
  Rail") ends before the "and".
"""

from __future__ import annotations

import re
from collections import Counter

from chaingraph.extract.places import in_other_province, place_word
from chaingraph.extract.result import Entity, Mention, Sentence
from chaingraph.identity import name_key

_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_REGION = re.compile(r"\s+(Asia|Asia Pacific|Europe|China|America|North America|Americas|Japan|Germany|India|"
                     r"International|Global)\b")
#: Capitalised words that are no firm: page words, and bodies, blocs and events known by acronym.
_NOT_NAMES = frozenset("""NEWS HOME PHOTO PHOTOS VIDEO VIDEOS TAGS NOTE SOURCE EDITOR TOP MORE SHARE PRINT EMAIL
CHINA CHINESE ASIA EUROPE FROM WITH THIS THAT THE AND FOR COVID SARS MIIT NDRC SASAC MOFCOM CCPIT CPPCC CAAM CPCA
APEC ASEAN OPEC NATO BRICS RCEP WIPO UNESCO CIIE CIFTIS XINHUA CCTV CGTN IPO ESG""".split())


def brand_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Firm mentions of capitalised brand names (see the module docstring)
    where none of ``mentions`` covers them.

    >>> s = "ACME awarded. ACME Asia won a prize. The buyer thanked ACME for the parts."
    >>> [(m.text, str(m.type)) for m in brand_mentions(s, [Sentence(s, 0, len(s))], [])]
    [('ACME', 'Firm'), ('ACME Asia', 'Firm'), ('ACME', 'Firm')]
    """
    counts = Counter(m.group(0) for m in _CAPS.finditer(text))
    words = {w for w, n in counts.items() if n >= 3 and w not in _NOT_NAMES}
    if not words:
        return []
    covered = [(m.start, m.end) for m in mentions]
    places = [(m.start, m.end) for m in mentions if m.type in ("City", "Province")]
    # a word of a longer name found ("BJEV" of "BAIC BJEV") is that name's, not a firm of its own
    surfaces = [(m, m.text or text[m.start:m.end]) for m in mentions]
    known = {w for _m, t in surfaces if len(t.split()) > 1 for w in re.findall(r"[A-Za-z]+", t)}
    initials = {"".join(w[0] for w in re.findall(r"[A-Z][\w&'-]*", t)) for m, t in surfaces
                if m.type != "Chain" and len(t.split()) > 2}
    # an acronym of a name found ("SMIC" of "Semiconductor Manufacturing International Corp") is that name's
    known |= {w for w in words if any(_subsequence(w, i) and w[0] == i[0] for i in initials if i)}
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        for m in _CAPS.finditer(sent.text):
            if m.group(0) not in words or m.group(0) in known or sent.text[m.end():m.end() + 1] == "-":
                continue  # "COVID-19", "ABCD-listed": not a firm's own name
            start = sent.start + m.start()
            end = sent.start + m.end()
            if any(a < end and start < b for a, b in covered):
                continue
            region = _REGION.match(text, end)
            if region is not None and not any(a < region.end() and region.start(1) < b for a, b in covered
                                              if (a, b) not in places):
                end = region.end()  # a place word after it is part of the regional firm's name
            out.append(Mention(start, end, text[start:end], "Firm", index))
    return out


_JOINED_AFTER = re.compile(r"\.?\s+(?:and|&)\s+((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})\b")
_JOINED_BEFORE = re.compile(r"\b((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})\s+(?:and|&)\s+$")
_NOT_FIRM_WORDS = frozenset("""the this that these those it its their our his her in on at for with from by to of other
some many all both each chinese foreign local global national international province city county district state
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday mr ms dr president chairman ceo""".split())


#: Common Chinese surnames in pinyin: "Sany and Wang Wei" joins a person, not a firm.
_SURNAMES = frozenset("""Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng
Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Su Wei Lyu Ding Ren
Shen Yao Lu Jin Fan Fu Qian Qin Shi Tan Wan Xia Yin Kong Mao Qiu Hou Bai Gu Meng Long""".split())


def coordinated_firms(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Firm mentions of capitalised names joined by "and" to a firm mention
    (see the module docstring).

    >>> s = "It will supply Pine Motors Co., Ltd. and Zenith with parts."
    >>> firm = Mention(15, 35, "Pine Motors Co., Ltd", "Firm", 0)
    >>> [m.text for m in coordinated_firms(s, [Sentence(s, 0, len(s))], [firm])]
    ['Zenith']
    """
    from chaingraph.extract import lexicon as lx
    from chaingraph.extract.places import gazetteer

    gaz = gazetteer()
    heads = lx.AGENCY_HEADS | lx.CLUSTER_HEADS | lx.EVENT_HEADS | {"alliance", "association", "university"}
    covered = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for m in mentions:
        if m.type != "Firm" or m.sent < 0 or m.sent >= len(sentences):
            continue
        sent = sentences[m.sent]
        found = [(m.end + x.start(1), m.end + x.end(1)) for x in [_JOINED_AFTER.match(text[m.end:sent.end])] if x]
        before = _JOINED_BEFORE.search(text[sent.start:m.start])
        if before is not None:
            found.append((sent.start + before.start(1), sent.start + before.end(1)))
        for start, end in found:
            name = text[start:end]
            words = name.split()
            person = (len(words) in (2, 3) and words[0] in _SURNAMES
                      and words[-1].lower() not in lx.INDUSTRY_HEADS | lx.FIRM_HEADS)
            if (person or words[0].lower() in _NOT_FIRM_WORDS or words[-1].lower() in heads
                    or any(a < end and start < b for a, b in covered) or gaz.lookup(name) is not None):
                continue
            if start < m.start and start > sent.start and not re.search(r"(?:,|\bwith|\bby|\bfrom|\bto|\band)\s+$",
                                                                       text[sent.start:start]):
                continue  # before the firm: only where a party list may start
            out.append(Mention(start, end, name, "Firm", m.sent, info={"weak": True}))
            covered.append((start, end))
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _after_places(name: str, counties: bool = True) -> str:
    """``name`` without the place words it starts with ("Fujian Anxi X Co." gives "X Co."),
    counties counted unless ``counties`` is False (then only provinces and cities); a city
    of another province than the first is the name's own word."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and place_word(words[i], counties=counties) \
            and not (i and in_other_province(words[0], words[i])):
        i += 1
    return " ".join(words[i:])


def _after_group(name: str) -> str:
    """``name`` without the acronym of its group before a place word ("AVIC Shaanxi
    Aircraft Industry Co." gives "Shaanxi Aircraft Industry Co."), else ``name``.

    >>> _after_group("AVIC Shaanxi Aircraft Industry Co., Ltd."), _after_group("BYD Auto Co., Ltd.")
    ('Shaanxi Aircraft Industry Co., Ltd.', 'BYD Auto Co., Ltd.')
    """
    words = name.split()
    if len(words) >= 3 and 3 <= len(words[0]) <= 6 and words[0].isalpha() and words[0].isupper() \
            and place_word(words[1]):
        return " ".join(words[1:])
    return name


_LEGAL_WORDS = frozenset("co co. ltd ltd. co., inc inc. corp corp. corporation company limited llc plc".split())
# words a short form leaves out of a name that has no place to drop (Hexi Wind Power Equipment Co.)
_TRADE_WORDS = frozenset("""equipment technology technologies tech science industry industries industrial
manufacturing materials products group holdings holding development""".split())


def _short_form_of(short: list[str], name: list[str], placed: bool) -> bool:
    """True when the words ``short`` are a short form of the firm name ``name`` (its
    words after its places; ``placed`` when places were dropped): the same first word
    (or the second of a name opening on two pinyin words),
    then each word the same as or the start of (Biotech, Biotechnology) a later word,
    in order; a name with no place to drop may leave out only trade words.

    >>> _short_form_of(["Beicang", "Equipment"], "Beicang Agricultural Equipment Co., Ltd.".split(), True)
    True
    >>> _short_form_of(["Dongfeng", "Motor"], "Dongfeng Motor Parts Group Co.".split(), False)
    False
    >>> _short_form_of(["Yunqi", "Robot"], "Jiuzhou Yunqi Robot Technology Co., Ltd.".split(), True)
    True
    """
    kept = [w for w in name if w.casefold().strip(",") not in _LEGAL_WORDS]
    core = [w.casefold() for w in kept]
    wanted = [w.casefold() for w in short]
    if len(core) > 2 and wanted and core[0] != wanted[0] and core[1] == wanted[0] \
            and pinyin_name(kept[0]) and pinyin_name(kept[1]):
        core = core[1:]  # Jiuzhou Yunqi Robot Technology: a two-word Chinese name goes by its second word
    if not core or not wanted or core[0] != wanted[0] or len(wanted) > len(core):
        return False
    i, skipped = 1, []
    for word in wanted[1:]:
        while i < len(core) and not (core[i] == word or len(word) >= 4 and core[i].startswith(word)):
            skipped.append(core[i])
            i += 1
        if i == len(core):
            return False
        i += 1
    skipped += core[i:]
    return placed or all(w in _TRADE_WORDS for w in skipped)


def cut_bodies_before_firms(text: str, mentions: list[Mention]) -> None:
    """Cut a body's mention that runs on through "and" into a firm's short name ("the
    Ma'anshan Bureau of Economy and Information Technology and Jiangdong Rail jointly
    held …": the bureau and Jiangdong Rail, a short form of a firm named in full in the
    article), in place; the short name is found later with the firm's other forms.
    Takes the cleaned ``text`` the mentions' offsets are in."""
    firms = {form for m in mentions if m.type == "Firm"
             for form in (_after_places(text[m.start:m.end]), _after_places(text[m.start:m.end], counties=False))}
    for m in mentions:
        surface = text[m.start:m.end]
        if m.type != "Agency" or " and " not in surface:
            continue
        left, _, right = surface.rpartition(" and ")
        words = right.split()
        # a firm's own name word opens it (Jiangdong), not a word of a remit (Information Technology)
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) or not pinyin_name(words[0]):
            continue
        if any(_short_form_of(words, firm.split(), True) for firm in firms if firm.split()[:1] == words[:1]):
            m.end = m.start + len(left)
            m.text = left if m.text else ""


# an initial and a final, roughly: er only stands alone, and no syllable is be, pe, fe or we
_SYLLABLE = (r"(?:er|(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|"
             r"a|o|(?<![bpfw])e|i|u|v))")
_PINYIN = re.compile(rf"(?:{_SYLLABLE}){{2,4}}", re.IGNORECASE)


def pinyin_name(word: str) -> bool:
    """True when ``word`` is a capitalised word of two to four pinyin syllables
    (Tianhe, Beicang): the Chinese name inside a translated firm name, where
    English words of the name (Seed, Power) are not.

    >>> [pinyin_name(w) for w in ("Tianhe", "Jinnong", "Seed", "Power", "tianhe")]
    [True, True, False, False, False]
    """
    return word[:1].isupper() and len(word) >= 4 and _PINYIN.fullmatch(word) is not None


# a bracket of two or more capitalised words closing a name: "(Luochuan Pingguo Chanyelian Gongxu Duijiehui)"
_CLOSING_BRACKET = re.compile(r"\s*[(（]([A-Z][A-Za-z'’]*(?:\s+[A-Z][A-Za-z'’]*)+)[)）]$")
_ANY_SYLLABLES = re.compile(rf"(?:{_SYLLABLE})+", re.IGNORECASE)


def drop_pinyin_glosses(mentions: list[Mention]) -> None:
    """Cut from the end of each of ``mentions`` (changed in place) a bracket that only
    spells the name's Chinese in pinyin ("… Matchmaking Conference (Luochuan Pingguo
    Chanyelian Gongxu Duijiehui)"): a gloss for readers, not part of the English name.

    >>> m = Mention(0, 36, "Apple Conference (Pingguo Duijiehui)", "Event", 0)
    >>> drop_pinyin_glosses([m]); (m.text, m.end)
    ('Apple Conference', 16)
    """
    for m in mentions:
        gloss = _CLOSING_BRACKET.search(m.text)
        if gloss is None or not all(_ANY_SYLLABLES.fullmatch(w.replace("'", "").replace("’", ""))
                                    for w in gloss.group(1).split()):
            continue
        had_key = m.key == name_key(m.text)
        m.text = m.text[:gloss.start()]
        m.end = m.start + len(m.text)
        if had_key:
            m.key = name_key(m.text)


def _merge_into(target: Entity, short: Entity) -> None:
    """Give ``target`` the mentions of ``short`` and its names as aliases."""
    target.mentions = sorted(target.mentions + short.mentions, key=lambda m: m.start)
    for alias in [short.name, *short.aliases]:
        if alias != target.name and alias not in target.aliases:
            target.aliases.append(alias)


def _one_word_of(short: Entity, firms: list[Entity], gone: set[int], unplaced: dict[int, str]) -> list[Entity]:
    """The firms whose name a one-word ``short`` firm name is the short form of: their
    first word, first word after their place, or (a pinyin word) their second word
    after a first pinyin one ("Huayu" of "Dongjiang Huayu Petrochemical Co., Ltd.")."""
    key = short.name.casefold()
    longer = [e for e in firms if e is not short and id(e) not in gone and len(e.name.split()) >= 2
              and key in (e.name.split()[0].casefold(), (unplaced[id(e)].split() or [""])[0].casefold())
              and not _REGION.fullmatch(e.name[len(e.name.split()[0]):])]  # "ACME Asia" is its own firm
    if not longer and pinyin_name(short.name):  # after its place too: "Haigong" of "Tianjin Bohai Haigong …"
        longer = [e for e in firms if e is not short and id(e) not in gone and any(
            len(words) >= 3 and words[1].casefold() == key and pinyin_name(words[0])
            for words in (e.name.split(), unplaced[id(e)].split()))]
    return longer


def merge_short_names(entities: list[Entity]) -> list[Entity]:
    """Return ``entities`` with each firm whose name is the first word of exactly one
    longer firm name merged into that firm (its names become aliases), numbered
    again e1, e2, ….

    >>> a = Entity("e1", "Firm", "Longi", [], mentions=[Mention(0, 5, "Longi", "Firm", 0)])
    >>> b = Entity("e2", "Firm", "LONGi Green Energy", [], mentions=[Mention(9, 27, "LONGi Green Energy", "Firm", 0)])
    >>> [(e.id, e.name, e.aliases) for e in merge_short_names([a, b])]
    [('e1', 'LONGi Green Energy', ['Longi'])]
    """
    firms = [e for e in entities if e.type == "Firm"]
    unplaced = {id(e): _after_places(e.name) for e in firms}  # each full name once, not once a short name
    uncitied = {id(e): _after_places(e.name, counties=False) for e in firms}
    ungrouped = {id(e): _after_group(e.name) for e in firms}
    gone: set[int] = set()
    for short in firms:
        words = short.name.split()
        # "Siping-based Tongda Special Vehicle" is a short form after its place
        bare = words[1:] if re.search(r"-(?:based|headquartered)$", words[0]) else words
        if len(short.name) < 4 or len(bare) > 3 or not bare:
            continue
        # a city's name opens no short name, unless a longer name has it as its own word after its place
        # ("Shaoguan Machinery" of "Weifang Shaoguan Machinery Co.")
        # ("Shaanxi Aircraft" of "AVIC Shaanxi Aircraft Industry Co.", after its group's acronym)
        if place_word(bare[0]) and not any(unplaced[id(e)].split()[:1] == bare[:1] != e.name.split()[:1]
                                           or ungrouped[id(e)].split()[:1] == bare[:1] != e.name.split()[:1]
                                           for e in firms if e is not short):
            continue
        key = short.name.casefold()
        if place_word(bare[0], counties=True):  # "Hexi Wind Power" of "Hexi Wind Power Equipment Co."
            # a name whose first word after its city is also a county's (Ningbo Jinghong Die Casting)
            longer = [e for e in firms if e is not short and id(e) not in gone and len(e.name) > len(short.name)
                      and (_short_form_of(bare, e.name.split(), False)
                           or _short_form_of(bare, uncitied[id(e)].split(), uncitied[id(e)] != e.name)
                           or ungrouped[id(e)] != e.name and _short_form_of(bare, ungrouped[id(e)].split(), False))
                      ] if len(bare) >= 2 else []
            if not longer and len(words) == 1:  # "Xinhe" is a county too, but names Longkou Xinhe Marine here
                longer = _one_word_of(short, firms, gone, unplaced)
        elif len(words) == 1:
            longer = _one_word_of(short, firms, gone, unplaced)
        else:  # "Tieguanyin Group" is the "Fujian Anxi Tieguanyin Group Co., Ltd." the article names in full
            longer = [e for e in firms if e is not short and id(e) not in gone
                      and (unplaced[id(e)].casefold() + " ").startswith(key + " ")
                      and unplaced[id(e)] != e.name]
            if not longer:  # "Beicang Equipment", "Jinnong Biotech": words of one name, in order
                longer = [e for e in firms if e is not short and id(e) not in gone and len(e.name) > len(short.name)
                          and (_short_form_of(bare, e.name.split(), False)
                               or _short_form_of(bare, unplaced[id(e)].split(), unplaced[id(e)] != e.name))]
        if len(longer) != 1:
            continue
        _merge_into(longer[0], short)
        gone.add(id(short))
    if not gone:
        return entities
    kept = [e for e in entities if id(e) not in gone]
    for number, entity in enumerate(kept, start=1):
        entity.id = f"e{number}"
    return kept
