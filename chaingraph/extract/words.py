"""Chinese words: a jieba segmenter with the project's names in its dictionary, used
to put Chinese spans on word boundaries.

jieba ships its dictionary, so segmenting is offline. It runs without its HMM (which
guesses new words): a string not in the dictionary falls apart into characters, so
a boundary test errs on the side of allowing a span rather than cutting a name.

>>> seg = Segmenter(["长株潭"])
>>> seg.words("长株潭城市群")[:1]
['长株潭']
"""

from __future__ import annotations

import logging
import re
import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache

from chaingraph.errors import ChainGraphError
from chaingraph.extract.segment import DagCutter
from chaingraph.extract.counties import _zh_table, is_county_name
from chaingraph.extract.places import AMBIGUOUS_ZH, gazetteer

_USER_FREQ = 10 ** 7  # high enough that a user word beats any split of it


@lru_cache(maxsize=1)
def _base():
    """The jieba tokenizer with its shipped dictionary, loaded once per process."""
    try:
        import jieba
    except ImportError as exc:  # declared in pyproject.toml; a broken install says so
        raise ChainGraphError("jieba is not installed (pip install jieba)") from exc
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = os.path.join(tempfile.gettempdir(), "chaingraph-jieba")
    os.makedirs(tk.tmp_dir, exist_ok=True)
    tk.initialize()
    return tk


class Segmenter:
    """A segmenter whose dictionary is jieba's plus ``user_words`` (an iterable of
    strings), each kept whole. Building one builds a cutter with its own copy of
    jieba's dictionary, so a process keeps one (see :func:`shared`) rather than one
    per store: a name missing from it still stands on word boundaries unless a
    dictionary word runs across its edge, which is the case a boundary check is for."""

    def __init__(self, user_words: Iterable[str] = ()):
        base = _base()
        user_words = [w for w in user_words if len(w) >= 2]
        self._tk = base  # jieba's own dictionary, shared rather than copied
        # with no words of its own a segmenter uses jieba's own cut: such a one cuts a
        # few short names an article, too few to repay the half second a cutter takes
        self._cutter = DagCutter(base, user_words, _USER_FREQ) if user_words else None

    def words(self, text: str) -> list[str]:
        """Return the words of ``text`` (a str), in order; they join back to it. A
        sentence is often asked for by several steps of one extraction, so answers
        are kept until :meth:`forget`."""
        return list(self._cut(text))

    def forget(self) -> None:
        """Drop the kept answers (an extraction calls this when it starts an article,
        so one article's sentences never speed up another's)."""
        self.__dict__.get("_cache", {}).clear()

    def _cut(self, text: str) -> tuple[str, ...]:
        cache = self.__dict__.setdefault("_cache", {})
        found = cache.get(text)
        if found is None:
            if len(cache) >= 4096:
                cache.clear()
            cutter = self._cutter
            found = cache[text] = tuple(cutter.cut(text) if cutter else self._tk.cut(text, HMM=False))
        return found

    def boundaries(self, text: str, offset: int = 0) -> set[int]:
        """Return the offsets (plus ``offset``) where a word of ``text`` starts or ends."""
        out = {offset}
        pos = offset
        for word in self._cut(text):
            pos += len(word)
            out.add(pos)
        return out


@lru_cache(maxsize=1)
def shared() -> Segmenter:
    """The process's segmenter: jieba's dictionary with the gazetteer's Chinese place
    names, the chain lexicon's Chinese forms and the shipped known names."""
    from chaingraph.extract import lexicon as lx
    from chaingraph.extract.names import shipped_names
    from chaingraph.extract.places import CITY_GROUPS, gazetteer

    words = [f for _t, _c, f in shipped_names()]
    words += [f for forms in list(lx.CHAINS.values()) + list(lx.WEAK_CHAINS.values()) for f in forms]
    words += [p.zh for p in gazetteer().places if getattr(p, "zh", None)]
    words += [g[1] for g in CITY_GROUPS]
    return Segmenter(w for w in words if _HAN.search(w))


_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def plain() -> Segmenter:
    """A segmenter with jieba's dictionary only: how ordinary text splits a string."""
    return Segmenter()


def ordinary_phrase(name: str) -> bool:
    """True when ``name`` (a str) is an ordinary word of up to three characters
    (太阳能, 环保) or a phrase of ordinary dictionary words, each of two or more
    characters (海南发展 = 海南 + 发展): such a short name is as likely the word or
    phrase as the firm.

    >>> ordinary_phrase("海南发展"), ordinary_phrase("太阳能"), ordinary_phrase("潍柴动力")
    (True, True, False)
    """
    words = plain().words(name)
    freq = plain()._tk.FREQ
    if len(words) == 1:
        return len(name) <= 3 and freq.get(name, 0) > 0
    return all(len(w) >= 2 and freq.get(w, 0) > 0 for w in words)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each word of its shipped dictionary."""
    import jieba

    out: dict[str, str] = {}
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                out[parts[0]] = parts[2]
    # the dictionary tags these nouns as numerals (for their 零), which cut 汽车零部件产业 short
    out.update({"零部件": "n", "零件": "n"})
    # city names the dictionary reads as verbs or adverbs (保定 "guarantee", 开封 "unseal",
    # 大连): such a tag would cut a park's or body's name at its own place
    for place in gazetteer().places:
        if len(place.zh) >= 2 and place.zh not in AMBIGUOUS_ZH and out.get(place.zh, "ns")[:1] in _CUTTING_TAGS:
            out[place.zh] = "ns"
    for county in _zh_table()[1]:  # with its suffix a county's name is no other word (介休市)
        if out.get(county, "ns")[:1] in _CUTTING_TAGS:
            out[county] = "ns"
    return out


#: First letters of the tags a name is cut at: verbs, adverbs, adjectives, distinctives, idioms, measures
_CUTTING_TAGS = frozenset("vdabiq")


@lru_cache(maxsize=1)
def _tagger():
    """jieba's part-of-speech tagger over the shipped dictionary, loaded on first use."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_base())


@lru_cache(maxsize=4096)
def guessed_noun(pair: str) -> bool:
    """True when ``pair`` (two characters the dictionary lacks as a word) is read as one
    noun by jieba's HMM, which guesses new words: 冷链 in 冷链食品, which the segmenter
    (run without the HMM) leaves as 冷 + 链.

    >>> guessed_noun("冷链"), guessed_noun("等地")
    (True, False)
    """
    tagged = list(_tagger().cut(pair, HMM=True))
    return len(tagged) == 1 and tagged[0].flag.startswith("n")


# words that end a name walked back from its suffix: prepositions, conjunctions,
# particles, adverbs, pronouns, numerals and measure words
_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "r", "m", "q", "mq"})
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "d"})
# verbs that name what is made or done in a chain (装备制造, 农产品加工) stay in a name
_ACTIVITY = frozenset("制造 加工 生产 服务 设计 研发 应用 检测 储能 物流 配套 服装 建设 发展 培育 创新 智造 制药 养殖 种植 "
                       "再生 回收 提纯 拆解".split())
# one-character conjunctions inside a name (机器人及智能装备) are left to the rules
_JOINING = frozenset("及与和、")
_LEADING = frozenset("如像及和与在对向为被从由把将让使据即")
_COUNT = re.compile(r"[一二三四五六七八九十两几多数]+[大条个项类种批家]")
# time words that say when, never the start of a name (未来, 明天 may be one: 未来科技)
_WHEN = frozenset("现在 目前 如今 当前 过去 此前 今年 去年 明年 近年 近年来 今后 当下 眼下".split())
# verbs of where goods go, which the dictionary calls nouns (vn): never inside a name (销往A、B等企业)
_GOODS_GO = frozenset("销往 远销 销售给 供应给 供货给 出口到 出口至 运往 发往 卖给".split())


def trim_left(text: str, start: int, core_end: int, verbs: bool | str = True) -> int:
    """Return where a name whose rule-found span starts at ``start`` really starts:
    after the last verb (two characters or more, not a production activity such as
    制造), preposition, conjunction, particle, adverb, pronoun or numeral among the
    words of ``text[start:core_end]`` (the part before the name's suffix), and after
    a count (五大, 一条). Takes the text and offsets; returns an offset, ``core_end``
    when nothing of a name is left. With ``verbs`` False neither a verb nor a
    one-character word cuts (a firm's name may hold them: 织造, 建设, 针 in 金鹄针纺);
    with ``verbs`` "inner" a verb cuts unless it is the last word (a chain may end
    in one: 手机支付)."""
    if core_end <= start:
        return start
    tags = _tags()
    pos = start
    cut = start
    words = shared().words(text[start:core_end])
    if not verbs and len(words) > 1 and words[0] in _LEADING:
        cut = pos = start + 1  # 如宏达集团: a leading preposition is not the firm's
        words = words[1:]
    for i, word in enumerate(words):
        tag = tags.get(word, "")
        pos += len(word)
        if word in _JOINING:
            continue
        if word in _WHEN:
            cut = pos  # 现在翠屏新材料、隆达铝业等: the adverb of time is not the firm's
            continue
        if word in _GOODS_GO:
            cut = pos
            continue
        if i > 0 and pos - len(word) - 1 == cut and len(words[i - 1]) == 1 and tags.get(words[i - 1]) == "v" \
                and len(word) >= 2 and (tag == "ns" or _is_place(word)):
            cut = pos - len(word)  # 也有安吉县新禾…: a one-character verb right before the place
        if len(word) == 1 and tag == "p" and word not in _LEADING and i + 1 < len(words) and len(words[i + 1]) == 1 \
                and tags.get(words[i + 1], "") not in _FUNCTION_TAGS:
            continue  # 顺科智能家电产业园: a rare function character opening a name of single glyphs (顺科)
        if verbs and word in ("出", "成") and i > 0 and cut == pos - 1 and len(words[i - 1]) >= 2 \
                and tags.get(words[i - 1], "") == "v":
            cut = pos  # 梳理出|光电产业链: the verb's complement goes with the verb
            continue
        if len(word) == 1 and core_end - pos == 1 and tag == "d":
            continue  # 共富联盟: an adverb's cut would leave one character (共富 is not in the dictionary)
        if len(word) == 1 and (tag not in _FUNCTION_TAGS or not verbs):
            continue  # 克 in 海斯克, 三 in 三一: a single character of a name, not a measure word
        if tag == "m" and re.fullmatch(r"[一二三四五六七八九]{2}", word) \
                and (i + 1 == len(words) or tags.get(words[i + 1], "") not in ("q", "m", "mq")):
            continue  # 九三粮油, 文山三七产业链联盟: a numeral word inside a name (a count has its measure word)
        if not verbs and tag == "m" and re.fullmatch(r"[一二三四五六七八九十]+", word):
            continue  # a numeral word inside a firm's name
        if not verbs and i > 0 and tag == "m" and not _COUNT.fullmatch(word) and not re.search(r"[\d两几数余]", word):
            continue  # 黄石华信多层线路板: a word the dictionary calls a numeral (多层) but that counts nothing
        if not verbs and i == 0 and tag == "m" and len(words) > 2 and re.fullmatch(r"[千万百]家", word) \
                and not re.search(r"[\d一二三四五六七八九十两几数多余]$", text[:start]):
            continue  # 万家福商业连锁: 万家 opens the name; a count (10万家) has its number before it
        if i + 1 < len(words) and words[i + 1][:1] in "区县市" and is_county_name(word + words[i + 1][0]):
            continue  # 呈贡|区人民政府: a county's name the dictionary reads as a verb, before its suffix
        if not verbs and tag in _STOP_TAGS and _is_place(word):
            continue  # 大连 is tagged an adverb, but a place is never a cut inside a firm's name
        if not verbs and i > 0 and len(word) >= 2 and tag == "d" and i + 1 < len(words) \
                and (tags.get(words[i - 1], "") == "ns" or _is_place(words[i - 1])):
            continue  # 广东真味坚果: right after a firm's place, a word the dictionary calls an adverb is its name
        if not verbs and i > 0 and re.fullmatch(r"第[一二三四五六七八九十百\d]+", word):
            continue  # 中国建筑第八工程局: an ordinal inside a name numbers the unit
        cuts_here = verbs is True or verbs == "inner" and i < len(words) - 1
        if tag in _STOP_TAGS or (cuts_here and tag == "v" and len(word) >= 2 and word not in _ACTIVITY):
            cut = pos
    count = _COUNT.match(text, cut, core_end)
    if count:
        cut = count.end()
    return min(cut, core_end)


def _is_place(word: str) -> bool:
    """True when ``word`` (a str) is a city or province name of the gazetteer."""
    return len(word) >= 2 and gazetteer().lookup(word) is not None


# tags of names in jieba's dictionary: people, places, organisations, other proper
# nouns, abbreviations, Latin words
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})


def common_words(core: str) -> bool:
    """True when ``core`` (a str) is made only of ordinary dictionary words, none of
    them a name (合资 in 合资公司, 每个 in 每个公司); an empty core is common too. A
    core with a character or word jieba does not know (海斯克) is not.

    >>> common_words("合资"), common_words("海斯克"), common_words("华为"), common_words("三一")
    (True, False, False, False)
    """
    tags = _tags()
    words = shared().words(core)
    if words and all(len(w) == 1 for w in words):
        return False  # 三一: characters, not words, so likely a name
    for word in words:
        tag = tags.get(word)
        if tag is None or tag in _NAME_TAGS or len(word) == 1 and not tag:
            return False
    return True


@lru_cache(maxsize=1)
def _t2s():
    """OpenCC's traditional-to-simplified converter, built once."""
    try:
        import opencc
    except ImportError as exc:  # declared in pyproject.toml; a broken install says so
        raise ChainGraphError("opencc is not installed (pip install opencc)") from exc
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return ``text`` with traditional Chinese characters turned into simplified
    ones, always of the same length (a character OpenCC would turn into more or
    fewer is left as it is), so offsets into one are offsets into the other.

    >>> to_simplified("寧德時代與廣汽集團簽約")
    '宁德时代与广汽集团签约'
    """
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        one = _t2s().convert(ch)
        out.append(one if len(one) == 1 else ch)
    return "".join(out)


_NOUN_TAGS = frozenset({"n", "vn", "nz", "v"})
_NOT_COMPOUND = frozenset("产业 行业 企业 项目 发展 创新 研究 技术 科技 工业 产品 公司 集团 领域 基地 园区 中心 协会 联盟".split())


def compound_tail(text: str, end: int, limit: int) -> int:
    """Return how many characters after ``end`` (up to ``limit``) continue a chain
    word into a compound: one following noun or verb word of two to four characters
    that is not a generic word (催化 after 稀土), else 0."""
    words = shared().words(text[end:min(limit, end + 8)])
    if not words:
        return 0
    word = words[0]
    if 2 <= len(word) <= 4 and _tags().get(word) in _NOUN_TAGS and word not in _NOT_COMPOUND:
        return len(word)
    return 0
