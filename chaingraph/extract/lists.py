"""Lists harvested as lists: every member of a list gets the type the word closing or
opening the list gives (「A、B、C等N家企业」, "brands such as A, B and C" → Firm;
「涵盖A、B、C等领域」, 「以A、B、C为主」, "industries such as a, b and c", "covering a, b and other industries", "projects covering a, b and c" → Chain), and
the relation the list states is kept on the list for :func:`list_relations`:
suppliers of the firm before them ("provided by A, B and C"), customers of it
("supplier of brands such as A, B"), firms of a park named in the sentence, chains
of the article's event when the sentence speaks of it or of its deals.

>>> text = "园区拥有青岚微电、北辰精工等10多家企业，涵盖集成电路、智能传感器等领域。"
>>> [(str(m.type), m.text) for m in list_mentions(find_lists(text, [Sentence(text, 0, len(text))], "zh"), [])]
[('Firm', '青岚微电'), ('Firm', '北辰精工'), ('Chain', '集成电路'), ('Chain', '智能传感器')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from chaingraph.extract.result import Entity, Mention, Sentence
from chaingraph.extract.cues import cued

_ITEM = r"[\u4e00-\u9fffA-Za-z0-9（）()·]{2,16}"
_FIRM_LIST = re.compile(
    # 「A、B等地的企业」 lists places, not firms
    rf"((?:{_ITEM}、){{1,30}}{_ITEM}?)等(?!地)(?:[\d一二三四五六七八九十百多余几]+家)?"
    r"(?:[\u4e00-\u9fff]{0,4}?)(?:企业|公司|车企|厂商|供应商|龙头)")
# a few words between a list's close and its chain word (7条现代海洋产业链, 等优势产业), not a kind of firm
_FILLER = r"(?:(?!企业|公司|厂商|单位|机构|家|的)[\u4e00-\u9fff]){0,4}?"
# the roles of a layout (以A为主导、B和C为两翼): what leads, and what flanks it
_LEAD_ROLE = r"为(?:主导|主体|核心|龙头|引领|主)"
_FLANK_ROLE = r"为(?:两翼|支撑|补充|特色|延伸|辅助|配套|重点)"
_CHAIN_LIST = re.compile(
    rf"以({_ITEM}?{_LEAD_ROLE}、{_ITEM}?){_FLANK_ROLE}"
    rf"|(?:涵盖|覆盖|包括|聚焦|围绕|涉及|主攻|以)((?:{_ITEM}、){{1,20}}{_ITEM}?)(?:等)?"
    r"(?:为主|为重点|为主导|领域|行业|产业|方向|板块|环节)"
    # 「A、B、C五大产业链」, 「A、B和C7条现代海洋产业链」, 「A、B等优势产业」, 「A、B等环节」: a list
    # closed by 等 or a count, and a chain word
    rf"|((?:{_ITEM}、){{1,20}}{_ITEM}?)(?:等{_FILLER}|等?[一二三四五六七八九十两几多\d]+[大个项类条]?{_FILLER})"
    r"(?:产业链|产业集群|产业|行业|领域|环节)"
    # 「重点发展A、B和C；」: what a plan develops, up to the end of the clause
    rf"|(?:重点发展|重点培育|大力发展|培育壮大|重点布局)((?:{_ITEM}、){{1,20}}{_ITEM}?)(?=[，。；])"
    # 「集A、B、C于一体的产业链」: what one chain brings together
    rf"|集((?:{_ITEM}、){{1,20}}{_ITEM}?)于一体"
    # 「推动A、B产业化」
    rf"|((?:{_ITEM}、){{1,20}}{_ITEM}?)产业化"
    # 「形成A、B和C在内的完整产业链」
    rf"|((?:{_ITEM}、){{1,20}}{_ITEM}?)(?:等)?在内的(?:完整|全)?产业链")
# 「一是A、B及C环节；二是D环节」: the links a plan counts off, one or more each; the
# count opens the list, so its first member starts right after it
_COUNTED_LINKS = re.compile(rf"(?:^|(?<=[：:；;，,]))[一二三四五六七八九十]是((?:{_ITEM}、){{0,20}}{_ITEM}?)环节")
#: the conjunction that joins the last two members of a chain list (A、B和C); A与B is
#: left whole here, for refine_lists to split unless a plan names it
_LAST_AND = re.compile(r"^(.{2,10}?)(?:和|及|以及)(.{2,10})$")
# words that open a list; the first member starts after the last of them
_ONE_CHAR_OPENERS = frozenset("如有是像及和与了")
_OPENER_WORDS = re.compile(r"全省|全市|全国|全区|全县|我省|我市|本市|其中|以及|例如|比如|包括|拥有|现有|汇聚|集聚|吸引|"
                           r"重点|培育|发展|大力|壮大|做强|提出")
_NOT_A_MEMBER = re.compile(r"[\d年月日]|^(?:其他|相关|部分|一批|多家|全国|全省|全市|国内|省内|市内)")

_EN_NAME = r"[A-Z][\w&'.\u201a-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'.\u201a-]*){0,7}"
# the comma of "Co., Ltd." is not a list's: it is read as a low quote mark of the same length
_LEGAL_COMMA = re.compile(r"\b(?:Co|Corp|Inc)\.\s*(,)\s*(?:Ltd|Limited|Inc)\b")
_EN_FIRM_LIST = cued(
    r"\b(?:brands|customers|clients|companies|firms|enterprises|automakers|carmakers|manufacturers|suppliers|"
    r"partners|buyers|retailers|makers|producers|exporters|vendors)"
    # "enterprises in the park, such as …": where they are, between the kind and its list
    r"(?:\s+(?:in|of|at|from)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?\s*,?\s+(?:such as|including|like)\s+"
    rf"((?:{_EN_NAME},\s+)*{_EN_NAME},?\s+and\s+{_EN_NAME})")
# "buyers from Lingxing, Qingqi Mobility and other brand owners": a list closed by its kind of firm
_EN_FIRM_LIST_OTHER = cued(
    rf"((?:{_EN_NAME},\s+)+{_EN_NAME}),?\s+and\s+other\s+(?:[a-z-]+\s+){{0,2}}?(?:brand owners|brands|companies|"
    r"firms|enterprises|manufacturers|makers|carmakers|automakers|suppliers|customers|buyers|retailers|producers)\b")
_EN_CHAIN_LIST = cued(
    r"\b(?:industries|sectors|fields)\s*,?\s+(?:such as|including|like)\s+")
_EN_COVERING = cued(r"\b(?:covering|covers|cover|spanning)\s+([a-z][a-z ,-]*?),?\s+and\s+other\s+"
                    r"(?:industries|sectors|fields|links|segments)\b")
# "covering A, B and C industry chains": the head every member shares is no word of the last one
_EN_WORD = r"(?!(?:was|were|is|are|will|would|has|have|had|be|been|to|in|at|for|with|by|from|on|which|that|of|and|or|" \
           r"as|worth|signed|totalling|totaling|industry|industries|chain|chains)\b)[a-z][a-z-]*"
_EN_ITEM = rf"{_EN_WORD}(?: {_EN_WORD}){{0,4}}"
_EN_FIELD_LIST = re.compile(
    r"\b(?:covering|covers|covered|cover|involving|involves|involved|involve|spanning|spans|spanned|"
    r"in the (?:fields|areas|sectors) of|"
    r"in (?:fields|areas|sectors) (?:such as|including|like)|(?:directions|areas|fields|sectors|segments|links),?\s+"
    r"namely|(?:enterprises|firms|companies|manufacturers)\s+(?:in|from)(?:\s+the\s+fields\s+of)?|"
    # "extend the chain to A, B and C": the links a chain grows into
    r"extend(?:s|ed|ing)?\s+(?:the|its|our|their)\s+(?:industrial\s+|industry\s+)?chains?\s+(?:to|into|towards?))"
    r"\s+(?:the\s+)?"
    rf"((?:{_EN_ITEM},\s+)+{_EN_ITEM},?\s+(?:and|as well as)\s+{_EN_ITEM})")
# "Of the 46 signed projects, 18 involve A and B, 16 concern C and D": two fields are a list after deals
_EN_DEAL_FIELDS = cued(
    r"\b(?:projects?|deals?|agreements?|contracts?|\d+)\s+(?:also\s+)?(?:involve|involves|concern|concerns|"
    rf"cover|covers|are in|fall in)\s+(?:the\s+)?({_EN_ITEM}\s+and\s+{_EN_ITEM})\b")
#: Activities, not chains: "covering research, production and sales".
_ACTIVITIES = frozenset("""research development production sales manufacturing design service services testing test
inspection processing trade marketing operation operations management investment construction maintenance
installation training education finance financing logistics consulting leasing repair assembly storage transport
transportation distribution planning application applications innovation r&d smelting refining making
recycling""".split())
_EN_LOWER_ITEM = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,4}")
_SUPPLIER_WORDS = re.compile(r"\bsuppl(?:y|ier|iers|ies|ied)\b|\bmanufacturer\b|\bOEM\b|\bvendor\b|"
                             r"\bproducts?\s+(?:also\s+)?(?:go|goes|went|are\s+sold|are\s+shipped)\s+to\b|"
                             r"供应商|供货|配套|代工", re.IGNORECASE)
_SUPPLIERS_CLOSING = re.compile(r"配套|供应商|供货商")
_SUPPLIED_BY = re.compile(r"\b(?:provided|supplied|delivered|sourced)\s+(?:by|from)\s+$")
# a sentence summing up a period tells of other events and deals, not the article's
_OTHER_TIMES = re.compile(r"今年以来|去年以来|近年来|累计|截至|此前|\b(?:so far this year|since the start of|last year|"
                          r"in recent years|to date|in total)\b", re.IGNORECASE)
_DEAL_WORDS = re.compile(r"签约|项目|对接|合作|\bsign|\bproject|\bdeal|\bagreement", re.IGNORECASE)


@dataclass
class ListHit:
    """One list of a sentence: its ``kind`` (Firm or Chain), sentence index
    ``sent``, the ``start`` of the whole list, its ``members`` as (start, end,
    text) spans of the cleaned text, and what the words around it say: ``role``
    (customers, suppliers or None)."""

    kind: str
    sent: int
    start: int
    members: list[tuple[int, int, str]] = field(default_factory=list)
    role: str | None = None


# work done on any trade: alone in a list of chains it is no chain (物流, 检测, 储能 are trades)
_WORK_ALONE = frozenset("应用 制造 生产 研发 设计 加工 服务 销售 建设 发展 创新 推广".split())
# verbs that open a list of fields inside what looked like a member (…产品广泛用于A、B等行业), or of
# customers (其电池盒、车身结构件已批量供应A、B等车企; not 供应链, 供应商)
_LIST_OPENS_INSIDE = re.compile(r".*(?:用于|应用于|服务于|面向|涵盖|覆盖|涉及|包括|(?:供应|供货)(?![链商])给?|销往|销售给|"
                                r"出口(?:到|至))")


def _members(text: str, start: int, body: str, split_and: bool = False,
             opened: bool = False) -> list[tuple[int, int, str]]:
    """The members of the list ``body`` (at ``start`` of ``text``) as (start, end, text);
    with ``split_and`` (lists of chains) the last one is split at its conjunction
    (A、B和C has three members); with ``opened`` the first member starts at ``start``
    (the words that open the list are not in ``body``)."""
    out = []
    pos = start
    raws = body.split("、")
    for i, whole in enumerate(raws):
        raw = re.sub(_LEAD_ROLE + "$", "", whole)  # 以A为主导、B为两翼: the role is not A's name
        s, item = pos, raw
        if i == 0 and not opened:  # the first member starts after the words that open the list (拥有, 包括 …)
            cut = _first_member_start(raw)
            s += cut
            item = raw[cut:]
        elif (opens := _LIST_OPENS_INSIDE.search(raw)) is not None:
            out.clear()  # 其宽厚板、线棒材产品广泛用于船舶制造、工程机械等行业: the list starts after 用于
            s += opens.end()
            item = raw[opens.end():]
        pos += len(whole) + 1
        if split_and and i == len(raws) - 1:  # 高端装备制造四条重点(产业链): the list's count is no part of it
            item = re.sub(r"[一二三四五六七八九十两几多\d]+[大个项类条种](?:重点|主导|优势|特色|新兴|战略性|现代)?$", "", item)
        if split_and:  # 把A、B作为两条重点产业链: the verb that makes them the chains is not the last member's
            item = re.sub(r"(?<=..)(?:作为|列为|确定为|定为)$", "", item)
        if split_and:  # 冷链物流等上下游(环节), 面料等配套(集群), 物流等多个(环节): the list's close is not its last member's
            item = re.sub(r"等(?:上下游|上游|下游|配套|相关|其他)?(?:产业)?(?:集群|环节|领域|板块|产品)?$", "", item)
        if split_and and i == len(raws) - 1 and len(item) >= 3:
            item = re.sub(r"(?<=..)的$", "", item)  # 涵盖芯片、封装和应用的(产业体系): 的 ties the list to its noun
        if split_and and len(item) >= 4:
            item = re.sub(r"(?:产业链|产业)$", "", item)  # 康养产业 is the chain 康养
        if split_and and len(item) >= 4:  # 玉米制种基地建设, 包装材料本地化: the work done on a trade, not the trade
            item = re.sub(r"(?<=..)(?:基地建设|建设|本地化)$", "", item)
        pair = _LAST_AND.match(item) if split_and and i == len(raws) - 1 and i > 0 else None
        if pair is not None:
            parts = [(s, pair.group(1)), (s + pair.start(2), pair.group(2))]
        else:
            parts = [(s, item)]
        for a, part in parts:
            if split_and and part in _WORK_ALONE:
                continue  # 芯片、封装和应用: work done on any trade (应用, 制造) is no chain
            if 2 <= len(part) <= 16 and not _NOT_A_MEMBER.search(part) and not _is_place(part):
                out.append((a, a + len(part), part))
    return out


def _first_member_start(raw: str) -> int:
    """Where the first member of a list starts in ``raw`` (the text up to the first
    、): after the last verb, preposition or other function word among its words,
    after a one-character opener (如, 有) that stands as a word, and after 与 (the
    other party of 「A与B、C等企业签约」)."""
    from chaingraph.extract.words import shared, trim_left

    cut = trim_left(raw, 0, len(raw))
    if cut >= len(raw):
        return len(raw)
    words = shared().words(raw[cut:])
    while len(words) > 1 and (words[0] in _ONE_CHAR_OPENERS or _OPENER_WORDS.fullmatch(words[0])):
        cut += len(words.pop(0))
    # 宜宾市与宁德时代、天原集团等企业: the party before 与 is not the list's
    pos = cut
    for i, word in enumerate(words[:-1]):
        pos += len(word)
        if word in ("与", "同") and i > 0:
            cut = pos
    return cut


def _is_place(item: str) -> bool:
    """True when ``item`` is a place name of the gazetteer (成都市), or a county's name
    with or without its suffix (射洪): a list of places before 企业 names where the
    firms are, not firms."""
    from chaingraph.extract.places import gazetteer

    from chaingraph.extract.counties import _zh_table

    gaz = gazetteer()
    found = gaz.zh_regex.fullmatch(item)
    if bool(found and gaz.lookup(found.group(1))) or gaz.lookup(item) is not None:
        return True
    counties = _zh_table()[1]
    if item in counties or any(item + suffix in counties for suffix in "县市区旗"):
        return True
    # a city and its county in one (吕梁孝义市): places all through
    pos = 0
    while pos < len(item):
        step = gaz.zh_regex.match(item, pos)
        end = step.end() if step and step.end() > pos else next(
            (pos + n for n in range(7, 1, -1) if item[pos:pos + n] in counties), 0)
        if not end:
            return False
        pos = end
    return pos > 0


# a past-tense verb with its object or place ends the last item of a list that is a sentence's subject
_VERB_AFTER_ITEM = re.compile(r"\s+[a-z]+ed\s+(?:the|a|an|in|at|on|with)\b.*$")


def _no_foreign_places(members: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``members`` of a firm list without a country and the name before it: in
    "EcoPro BM of Pohang, Korea, and other makers" the last two are a city and its
    country, no firms.

    >>> [t for _a, _b, t in _no_foreign_places([(0, 6, "Pohang"), (8, 13, "Korea"), (15, 18, "SKI")])]
    ['SKI']
    """
    from chaingraph.extract.lexicon import COUNTRIES

    countries = {i for i, (_a, _b, t) in enumerate(members) if t in COUNTRIES}
    return [m for i, m in enumerate(members) if i not in countries and i + 1 not in countries]


def _en_items(body: str, offset: int, pattern: re.Pattern) -> list[tuple[int, int, str]]:
    out = []
    for part in re.finditer(r"[^,]+", body):
        piece = part.group(0)
        for sub in re.finditer(r"(?:^|\band\b|\bas well as\b)\s*([^,]*?)\s*(?=\band\b|\bas well as\b|$)", piece):
            item = sub.group(1).strip()
            item = re.sub(r"^(?:and|the)\s+", "", item)
            item = re.sub(r"\s+(?:industry\s+|industrial\s+)?chains?$", "", item)  # "… and mould chains": mould
            item = _VERB_AFTER_ITEM.sub("", item)  # "… and C attended the conference": C
            if not item or not pattern.fullmatch(item) or item.startswith(("other ", "Other ")):
                continue
            s = offset + part.start() + piece.index(item, sub.start(1) if sub.start(1) >= 0 else 0)
            out.append((s, s + len(item), item))
    return out


def find_lists(text: str, sentences: list[Sentence], language: str) -> list[ListHit]:
    """Return the lists of ``text`` (cleaned text with its ``sentences``; ``language``
    "zh" or "en"), each with its members' spans and the role the sentence gives them."""
    out: list[ListHit] = []
    for index, sent in enumerate(sentences):
        s = sent.text
        if language == "zh":
            if "、" not in s and "环节" not in s:  # every Chinese list holds one, but 一是A环节
                continue
            for regex, kind in ((_FIRM_LIST, "Firm"), (_CHAIN_LIST, "Chain"), (_COUNTED_LINKS, "Chain")):
                for match in regex.finditer(s):
                    group = next(g for g in range(1, (regex.groups or 1) + 1) if match.group(g) is not None)
                    members = [(sent.start + a, sent.start + b, t) for a, b, t in _members(
                        s, match.start(group), match.group(group), split_and=kind == "Chain",
                        opened=regex is _COUNTED_LINKS)]
                    if kind == "Firm" and len(members) >= 2 and all(_trade_words(t) for _a, _b, t in members):
                        # 橡胶助剂、钢丝帘线等企业: firms named by their trade, not by name
                        out.append(ListHit("Chain", index, sent.start + match.start(group), members))
                    elif members:
                        role = "customers" if kind == "Firm" and _SUPPLIER_WORDS.search(s[:match.start()]) else None
                        if kind == "Firm" and _SUPPLIERS_CLOSING.search(s, match.end(group), match.end()):
                            role = "suppliers"  # A、B等配套企业: suppliers of the firm the sentence is about
                        out.append(ListHit(kind, index, sent.start + match.start(group), members, role))
            continue
        masked = _LEGAL_COMMA.sub(lambda m: m.group(0).replace(",", "\u201a"), s)
        for regex in (_EN_FIRM_LIST_OTHER, _EN_FIRM_LIST):
            for match in regex.finditer(masked):
                members = _no_foreign_places([(sent.start + a, sent.start + b, t.replace("\u201a", ","))
                                              for a, b, t in _en_items(match.group(1), match.start(1), re.compile(_EN_NAME))])
                if len(members) >= 2:  # "supplier of brands such as A and B": customers (not "and other …")
                    role = "customers" if regex is _EN_FIRM_LIST and _SUPPLIER_WORDS.search(s[:match.start()]) else None
                    out.append(ListHit("Firm", index, sent.start + match.start(1), members, role))
        for match in _EN_CHAIN_LIST.finditer(s):
            tail = re.match(r"[a-z][a-z ,-]*?(?=[.;:()]|$| (?:in|with|for|to|which|that|while)\b)", s[match.end():])
            if tail is None or "," not in tail.group(0) and " and " not in tail.group(0):
                continue
            members = [(sent.start + a, sent.start + b, t)
                       for a, b, t in _en_items(tail.group(0), match.end(), _EN_LOWER_ITEM)]
            if len(members) >= 2:
                out.append(ListHit("Chain", index, sent.start + match.end(), members))
        for match in _EN_FIELD_LIST.finditer(s):  # "projects covering a, b and c"
            if re.match(r"\s+and\s+other\b", s[match.end(1) - len(match.group(1).split(" and ")[-1]) - 5:]):
                continue
            members = [(sent.start + a, sent.start + b, t)
                       for a, b, t in _en_items(match.group(1), match.start(1), _EN_LOWER_ITEM)
                       if not set(t.split()) <= _ACTIVITIES]
            if len(members) >= 2:
                out.append(ListHit("Chain", index, sent.start + match.start(1), members))
        for match in _EN_DEAL_FIELDS.finditer(s):
            members = [(sent.start + a, sent.start + b, t)
                       for a, b, t in _en_items(match.group(1), match.start(1), _EN_LOWER_ITEM)
                       if not set(t.split()) & _ACTIVITIES]
            if len(members) == 2:
                out.append(ListHit("Chain", index, sent.start + match.start(1), members))
        for match in _EN_COVERING.finditer(s):
            members = [(sent.start + a, sent.start + b, t)
                       for a, b, t in _en_items(match.group(1), match.start(1), _EN_LOWER_ITEM)]
            if members:
                out.append(ListHit("Chain", index, sent.start + match.start(1), members))
    return out


#: What joins the members of a Chinese list of names (A、B和C).
ZH_LIST_GAP = re.compile(r"、|和|及|以及|与")


def listed_run(text: str, items: list, gap: re.Pattern) -> list:
    """The first of ``items`` ((mention, entity) pairs in text order) and those right
    after it that ``gap`` joins, each to the one before ("A, B and C", A、B和C); []
    when there are none.

    >>> from chaingraph.extract.result import Mention
    >>> t = "A、B和C，D"
    >>> ms = [(Mention(i, i + 1, t[i], "Firm", 0), t[i]) for i in (0, 2, 4, 6)]
    >>> [e for _m, e in listed_run(t, ms, ZH_LIST_GAP)]
    ['A', 'B', 'C']
    """
    joined = 1
    while joined < len(items) and gap.fullmatch(text, items[joined - 1][0].end, items[joined][0].start):
        joined += 1
    return items[:joined]


def run_ending_at(text: str, items: list, gap: re.Pattern) -> list:
    """The last of ``items`` ((mention, entity) pairs in text order) and those right
    before it that ``gap`` joins, each to the next: :func:`listed_run` read from the
    end ("A and B will provide C" from B); [] when there are none.

    >>> from chaingraph.extract.result import Mention
    >>> t = "D，A、B和C"
    >>> ms = [(Mention(i, i + 1, t[i], "Firm", 0), t[i]) for i in (0, 2, 4, 6)]
    >>> [e for _m, e in run_ending_at(t, ms, ZH_LIST_GAP)]
    ['A', 'B', 'C']
    """
    first = len(items) - 1
    while first > 0 and gap.fullmatch(text, items[first - 1][0].end, items[first][0].start):
        first -= 1
    return items[first:] if items else []


_ORG_TYPES = ("Firm", "Agency", "Alliance", "Cluster", "Event")
_CHAIN_KEYS: dict[str, str] = {}
_COMMON_NOUN_TAGS = frozenset({"n", "vn"})


def _trade_words(item: str) -> bool:
    """True when ``item`` (a Chinese list member) is made of common nouns only, at
    least four characters with a word of two or more (橡胶助剂, 钢丝帘线): a trade or
    product, where a firm's short name holds a proper noun, a one-character word of
    three characters or an unknown word (中联重科, 森麒麟, 赛轮)."""
    from chaingraph.extract.words import _tags, shared

    if not 4 <= len(item) <= 8 or not re.fullmatch(r"[\u4e00-\u9fff]+", item):
        return False
    tags = _tags()
    words = shared().words(item)
    return len(words) >= 2 and any(len(w) >= 2 for w in words) and all(
        tags.get(w, "") in _COMMON_NOUN_TAGS for w in words)


def _chain_key(item: str) -> str:
    """The chain lexicon's name for ``item`` when it is one of its forms (so a listed
    钢铁 and a 钢铁 found elsewhere are one chain), else the item in lower case."""
    if not _CHAIN_KEYS:
        from chaingraph.extract import lexicon as lx

        for table in (lx.WEAK_CHAINS, lx.CHAINS):
            for canonical, forms in table.items():
                for form in forms:
                    _CHAIN_KEYS[form.lower()] = canonical
    return _CHAIN_KEYS.get(item.lower(), item.lower())


def list_mentions(lists: list[ListHit], mentions: list[Mention]) -> list[Mention]:
    """Return new mentions for the members of ``lists`` that none of ``mentions``
    overlaps (a member the rules named already keeps the rules' type and span)."""
    from chaingraph.extract.spans import Covered

    # a member holds the chains and places inside it (有研稀土 holds 稀土); an
    # organisation or a mention reaching outside it keeps its place
    taken = Covered((m.start, m.end) for m in mentions if m.type in _ORG_TYPES)
    loose = sorted((m.start, m.end) for m in mentions if m.type not in _ORG_TYPES)
    loose_starts = [a for a, _b in loose]
    longest = max((b - a for a, b in loose), default=0)
    out = []
    for hit in lists:
        for start, end, item in hit.members:
            if any(x in taken for x in range(start, end)):
                continue
            # only the loose spans starting within ``longest`` before the member can reach it
            near = range(bisect_left(loose_starts, start - longest), bisect_left(loose_starts, end))
            if any(loose[i][1] > start and not (start <= loose[i][0] and loose[i][1] <= end) for i in near):
                continue
            key = _chain_key(item) if hit.kind == "Chain" else ""
            out.append(Mention(start, end, item, hit.kind, hit.sent, key=key, info={"list": True}))
            taken.add(start, end)
    return out


_RUN_GAP = re.compile(r"\s*(?:[,，、;；]\s*)?(?:(?:and|as well as)\s+|[及和与])?\s*")


def mention_runs(text: str, entities: list[Entity]) -> list[ListHit]:
    """Return lists made of mentions the rules found: two or more firm mentions of
    one sentence joined only by commas, 、 or "and" (full names with "Co., Ltd."
    cannot be split at commas, so such lists are read from their mentions)."""
    found = sorted((m.start, m.end, m.sent, m.text) for e in entities if e.type == "Firm" for m in e.mentions
                   if m.sent >= 0)
    out: list[ListHit] = []
    run: list[tuple[int, int, int, str]] = []
    for item in found + [(len(text) + 1, len(text) + 1, -1, "")]:
        if run and item[2] == run[-1][2] and _RUN_GAP.fullmatch(text, run[-1][1], item[0]):
            run.append(item)
            continue
        if len(run) >= 2:
            out.append(ListHit("Firm", run[0][2], run[0][0], [(a, b, t) for a, b, _s, t in run]))
        run = [item]
    return out


def list_relations(rel, text: str, sentences: list[Sentence], entities: list[Entity], lists: list[ListHit]) -> None:
    """Add to ``rel`` (a :class:`~chaingraph.extract.relations.Relations`) what each
    list states for every member: SUPPLIES from the firm the sentence is about to
    listed customers, and from listed suppliers to the firm before "provided by";
    BELONGS_TO a park the sentence names for listed firms; ABOUT the event for
    listed chains in a sentence that names the event or speaks of its deals."""
    owner: dict[tuple[int, int], Entity] = {}
    firm_mentions: list[tuple[int, Entity]] = []
    for e in entities:
        for m in e.mentions:
            owner[(m.start, m.end)] = e
            if e.type == "Firm":
                firm_mentions.append((m.start, e))
    firm_mentions.sort(key=lambda x: x[0])
    firm_starts = [pos for pos, _e in firm_mentions]
    clusters_in: dict[int, list[Entity]] = {}
    for e in entities:
        if e.type == "Cluster":
            for sent_index in sorted({m.sent for m in e.mentions}):
                clusters_in.setdefault(sent_index, []).append(e)
    parks_of_article = [e for e in entities if e.type == "Cluster"]
    event = next((e for e in entities if e.type == "Event"), None)
    event_sents = {m.sent for m in event.mentions} if event else set()
    spans = {(hit.kind, hit.start) for hit in lists}
    for hit in mention_runs(text, entities):
        if ("Firm", hit.start) not in spans:
            lists = lists + [hit]
    for hit in lists:
        members = [owner.get((a, b)) for a, b, _t in hit.members]
        members = [m for m in members if m is not None and m.type == hit.kind]
        if not members:
            continue
        sent = sentences[hit.sent]
        if hit.kind == "Firm":
            before = None  # the last firm named before the list that is not one of its members
            set_aside: list[Entity] = []
            i = bisect_left(firm_starts, hit.start) - 1
            while i >= 0 and before is None:
                at, firm0 = firm_mentions[i]
                # "Besides CATL, the company's products go to A, B and C": CATL is set aside, not the subject
                aside = re.search(r"\b(?:besides|apart from|in addition to|other than|except)\s+$",
                                  text[max(0, at - 20):at], re.IGNORECASE)
                if aside:
                    set_aside.append(firm0)
                elif firm0 not in members and firm0 not in set_aside:
                    before = firm0
                i -= 1
            if hit.role == "customers" and before is not None:
                for member in members:
                    rel.add("SUPPLIES", before, member, hit.sent, "listed as its customers")
            cued = _SUPPLIED_BY.search(text[max(sent.start, hit.start - 30):hit.start])
            # 既有A、B等整椅企业，也有C、D等配套企业: a member of another list of the sentence is no customer
            listed_too = any(before is not None and before in (owner.get((a, b)) for a, b, _t in other.members)
                             for other in lists if other is not hit and other.sent == hit.sent)
            if (hit.role == "suppliers" and not listed_too or cued) and before is not None:
                for member in members:
                    rel.add("SUPPLIES", member, before, hit.sent, "listed as its suppliers")
            parks = clusters_in.get(hit.sent, [])
            if not parks and len(parks_of_article) == 1 and _CLUSTER_WORDS.search(sent.text):
                parks = parks_of_article  # "the zone has gathered A, B and C": the article's only park
            for cluster in parks:
                for member in members:
                    rel.add("BELONGS_TO", member, cluster, hit.sent, "listed among the park's firms")
        else:
            if event is not None and (hit.sent in event_sents or _DEAL_WORDS.search(sent.text)
                                      and not _OTHER_TIMES.search(sent.text)):
                for member in members:
                    rel.add("ABOUT", event, member, hit.sent, "listed as what the event or its deals cover")
            holder = _holder_of_fields(sent, hit.sent, entities)
            for member in members:
                rel.add("BELONGS_TO", holder, member, hit.sent, "listed as the fields it covers")


_PARTICIPANTS = re.compile(r"\b(?:participat\w+|attend\w+|exhibitors?|delegates|guests|took part|"
                           r"the (?:event|conference|forum|fair|expo|summit|meeting|convention|exhibition))\b|"
                           # 来自A、B等领域的130余家企业参加活动
                           r"(?:参加|参会|出席|参展|与会)", re.IGNORECASE)


def participant_lists(rel, sentences: list[Sentence], entities: list[Entity], lists: list[ListHit]) -> None:
    """Add to ``rel`` ABOUT from the article's event to each chain of a list whose
    sentence speaks of the event's participants or of the event by its head word
    ("participating enterprises spanned industries such as …"; 来自A、B等领域的130余家
    企业参加活动), in either language."""
    event = next((e for e in entities if e.type == "Event"), None)
    if event is None:
        return
    owner = {(m.start, m.end): e for e in entities for m in e.mentions}
    for hit in lists:
        if hit.kind != "Chain" or not _PARTICIPANTS.search(sentences[hit.sent].text):
            continue
        for a, b, _t in hit.members:
            member = owner.get((a, b))
            if member is not None and member.type == "Chain":
                rel.add("ABOUT", event, member, hit.sent, "listed as the participants' chains")


_ALLIANCE_WORDS = re.compile(r"\balliance\b|\bmembers?\b|\bmember units\b|联盟|成员", re.IGNORECASE)
_CLUSTER_WORDS = re.compile(r"\b(?:cluster|park|zone)\b|集群|园区|开发区|高新区|产业园", re.IGNORECASE)


def _holder_of_fields(sent: Sentence, index: int, entities: list[Entity]) -> Entity | None:
    """The alliance or park a sentence listing fields speaks of: the one it names, or
    the article's only one when the sentence speaks of an alliance (its members) or a
    park by a common noun ("Its 46 member units cover A, B and C")."""
    for kind, words in (("Alliance", _ALLIANCE_WORDS), ("Cluster", _CLUSTER_WORDS)):
        of_kind = [e for e in entities if e.type == kind]
        named = [e for e in of_kind if any(m.sent == index and not m.nested_in for m in e.mentions)]
        if len(named) == 1:
            return named[0]
        if not named and len(of_kind) == 1 and words.search(sent.text):
            return of_kind[0]
    return None
