"""Chinese firm names without a firm word (东风日产, 北京现代, 银联), found by what
stands around them rather than by how they end:

- a corporate title or department right after the name (日产汽车CEO, 东风日产采购部部长,
  东风日产技术中心);
- a kind of firm right before it (韩系车企的北京现代, 供应商的X);
- a one-member list closed by a kind of firm (宝钢等国内供应商);
- either side of a supply, a purchase or a signing (宁德时代将为一汽配套, 比亚迪向长城汽车
  供货, A向B采购, A是B的主要多晶硅供应商, A与B、C分别签订);
- what it is or where it builds (东风汽车作为链主企业, 晶科能源在上饶建设…);
- a list or pair in which another member is already a firm (国瓷、东珩、贵研等;
  钱袋网和银联推出): the members of one list are of one type;
- the stem of a name ending in 股份, 集团 or 控股 (宝钢 for 宝钢股份) and the core of a
  place-prefixed one (国瓷 for 山东国瓷), which join the firm they shorten.

A candidate is a run of words (jieba, with the project's user words; six characters
when walked from a cue, eight between a cue and its verb) that holds no function word,
verb or kind-of-firm word, is not a place or a known chain, and is name-like: not only
ordinary dictionary words (技术人员 is not a name; 北京 + 现代 is, since 北京 is a place),
or characters jieba knows no word for (晶科). Once a name is known, every occurrence of
it on word boundaries in the article is a mention.

>>> from chaingraph.extract.result import Sentence
>>> text = "韩系车企的北京现代就必须从境外采购。北京现代表示认可。"
>>> sents = [Sentence(text[:18], 0, 18), Sentence(text[18:], 18, len(text))]
>>> [(m.text, m.start) for m in cued_firms(text, sents, [])]
[('北京现代', 5), ('北京现代', 18)]
"""

from __future__ import annotations

import bisect
import re

from chaingraph.extract.result import Mention, Sentence
from chaingraph.identity import name_key
from chaingraph.extract.cues import cued

# what follows a firm's name: its officers and departments
_TITLE_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}?(?:部|中心))?(?:原|前|现任)?(?:董事长|总经理|副总经理|常务副总|副总裁|总裁|CEO|首席执行官|"
    r"执行董事|副董事长|总监|副总监|创始人)"
    r"|(?:采购|研发|技术|销售|营销|市场|质量|工程|物流)(?:部|中心)")
# a kind of firm before its name (车企的X, 供应商的X)
_KIND_BEFORE_IN = re.compile(r"(?:车企|企业|供应商|供货商|提供商|服务商|厂商|制造商|巨头|龙头|厂家)的|(?:集团|公司)旗下的?")
# a one-member list: X等(国内)供应商
_ONE_LISTED = re.compile(r"等(?:国内|国外|海外|省内|本地|知名|龙头|骨干|重点|优秀|大型)?(?:企业|供应商|供货商|厂商|车企|公司|龙头|"
                         r"连锁品牌|品牌商|客户|商超|连锁超市|经销商)")
# the two sides of a supply or a signing (宁德时代将为一汽配套, 比亚迪向长城汽车供货,
# 赣锋锂业成为特斯拉的供应商, 华友钴业与LG化学签订…)
_DEAL_CUES = (
    re.compile(r"(?:将|已|正式|也|还|再|主要|长期|已经)?(?<![成作认称因以行更])(?:为|向|给)(?!了)([^，。；、]{2,8}?)(?:批量|长期|独家)?"
               r"(?:配套|供货|供应|供给|交付|采购|订购|购买)(?![商方])"),  # 向高岭土供应商X: a role, not the verb
    re.compile(r"(?:将|已|正式|已经|也|还)?(?:成为|是)([^，。；、]{2,8}?|[^，。；、]{0,10}?品牌[^，。；、的]{2,8}?)的"
               r"[^，。；、]{0,6}?(?:供应商|供货商|配套商|配套企业|代工厂|代工企业|贴牌厂)"),
    cued(r"(?:已|将|正式)?(?:与|和|同)([^，。；]{2,20}?)(?:分别|正式|成功|现场)?(?:签订|签署|签约)"),
    # 每年从华晶新材采购: the seller between 从 and the verb
    re.compile(r"(?:每年|长期|主要|已|将)?(?:从|自)([^，。；、]{2,8}?)(?:批量|长期)?(?:采购|购买|订购|进口|购入)"),
)
# what a party of a deal is said to be before its name (…的, 金属材料供应商)
_ROLE_BEFORE = re.compile(r"的|供应商|供货商|制造商|生产商|厂商|经销商|品牌")
# a name before what it is (东风汽车作为链主企业, X是…龙头企业) or before where it builds
# (晶科能源在上饶建设…)
_IS_A_FIRM = re.compile(r"(?:作为|是|系)[^，。；]{0,12}?(?:链主企业|龙头企业|骨干企业|领军企业|企业|公司|车企|链主|供应商|厂商)"
                        r"(?=[，。；、]|$|之一)")
_BUILDS_IN = re.compile(r"(?:将|已|正式)?在[\u4e00-\u9fff]{2,8}?(?:投资|新建|建设|建成|设立|布局|投产|扩建)")
_STEM_ENDINGS = ("股份", "集团", "控股")

# words that end a candidate: kinds of firm and generic heads
_KIND_WORDS = frozenset("""企业 公司 车企 供应商 供货商 提供商 服务提供商 服务商 厂商 制造商 厂家 巨头 龙头 品牌 集团 工厂 基地 项目
产品 市场 业务 技术 人员 员工 需求 生产 产能 工作 负责人 代表 园区 车间 产业 行业 领域 体系 平台 中心 订单 合作 国内 国外
海外 境外 全球 世界 本土 当地 目前 今年 去年 明年 当时 现在 此前 近年 同时 未来 记者 标语 资源 成本 品质 部件 零部件 车型 整车 客户""".split())
_KIND_END = re.compile(r"(?:车企|企业|公司|厂商|厂家|供应商|供货商|客户|集团|品牌|龙头|巨头|项目|基地|工厂)$")
_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "r", "m", "q", "mq", "f",
                        "a", "y", "e", "o"})
_HAN = re.compile(r"^[\u4e00-\u9fffA-Za-z]+$")


def _words(segmenter, text: str, offset: int) -> list[tuple[int, int, str]]:
    """The words of ``text`` as ``(start, end, word)``, offsets plus ``offset``."""
    out, pos = [], offset
    for w in segmenter.words(text):
        out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


def _name_word(word: str, tags) -> bool:
    """True when ``word`` can be part of a firm's name."""
    if not _HAN.match(word) or word in _KIND_WORDS:
        return False
    tag = tags.get(word, "")
    if tag in _STOP_TAGS and len(word) >= 2:
        return False
    if len(word) == 1 and tag in ("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d", "m", "q", "y", "e"):
        return False
    return not (tag in ("v", "vn") and len(word) >= 2)


def _exact_word(word: str, tags) -> bool:
    """True when ``word`` may stand in a name read between a cue and its verb: not a
    function word, a verb or a kind of firm (循环 in 邦普循环 may, 在 and 企业 may not)."""
    tag = tags.get(word, "")
    if tag == "v" and len(word) == 1:
        return True  # 通 in 通威股份: a character of a name
    return bool(_HAN.match(word)) and word not in _KIND_WORDS and tag not in (
        "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "v", "m", "q")


def good_name(name: str) -> bool:
    """True when ``name`` (a str) may be a firm's short name: two to eight characters,
    not a place of the gazetteer, not only ordinary dictionary words, and holding no
    character that does not belong in a name.

    >>> good_name("北京现代"), good_name("技术人员"), good_name("北京"), good_name("宝钢")
    (True, False, False, True)
    """
    from chaingraph.extract.lists import _is_place
    from chaingraph.extract.words import common_words

    if not (2 <= len(name) <= 8) or not _HAN.match(name) or not re.search(r"[\u4e00-\u9fff]", name):
        return False
    if _is_place(name) or _known_chain(name) or _KIND_END.search(name):
        return False
    if common_words(name) and not _unknown_run(name):
        return False
    return _name_like(name)


# jieba's tags of names: people, places, organisations, other proper nouns, abbreviations
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})


def _name_like(name: str) -> bool:
    """True when a word of ``name`` is a name in jieba's dictionary, or ``name`` holds
    characters jieba knows no word for (海斯克, 东珩)."""
    from chaingraph.extract.words import _tags, plain

    tags = _tags()
    freq = plain()._tk.FREQ
    words = plain().words(name)
    # jieba tags many ordinary words as names (通讯 nz): a frequent one is no evidence,
    # unless it is a place heading a longer name (北京现代)
    if any(tags.get(w) in _NAME_TAGS and (freq.get(w, 0) <= _ORDINARY_FREQ or tags.get(w) == "ns" and len(words) > 1)
           for w in words):
        return True
    singles = [w for w in words if len(w) == 1]
    return len(singles) >= 2 or any(w not in tags for w in words)


_ORDINARY_FREQ = 500  # jieba's count above which a word is ordinary (通讯 1473, 华为 373)


def _unknown_run(name: str) -> bool:
    """True when two one-character words stand together in ``name``: characters jieba
    knows no word for (晶科 in 晶科能源, 邦普 in 邦普循环)."""
    from chaingraph.extract.words import plain

    words = plain().words(name)
    return any(len(a) == 1 and len(b) == 1 for a, b in zip(words, words[1:]))


def _known_chain(name: str) -> bool:
    """True when ``name`` holds a chain or segment form extraction knows (新能源汽车)."""
    from chaingraph.extract.chinese import _ANY_CHAIN_ZH_RE
    from chaingraph.extract.names import default_names

    hits = default_names().index.find(name)
    return bool(_ANY_CHAIN_ZH_RE.fullmatch(name)) or any(b - a == len(name) for a, b, _t, _c in hits)


def _left_name(words, end_index: int, tags) -> tuple[int, int] | None:
    """The span of the name made of the words before ``words[end_index]``: six
    characters at most, or up to ten when the words fill a list slot from the mark
    before them (、德清施特劳钢琴、)."""
    picked = []
    i = end_index - 1
    while i >= 0 and _name_word(words[i][2], tags) and sum(len(w[2]) for w in picked) + len(words[i][2]) <= 10:
        picked.insert(0, words[i])
        i -= 1
    if picked and i >= 0 and words[i][2] in _NAME_NUMERALS and (i == 0 or not _COUNTING.search(words[i - 1][2])):
        picked.insert(0, words[i])  # 万视达光学, 千禾: a numeral opening a name, not counting anything
        i -= 1
    slot = i >= 0 and words[i][2][-1:] in _SLOT_START
    while picked and not slot and sum(len(w[2]) for w in picked) > 6:
        picked.pop(0)
    if not picked:
        return None
    return picked[0][0], picked[-1][1]


#: numerals that open firms' names (万科, 千禾) where no number comes before them (5万台)
_NAME_NUMERALS = frozenset("万千")
_COUNTING = re.compile(r"[\d一二三四五六七八九十两几数百千万]$")

#: what starts a member's slot in a list
_SLOT_START = frozenset("、，。；：括如和及与")


def _right_name(words, start_index: int, tags) -> tuple[int, int] | None:
    """The span of the name made of the words from ``words[start_index]``: six
    characters at most, or up to ten when the words fill a list slot up to its next
    mark (、德清施特劳钢琴、, 、浙江音悦数码乐器等)."""
    picked = []
    i = start_index
    while i < len(words) and _name_word(words[i][2], tags) and sum(len(w[2]) for w in picked) + len(words[i][2]) <= 10:
        picked.append(words[i])
        i += 1
    slot = i < len(words) and words[i][2][:1] in _SLOT_END
    while picked and not slot and sum(len(w[2]) for w in picked) > 6:
        picked.pop()
    if not picked:
        return None
    return picked[0][0], picked[-1][1]


#: what ends a member's slot in a list
_SLOT_END = frozenset("、，。；等和及与")


def cued_firms(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Firm mentions for the short names the cues of the module docstring
    reveal in ``text`` (cleaned Chinese text with its ``sentences``), every
    occurrence of each, outside the organisation ``mentions`` found so far. A chain
    of ``mentions`` read from the words before 产业链 that starts with such a name
    is cut to what follows it."""
    from chaingraph.extract.places import gazetteer
    from chaingraph.extract.words import _tags, shared

    tags = _tags()
    seg = shared()
    gaz = gazetteer()
    org_types = ("Firm", "Agency", "Alliance", "Cluster", "Event")
    orgs = [m for m in mentions if m.type in org_types]
    loose = sorted((m.start, m.end) for m in mentions if m.type not in org_types)
    loose_starts = [x for x, _y in loose]
    longest_loose = max((y - x for x, y in loose), default=0)
    firm_spans = {(m.start, m.end) for m in mentions if m.type == "Firm"}
    taken = sorted((m.start, m.end) for m in orgs)
    found: dict[str, str] = {}  # name -> key

    def inside_org(a: int, b: int) -> bool:
        i = bisect.bisect_right(taken, (a, len(text) + 1)) - 1
        while i >= 0 and taken[i][1] > a - 40:
            if taken[i][0] <= a and b <= taken[i][1] or (a < taken[i][1] and taken[i][0] < b):
                return True
            i -= 1
        return False

    def propose(a: int, b: int) -> None:
        name = text[a:b]
        # only spans that start within the longest one's length before a can cross it
        nearby = loose[bisect.bisect_left(loose_starts, a - longest_loose):bisect.bisect_left(loose_starts, b)]
        crossing = any(a < y and not (a <= x and y <= b) for x, y in nearby)
        if name not in found and not inside_org(a, b) and not crossing and good_name(name):
            found[name] = name_key(name)

    cache: dict[int, list[tuple[int, int, str]]] = {}

    def words_of(index: int) -> list[tuple[int, int, str]]:
        """The words of sentence ``index``, segmented the first time they are needed."""
        if index not in cache:
            cache[index] = _words(seg, sentences[index].text, sentences[index].start)
        return cache[index]

    for index, sent in enumerate(sentences):
        exact: list[tuple[int, int]] = []
        cues = [(sent.start + c.start(), "left") for c in _TITLE_AFTER.finditer(sent.text)]
        cues += [(sent.start + c.start(), "left") for c in _ONE_LISTED.finditer(sent.text)
                 if not re.search(r"、[^，。；]{0,12}$", sent.text[max(0, c.start() - 12):c.start()])]
        cues += [(sent.start + c.end(), "right") for c in _KIND_BEFORE_IN.finditer(sent.text)]
        for regex in _DEAL_CUES:  # both sides of 为…配套, 向…供货, 成为…的供应商, 与…签订
            for c in regex.finditer(sent.text):
                cues.append((sent.start + c.start(), "left"))
                pos = sent.start + c.start(1)
                for part in c.group(1).split("、"):  # 与A、B分别签订
                    role = None
                    for role in _ROLE_BEFORE.finditer(part):
                        pass
                    lead = role.end() if role is not None and len(part) - role.end() >= 2 else 0
                    exact.append((pos + lead, pos + len(part)))  # 与瓯海区的金属材料供应商瑞通合金签订
                    pos += len(part) + 1
        for regex in (_IS_A_FIRM, _BUILDS_IN):
            cues += [(sent.start + c.start(), "left") for c in regex.finditer(sent.text)]
        if not cues and not exact:
            continue
        words = words_of(index)
        starts = {w[0]: i for i, w in enumerate(words)}
        ends = {w[1] for w in words}
        for a, b in exact:  # the words between the cue and its verb, when they are whole name words
            if a in starts and b in ends and all(_exact_word(w, tags) for x, y, w in words if a <= x and y <= b):
                propose(a, b)
        for at, side in cues:
            if at not in starts:
                continue
            span = _left_name(words, starts[at], tags) if side == "left" else _right_name(words, starts[at], tags)
            if span and span[1] in ends:
                propose(*span)
    # a short form of a firm already named is that firm, whatever cue found it too
    shorter: dict[str, str] = {}
    for m in mentions:
        if m.type != "Firm":
            continue
        place = gaz.zh_regex.match(m.text)
        core = m.text[place.end():] if place else ""
        if 2 <= len(core) <= 4 and good_name(core):  # 国瓷 for 山东国瓷
            shorter.setdefault(core, m.key or name_key(m.text))
        for stem_end in _STEM_ENDINGS:
            if m.text.endswith(stem_end) and 2 <= len(m.text) - len(stem_end) <= 3:
                stem = m.text[: -len(stem_end)]
                if good_name(stem) or stem not in tags:
                    shorter.setdefault(stem, m.key or name_key(m.text))
    found.update(shorter)
    if found:  # the names found so far are firms of the lists they stand in too
        firm_spans |= {(m.start, m.end) for m in _occurrences(text, sentences, words_of, found, taken)}
    _list_members(text, sentences, words_of, firm_spans, tags, propose)
    if not found:
        return []
    out = _occurrences(text, sentences, words_of, found, taken)
    _trim_chains(text, mentions, out)
    return out


def _trim_chains(text: str, mentions: list[Mention], firms: list[Mention]) -> None:
    """Cut a chain read from the words before 产业链 that starts with a firm's name
    (银联手机支付产业链: the chain is 手机支付), changing the chain mentions in place."""
    firm_at = {m.start: m for m in firms}
    for m in mentions:
        firm = firm_at.get(m.start)
        if m.type == "Chain" and m.info.get("pattern") and firm is not None and m.end - firm.end >= 2:
            m.start = firm.end
            m.text = m.key = text[m.start:m.end]


_LIST_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,8}(?:、[\u4e00-\u9fffA-Za-z]{2,8})+(?=等|、|和|及|与)"
                       r"|[\u4e00-\u9fffA-Za-z]{2,8}(?:、[\u4e00-\u9fffA-Za-z]{2,8})*[和及与][\u4e00-\u9fffA-Za-z]{2,8}")


def _list_members(text: str, sentences, words_of, firm_spans, tags, propose) -> None:
    """Members of a list (A、B、C等 or A和B) one of whose members is already a firm."""
    starts_of = [s.start for s in sentences]
    by_sent: dict[int, list[tuple[int, int]]] = {}
    for a, b in sorted(firm_spans):
        index = bisect.bisect_right(starts_of, a) - 1
        joined = text[b:b + 1] in ("、", "和", "与", "及") or text[a - 1:a] in ("、", "和", "与", "及")
        if index >= 0 and joined:
            by_sent.setdefault(index, []).append((a, b))
    for index, firm_here in by_sent.items():
        sent = sentences[index]
        words = words_of(index)
        starts = {w[0]: i for i, w in enumerate(words)}
        ends = {w[1] for w in words}
        for a, b in firm_here:
            # the members are the word runs joined to this firm by 、 or 和/与/及
            members = [(a, b)]
            pos = b
            while pos < sent.end and text[pos] in "、和与及":
                if pos + 1 not in starts:
                    break
                span = _right_name(words, starts[pos + 1], tags)
                if span is None or span[1] not in ends:
                    break
                members.append(span)
                pos = span[1]
            pos = a
            while pos - 1 > sent.start and text[pos - 1] in "、和与及":
                end_index = next((i for i, w in enumerate(words) if w[1] == pos - 1), None)
                if end_index is None:
                    break
                span = _left_name(words, end_index + 1, tags)
                if span is None:
                    break
                members.insert(0, span)
                pos = span[0]
            joined_by_comma = any(text[x[1]] == "、" for x in members[:-1])
            tail = text[members[-1][1]:members[-1][1] + 1]
            if len(members) < 2 or not (joined_by_comma or tail == "" or re.match(r"[\u4e00-\u9fff]", tail)):
                continue
            for span in members:
                if span not in firm_spans:
                    propose(*span)


def _occurrences(text, sentences, words_of, found: dict[str, str], taken) -> list[Mention]:
    """Every occurrence of the ``found`` names that starts and ends on word boundaries
    (by the segmenter, or at a 、/和 joint), outside organisation spans."""
    out = []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(found, key=len, reverse=True)))
    covered = sorted(taken)
    for index, sent in enumerate(sentences):
        matches = list(pattern.finditer(sent.text))
        if not matches:
            continue
        words = words_of(index)
        bounds = {w[0] for w in words} | {w[1] for w in words}
        for match in matches:
            a, b = sent.start + match.start(), sent.start + match.end()
            if a not in bounds and text[a - 1:a] not in "、和与及":
                continue
            if b not in bounds:
                continue
            i = bisect.bisect_right(covered, (a, len(text) + 1)) - 1
            if any(x < b and a < y for x, y in covered[max(i - 3, 0):i + 2]):
                continue
            out.append(Mention(a, b, match.group(0), "Firm", index, key=found[match.group(0)], info={"cued": True}))
    return out
