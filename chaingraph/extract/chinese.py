"""Finding mentions in Chinese text. Names are found by their endings (股份有限公司,
局, 联盟, 产业园, 对接会 …) and walked back to a boundary (punctuation, function
words such as 与/由/为/在, verbs such as 举办/签订, dates); places come from the
gazetteer; chains from the gazetteer and "X产业链"; events from "X在Y举行" and
"Y举办X". Short firm names (三一重工 for 三一重工股份有限公司, 恒立液压 for
江苏恒立液压股份有限公司) are found once the full names are known, and a short name
the article declares (X（以下简称“Y”）, X（Y）) is X wherever it stands. Over 400 lines:
the ending table and the walk back share their boundary rules; cue-based short names,
regions and titles live in zh_firms, regions and zh_titles."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate

from chaingraph.extract import lexicon as lx
from chaingraph.extract.places import AMBIGUOUS_ZH, CITY_GROUPS, gazetteer, province_at
from chaingraph.extract.result import Mention, Sentence
from chaingraph.extract.spans import Covered, FormFinder
from chaingraph.extract.entities import letters_in_order
from chaingraph.extract.words import _ACTIVITY, common_words, compound_tail, guessed_noun, shared, trim_left
from chaingraph.extract.regions import region_mentions
from chaingraph.identity import name_key
from chaingraph.model import Label

#: a body's name ending right before 和/与/及 or a preposition (以, 向, 为 …): what follows names another body
_BODY_THEN_AND = re.compile(r"(?:局|厅|委员会|管委会|人民政府|办公室|公司|集团|商会|协会|促进会|联盟|分行|支行)"
                            r"[和与及以向为从由对把被在将]")

_SUFFIXES: list[tuple[str, str]] = sorted([
    *((s, "Firm") for s in ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团",
                            "公司", "银行", "分行", "支行", "控股", "株式会社", "合作社", "合作联社", "合作社联合社")),
    *((s, "Agency") for s in ("人民政府", "管理委员会", "管委会", "委员会", "办公室", "政府", "厅", "局", "委",
                              "协会", "商会", "分会", "促进会", "科学院", "研究院", "研究所", "促进中心", "总站", "检验院", "检测院", "工业和信息化部", "商务部", "科技部", "财政部",
                              "生态环境部", "交通运输部", "农业农村部", "自然资源部", "住房和城乡建设部", "国务院")),
    *((s, "Alliance") for s in ("产业链联盟", "产业联盟", "创新联盟", "联盟")),
    *((s, "Cluster") for s in ("经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "高新区",
                               "经开区", "开发区", "产业园区", "产业园", "工业园区", "工业园", "产业集群", "产业基地",
                               "新区", "自贸区", "科技城", "产业集聚区", "集聚区", "示范区", "试验区", "综合保税区",
                               "保税区", "产业新城", "工业集中区", "工业区", "产业城", "特色小镇", "示范园", "科技园")),
    *((s, "Event") for s in ("签约活动", "对接活动", "推介活动", "招商活动", "对接会", "洽谈会", "推介会", "座谈会", "研讨会", "发布会", "交流会", "博览会", "展览会",
                             "交易会", "论坛", "峰会", "大会", "年会", "签约会", "签约仪式", "启动仪式", "推进会", "招商会",
                             "供需会", "现场会", "大赛", "专场", "开幕式", "见面会", "恳谈会", "说明会", "展销会",
                             "采购会", "订货会", "展会")),
], key=lambda sk: -len(sk[0]))
_GENERIC_BODIES = frozenset("人民政府 管理委员会 管委会 委员会 办公室 政府 协会 商会 科学院 研究院".split())
_SUFFIX_RE = re.compile("|".join(re.escape(s) for s, _ in _SUFFIXES))
_SUFFIX_TYPE = dict(_SUFFIXES)
_BOUNDARY = sorted([
    "的", "与", "及", "、", "在", "由", "对", "向", "为", "把", "被", "从", "是", "了", "将", "于", "等", "并", "或",
    "和", "而", "本次", "此次", "本届", "这次", "该", "其", "各", "举办", "举行", "召开", "主办", "承办", "协办",
    "参加", "出席", "签订", "签署", "签约", "会上", "期间", "据介绍", "近日", "日前", "今天", "昨天", "其中", "包括",
    "以及", "成立", "加入", "位于", "落户", "来自", "组织", "开幕", "闭幕", "启动", "推动", "围绕",
    "聚焦", "代表", "企业", "嘉宾", "供应", "提供", "支持", "指导", "牵头", "携手", "通过", "作为", "全市", "全省",
    "发挥", "依托", "带动", "助力", "鼓励", "引导", "要", "让", "使", "促进", "服务", "吸引", "表示", "认为",
    "我市", "我省", "我国", "全国", "记者", "获悉", "了解", "表示", "介绍", "称", "即", "也", "还", "都", "已",
    "采购", "购买", "收购", "订购", "成为", "携手", "引入", "引进", "入驻", "宣布", "推出", "拥有", "迎来", "邀请",
    "集聚", "聚集", "汇聚", "新增", "给", "子公司", "旗下", "下属", "龙头", "链主", "会同", "担任",
    "收到", "接到", "中标", "获得", "赢得", "斩获", "荣获", "入选", "采购自", "购自", "选用", "搭载", "选举", "推选", "推举",
], key=len, reverse=True)
_BOUNDARY_SET = frozenset(_BOUNDARY)
# boundary words that, right before a firm's legal form, are its trade (技术服务有限公司)
_TRADE_BEFORE_FORM = frozenset({"服务", "供应", "采购"})
# boundary words that stand inside bodies' names (亳州市投资促进局, 政务服务管理局)
_AGENCY_INNER = frozenset({"促进", "服务", "投资"})
_BOUNDARY_LENGTHS = sorted({len(b) for b in _BOUNDARY}, reverse=True)
#: Words that name no one thing: not a short firm name, chain or cluster by themselves.
_GENERIC_CORES = frozenset("""完整 整个 全部 重点 主导 优势 特色 现代 新兴 传统 上下游 本地 相关 全国 重要 主要 龙头
核心 配套 关键 产业 工业 行业 企业 科技 技术 实业 控股 发展 投资 建设 集团 股份 有限 国际 中国 全省 全市 区域 当地
各类 这些 我国 我市 我省 优质 高端 新型 闭环""".split())
#: An unknown chain name (the words before 产业链) with these is a phrase, not a name.
_NOT_A_CHAIN = re.compile(r"[\dA-Za-z年月日要把将是了着过的地得等与在对为从向被让使]|总结|引进|推动|部署|围绕|布局|"
                          r"发展|建设|全年|重点|工作|打造|壮大|提升|加快|构建|完善|延伸|培育|聚焦|"
                          # verbs of policy and meetings, which no chain is named by: 安吉出台(产业链…方案)
                          r"出台|印发|制定|实施|启动|召开|举办|明确|签约|成立|发布")
#: the legal forms that end a registered name; one inside a name's span ends another firm's
_LEGAL_FORM = re.compile(lx.ZH_LEGAL_FORM)
_SOE_DIVISION = re.compile(r"中(?:建|铁|交|冶|水|电|核|化|煤|石化)[一二三四五六七八九十\d]+局")
#: Words ending in 局/委 that are not bodies (布局 layout, 省委常委 a post).
# a tender's own panels (评标委员会) are no standing body either
_NOT_AGENCY_ENDINGS = ("布局", "格局", "大局", "开局", "全局", "变局", "结局", "常委", "委员", "书记", "评标委员会",
                       "评审委员会", "评委会")
_KEEP_AFTER_HE = ("信息", "城乡", "改革", "社会", "技术", "旅游", "科技")
_PUNCT = set("，。；：！？、“”‘’《》（）()【】「」 \t\n,.;:!?\"'|/-—")
_EVENT_AT = re.compile(r"在(.{1,25}?)(?:隆重|成功|正式)?(举行|召开|举办|开幕|启动|开展)")
_SUBJECT_START = re.compile(r"[，,；;：:]|出席|参加|参与|前往|应邀|来到|观摩")
_EVENT_BY = re.compile(r"(举办|召开|举行|主办|开展|组织)(?:了|的)?")
_CHAIN_ZH = sorted(((f, c) for c, forms in lx.CHAINS.items() for f in forms if re.search(r"[\u4e00-\u9fff]", f)),
                   key=lambda fc: -len(fc[0]))
_CHAIN_ZH_RE = re.compile("|".join(re.escape(f) for f, _ in _CHAIN_ZH))
_CHAIN_ZH_CANON = dict(_CHAIN_ZH)
_WEAK_ZH = sorted(((f, c) for c, forms in lx.WEAK_CHAINS.items() for f in forms if re.search(r"[\u4e00-\u9fff]", f)),
                  key=lambda fc: -len(fc[0]))
_ANY_CHAIN_ZH_RE = re.compile("|".join(re.escape(f) for f, _ in _CHAIN_ZH + _WEAK_ZH))
for _form, _canon in _WEAK_ZH:
    _CHAIN_ZH_CANON.setdefault(_form, _canon)
_CHAIN_BEFORE = re.compile("(?:" + "|".join(re.escape(f) for f, _ in _CHAIN_ZH + _WEAK_ZH if len(f) >= 2) + ")$")
#: Words that describe a firm's trade at the end of its name; 埃夫特智能装备 is 埃夫特.
_TRADE_WORDS = sorted("""智能装备 智能科技 新能源科技 新材料科技 信息技术 科技 技术 电子 机械 装备 材料 实业 发展 投资 控股
电气 智能 制造 工业 能源 新能源 汽车 重工 股份 鞋服 鞋材 服饰 用品 制品""".split(), key=len, reverse=True)


_TRAILING_COUNT = re.compile(r"[一二三四五六七八九十两几多]+[大条个项类种]$")
_COUNTERS = "条个项类种"
_NUMERALS = r"\d一二三四五六七八九十两几多"
_NUMERAL = re.compile(f"[{_NUMERALS}]")
_LEADING_COUNT = re.compile(f"(?:[{_NUMERALS}每各这那]+[{_COUNTERS}]|条)")


_CLOSING_QUOTES = "”」』\""
_OPENING_QUOTES = {"”": "“", "」": "「", "』": "『", '"': '"'}


def _word_frequency(word: str) -> int:
    """How often ``word`` is counted in jieba's shipped dictionary (0 when not a word of it)."""
    from chaingraph.extract.words import plain

    return plain()._tk.FREQ.get(word, 0)


def _in_dictionary(word: str) -> bool:
    """True when ``word`` is a word of jieba's shipped dictionary."""
    return _word_frequency(word) > 0


def _word_tag(word: str) -> str:
    from chaingraph.extract.words import _tags

    return _tags().get(word, "")


@lru_cache(maxsize=1)
def _place_end_regex() -> tuple[re.Pattern, frozenset[str]]:
    """The regex of the gazetteer's Chinese place names (with 省/市/州/县/区 or not), and
    the characters a match of it can end with."""
    names = sorted({p.zh for p in gazetteer().places if p.zh and len(p.zh) >= 2}, key=len, reverse=True)
    lasts = frozenset(name[-1] for name in names) | frozenset("省市州县区")
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")(?:省|市|州|县|区)?"), lasts


def _place_ending_at(text: str, start: int, end: int) -> re.Match | None:
    """The first place-name match in ``text[start:end]`` when it ends at ``end``, else
    None. Most characters end no place name, so the regex is not run before them."""
    regex, lasts = _place_end_regex()
    if end <= start or text[end - 1] not in lasts:
        return None
    place = regex.search(text, start, end)
    return place if place is not None and place.end() == end else None


def _inside_name(text: str, pos: int, end: int, lowest: int) -> bool:
    """True when the one-character boundary word at ``pos - 1`` belongs to a firm's name
    ending at ``end``: the segmenter reads it inside a longer word (洪都芯联: 都 is in
    洪都), or it is 和 after a place and one character (佛山市利和塑胶, 广东万和新电气)."""
    window = max(lowest, pos - 8)
    word_start = window
    for word in shared().words(text[window:end]):
        if word_start <= pos - 1 < word_start + len(word):
            # a longer word that holds it, and is no verb or function word (拟为 is)
            if len(word) > 1 and _word_tag(word) in ("", "n", "ns", "nr", "nz", "nt", "j", "nrt", "nrfg"):
                return True
            break
        word_start += len(word)
    if text[pos - 1] == "和" and pos - 2 > lowest:
        return _place_ending_at(text, max(lowest, pos - 8), pos - 2) is not None
    return False


def _after_place(text: str, end: int, lowest: int) -> bool:
    """True when a word of one to four characters ends at ``end`` and a full place
    name (宝鸡市, not 宝鸡) stands right before it: the start of a name's chain phrase."""
    for length in range(1, 5):
        start = end - length
        if start - 2 < lowest or not re.fullmatch(r"[\u4e00-\u9fff]+", text[start:end]):
            break
        if text[start - 1] in "市省县区" and (_place_ending_at(text, max(lowest, start - 8), start) is not None
                                           or _county_ending_at(text, start, lowest)):
            return True  # 宝鸡市钛及钛合金, 温岭市泵与电机
    return False


def _is_place_name(word: str) -> bool:
    """True when ``word`` is a province, city or county-level place, with or without
    its suffix (诸城, 诸城市, 山东)."""
    from chaingraph.extract.counties import county_stems, is_county_name

    return gazetteer().lookup(word) is not None or is_county_name(word) or word in county_stems()


def _county_ending_at(text: str, end: int, lowest: int) -> bool:
    """True when a county-level place with its suffix (温岭市) ends at ``end``."""
    return _county_length_ending_at(text, end, lowest) > 0


def _county_length_ending_at(text: str, end: int, lowest: int) -> int:
    """The length of the longest county-level place with its suffix (温岭市) that ends
    at ``end`` and starts at or after ``lowest``, 0 when none does."""
    from chaingraph.extract.counties import is_county_name

    if text[end - 1:end] not in ("县", "市", "区", "旗"):
        return 0
    return next((n for n in range(6, 2, -1) if end - n >= lowest and is_county_name(text[end - n:end])), 0)


def _left_edge(text: str, end: int, floor: int, limit: int = 24, lenient: bool = True,
               chain_conj: bool = False, firm: bool = False, agency: bool = False, event: bool = False) -> int:
    """Return where a name ending at ``end`` starts: walking left to punctuation, a
    boundary word, a date, or ``limit`` characters. Place names are stepped over whole
    (成都 is not cut at 都), and a one-character boundary is passed when what is left
    would be a generic word (华为技术 is not cut to 技术) or, for a ``firm``, when it
    is part of the name (see :func:`_inside_name`)."""
    pos = end
    lowest = max(floor, end - limit)
    while pos > lowest:
        ch = text[pos - 1]
        if ch in "）)":
            opening = max(text.rfind("（", lowest, pos), text.rfind("(", lowest, pos))
            if opening != -1 and pos - opening <= 8 and opening > lowest:
                pos = opening
                continue
        if event and ch in _CLOSING_QUOTES:
            opening = text.rfind(_OPENING_QUOTES[ch], max(lowest, pos - 6), pos - 1)
            if opening != -1 and pos - opening >= 3:
                pos = opening  # 重点产业链“链主”企业供需对接会: a quoted term inside the event's name
                continue
        if ch in _PUNCT:
            break
        if ch == "日" and pos >= 2 and text[pos - 2].isdigit():
            break
        if ch.isdigit() and pos < end and not text[pos].isdigit() and text[pos] not in "年届":
            year = re.search(r"(?:^|[^\d])((?:19|20)\d\d)$", text[max(lowest - 1, 0):pos])
            if year and pos - 4 >= lowest:  # 举办2024普陀区…对接会: the edition's year opens the name
                pos -= 4
            break
        place = _place_ending_at(text, max(lowest, pos - 6), pos)
        if place is not None and place.start() >= lowest:
            pos = place.start()
            continue
        county = _county_length_ending_at(text, pos, lowest) if ch in "县市区旗" else 0
        if county:  # 即墨区: a county's name is stepped over whole, though 即 is a boundary word
            pos -= county
            continue
        hit = next((text[pos - n:pos] for n in _BOUNDARY_LENGTHS
                    if pos - n >= lowest and text[pos - n:pos] in _BOUNDARY_SET), None)
        # a bare ending passes a boundary character only when it closes a word with the one before
        # (华为公司); 在对接会上, 是联盟 name nothing
        if lenient and hit is not None and len(hit) == 1 and (text[pos:end] in _GENERIC_CORES or end - pos < 2) \
                and not (pos == end and (hit in "在的" or not _in_dictionary(text[pos - 2:pos]))):
            pos -= 1
            continue
        if firm and hit is not None and len(hit) == 1 and hit != "、" and _inside_name(text, pos, end, lowest):
            pos -= 1
            continue
        if firm and hit is not None and len(hit) == 1 and hit != "、" and pos - 2 >= floor \
                and text[pos - 2] not in _PUNCT and (pos - 2 == floor or text[pos - 3] in _PUNCT) and pos < end:
            pos -= 1  # 、三和精工: one character after a list mark is no clause, so 和 is the name's
            continue
        if firm and pos == end and hit in _TRADE_BEFORE_FORM and text.startswith(("有限", "股份", "公司"), end):
            pos -= len(hit)  # 航空技术服务有限公司: the last word before the legal form is the firm's trade
            continue
        if firm and hit == "都" and pos < end and (_word_tag(shared().words(text[pos:end])[0]) or "n")[0] not in "vdpcu":
            pos -= 1  # 锑都新材料: a trade's capital (铝都, 瓷都) before a noun, not the adverb
            continue
        if (firm or chain_conj) and hit is not None and len(hit) == 2:
            longer = shared().words(text[pos - 2:min(end, pos + 4)])[0]
            if len(longer) > 2 and longer[-1] not in "商家方者":
                pos -= 2  # 供应|链管理: the boundary word opens a longer word of the name (供应链), not a role (提供商)
                continue
        if chain_conj and hit is not None and len(hit) == 1 and hit not in "、和与及" \
                and len(shared().words(text[pos - 1:min(end, pos + 3)])[0]) >= 2:
            pos -= 1  # 供需对|接: the boundary character opens a word of the name (对接)
            continue
        if event and hit == "企业" and (pos < end or text.startswith(("采购", "签约", "招商"), pos)):
            pos -= 2  # 链主企业供需对接会, 民营企业座谈会, “链主”企业采购大会: the firms the meeting is for
            continue
        if event and hit == "链主" and text.startswith("企业", pos):
            pos -= 2  # 船舶海工产业链链主企业配套对接会: the chain's leading firms, inside the name
            continue
        if hit == "企业" and text.startswith("联盟", pos):
            pos -= 2  # 盐化工产业链企业联盟: the firms the alliance joins
            continue
        if agency and hit in _AGENCY_INNER:
            pos -= len(hit)  # 投资促进局, 政务服务管理局: words of a body's own name
            continue
        if agency and hit in ("和", "与") and end - pos <= 4 and pos - 2 >= lowest \
                and text[pos - 2] not in "局委厅办会院司部处站所心门团府" and text[pos] not in "省市区县州" and text[end - 1] not in "省市区县州" \
                and not any(_place_ending_at(text, pos, p) for p in range(pos + 2, end + 1)):
            pos -= 1  # 海洋与渔业局, 人力资源和社会保障局: one body; 商务局和发改局 are two
            continue
        if chain_conj and hit in ("及", "与", "和") and (_CHAIN_BEFORE.search(text, max(lowest, pos - 9), pos - 1)
                                                       or _after_place(text, pos - 1, lowest)
                                                       or _material_and_its_product(text, pos - 1, lowest)):
            pos -= 1  # 机器人及智能装备, 宝鸡市钛及钛合金: a conjunction of chains stays inside the name
            continue
        if hit is not None:
            if hit == "和" and text.startswith(_KEEP_AFTER_HE, pos):
                pos -= 1
                continue
            break
        pos -= 1
    return pos


#: 钛及钛合金, 石墨和石墨烯, 铝及铝精深加工: a material, a conjunction, and a product named from it
_MATERIAL_PAIR = re.compile(r"([\u4e00-\u9fff]{1,3})[及与和]\1[\u4e00-\u9fff]{1,5}$")


def _material_and_its_product(text: str, conj: int, lowest: int) -> bool:
    """True when the conjunction at ``conj`` joins a material to what is made of it,
    which opens with the material's own name (钛及钛合金, 石墨和石墨烯, 铝及铝精深加工):
    one chain's name.

    >>> _material_and_its_product("永安石墨和石墨烯产业园", 4, 0), _material_and_its_product("钢铁和汽车产业", 2, 0)
    (True, False)
    """
    return any(conj - n >= lowest and text[conj - n:conj] == text[conj + 1:conj + 1 + n] for n in (1, 2, 3))


def find_mentions(text: str, sentences: list[Sentence]) -> tuple[list[Mention], list[Mention]]:
    """Return ``(mentions, events)`` for Chinese ``text`` (see the module docstring)."""
    shared().forget()  # segmentations are kept within one article only
    mentions: list[Mention] = []
    for index, sent in enumerate(sentences):
        here = _places(sent, index) + region_mentions(text, [sent], index) + _orgs(text, sent, index)
        mentions.extend(here)
        mentions.extend(_chains(text, sent, index, here))  # the sentence's own, not the article's
    _extend_to_compounds(text, mentions)
    _new_areas(mentions)
    mentions.extend(_chain_repeats(text, sentences, mentions))
    mentions.extend(_short_firm_names(text, sentences, mentions))
    events = _events(text, sentences, mentions)
    return [m for m in mentions if m.type != "Event"], events


def _places(sent: Sentence, index: int) -> list[Mention]:
    gaz = gazetteer()
    out = []
    bounds = None
    province_end, last_province = -1, None  # the province just read: 江西宜春, 广西南宁 are cities of it
    for match in gaz.zh_regex.finditer(sent.text):
        base, suffix = match.group(1), match.group(2) or ""
        after_its_province = match.start() == province_end and getattr(gaz.lookup(base), "province", None) == last_province
        if base in AMBIGUOUS_ZH and not suffix and not after_its_province:
            continue
        if not suffix and not after_its_province:
            if bounds is None:
                bounds = shared().boundaries(sent.text)
            if match.start() not in bounds:
                continue  # 贺兰山东麓: 山东 is no word of the sentence
        if re.match(r"日报|晚报|早报|新闻|广播|电视|卫视|在线|网|大学|学院|理工|师范|交通大学",
                    sent.text[match.end():match.end() + 2]):
            continue  # 湖南日报 is a newspaper, 天津大学 a university, not the place
        place = gaz.lookup(base)
        if place is None:
            continue
        if suffix == "省" and place.kind != "Province":
            continue
        if place.kind == "Province":
            province_end, last_province = match.end(), place.name
        start = sent.start + match.start()
        info = {"province": place.province}
        if sent.text[match.start() - 1:match.start()] in ("（", "(") and sent.text[match.end():match.end() + 1] in ("）", ")"):
            info["bracket"] = True
        out.append(Mention(start, start + len(match.group(0)), match.group(0), place.kind, index,
                           key=place.name, info=info))
    for en, zh, _abbr, members, province in CITY_GROUPS:
        for match in re.finditer(re.escape(zh), sent.text) if zh in sent.text else ():
            start = sent.start + match.start()
            out.append(Mention(start, start + len(zh), zh, "City", index, key=en,
                               info={"province": province, "members": list(members)}))
    return out


def _new_areas(mentions: list[Mention]) -> None:
    """A state-level new area (宜宾三江新区, 两江新区) is a district of its city, as the
    English "Sanjiang New Area" is, not a park: its mentions become City mentions
    keyed by the name without the city, with the city as ``parent``; changes
    ``mentions`` in place. 高新区 and 产业新区 stay parks."""
    gaz = gazetteer()
    for m in mentions:
        if m.type != "Cluster" or not m.text.endswith("新区") or m.text.endswith(("高新区", "产业新区")):
            continue
        lead = gaz.zh_regex.match(m.text)
        place = gaz.lookup(lead.group(1)) if lead else None
        stem = m.text[lead.end():] if lead and lead.end() < len(m.text) - 2 else m.text
        m.type, m.key = "City", f"district:{stem}"
        m.info = {"parent": place.name if place and place.kind == "City" else None,
                  "province": place.province if place else None}
        for q in mentions:  # 大连金普新区 names 大连 too: its city stays a mention of its own
            if lead and q.type == "City" and (q.start, q.end) == (m.start, m.start + lead.end()):
                q.info["names_area"] = True


def _orgs(text: str, sent: Sentence, index: int) -> list[Mention]:
    out: list[Mention] = []
    for match in _SUFFIX_RE.finditer(sent.text):
        end = sent.start + match.end()
        kind = _SUFFIX_TYPE[match.group(0)]
        if match.group(0) in ("委", "局", "厅") and text[end:end + 1] in ("员", "长", "托"):
            continue  # 委员, 局长: a person's post, not the body's ending
        if match.group(0) == "公司" and text[sent.start + match.start() - 1:sent.start + match.start()] == "子":
            continue  # X子公司: a subsidiary of X, not a name
        if match.group(0) == "银行" and text.startswith("业", end):
            continue  # 白银行业, 银行业: an industry (行业), not a bank
        if kind == "Agency" and text.startswith(("部门", "机构", "官员", "领导", "工作"), end):
            continue  # 与政府部门签约: bodies of a kind, not one body's name
        after = _SUFFIX_RE.match(text, end) if end < len(text) else None
        if after is not None and _SUFFIX_TYPE[after.group(0)] == kind:
            continue
        start = _left_edge(text, sent.start + match.start(), sent.start,
                           chain_conj=kind in ("Event", "Alliance", "Cluster"), firm=kind == "Firm",
                           agency=kind == "Agency", event=kind == "Event")
        if kind in ("Cluster", "Alliance", "Agency", "Firm"):
            # 邵阳市商务局和邵阳经开区管委会: a body's name that ends before 和 is another body
            ends = [m.end() for m in _BODY_THEN_AND.finditer(text, start, sent.start + match.start())]
            if match.group(0).endswith("有限公司"):  # X有限公司隶属于Y有限公司: a registered name ends once
                ends += [m.end() for m in _LEGAL_FORM.finditer(text, start, sent.start + match.start())]
            if ends:
                start = max(ends)
        if start > sent.start + 1 and text[start] in "商家方" and _in_dictionary(text[start - 2:start + 1]):
            start += 1  # 提供|商湘江…: the boundary word was the head of a longer one (提供商)
        if kind == "Event" and start > sent.start and text[start - 1] in _CLOSING_QUOTES:
            # "创新存储，无线支付"新产品发布会: a quoted theme is part of the event's name
            opening = _OPENING_QUOTES.get(text[start - 1], text[start - 1])
            begin = text.rfind(opening, max(sent.start, start - 32), start - 1)
            if begin != -1:
                start = begin
        if kind == "Event" and text[start - 2:start] in ("全省", "全市", "全国", "全区", "全县") and start - 2 >= sent.start:
            start -= 2  # 全省冷链食品产业链…推进会: a meeting of the whole province is named so
        if kind == "Event":
            joined = next((o for o in out if o.type == "Event" and text[o.end:o.end + 1] == "暨"
                           and start <= o.end + 1 and o.start < start), None)
            if joined is not None:  # X对接会暨Y推介会: one event under both names
                start = joined.start
                out.remove(joined)
            for verb in ("成立", "揭牌", "启动", "签约", "开幕", "颁奖", "发布", "采购"):
                if text.startswith(verb, start - len(verb)):
                    start = _left_edge(text, start - len(verb), sent.start, chain_conj=True, event=True)
                    break
        if kind in ("Cluster", "Alliance", "Agency", "Firm"):
            if not _SOE_DIVISION.search(text, start, end):  # 中建五局 keeps its numeral
                # a firm's name may hold a verb (织造, 建设): only function words cut it
                # an association is named by its trade, which may hold a verb (通用零部件)
                trimmed = trim_left(text, start, sent.start + match.start(),
                                    verbs=kind != "Firm" and match.group(0) not in ("协会", "商会", "分会", "促进会")
                                    or match.group(0) == "公司")
                if not (kind == "Agency" and text[trimmed - 2:trimmed] in _AGENCY_INNER):
                    start = trimmed
        if kind == "Firm":  # 长汀县福建汀江滤材…公司: a county before the province a name opens on is where it is
            start = _after_place_before_province(text, start, sent.start + match.start())
        if match.group(0) == "公司" and common_words(text[start:sent.start + match.start()]):
            continue  # 合资公司, 真正意义上的公司: a kind of firm, not a name
        if match.group(0) in ("合作社", "合作联社", "合作社联合社") and sent.start + match.start() - start <= 4 \
                and common_words(text[start:sent.start + match.start()]):
            continue  # 120多个种植合作社: a kind of cooperative, not one by name
        if kind == "Agency" and _SOE_DIVISION.match(text, start):
            kind = "Firm"  # 中建五局, 中铁十一局: state-owned construction firms
        if kind == "Agency" and (re.search(r"(?:(?:业|电器|家电)(?:协会|商会|促进会)|业协会\w{2,8}分会)$", text[start:end]) or (
                match.group(0) in ("协会", "商会", "分会", "促进会") and _ANY_CHAIN_ZH_RE.search(text, start, sent.start + match.start()))):
            kind = "Alliance"  # an industry association is an association of firms (GOLD_FORMAT): 机器人协会 too
        if kind == "Firm" and "人民银行" in text[start:end]:
            kind = "Agency"  # the central bank and its branches are government bodies
        if kind == "Cluster":
            start = _cluster_start(text, start, sent.start + match.start())
            if start is None:
                continue
        if kind == "Firm":
            # 确定河北X有限公司: a verb before the place a firm's name opens with is not the name's
            # (产品已批量进入武汉X有限公司: the verb may follow other words of the sentence)
            at = start
            for word in shared().words(text[start:max(start, end - 6)]):
                at += len(word)
                if len(word) >= 2 and _word_tag(word).startswith("v") and _place_starting_at(text, at):
                    start = at
                    break
                if word in ("配套", "供货", "交付", "进入", "打入", "切入", "隶属", "隶属于", "同属", "属于"):
                    # 已批量配套X有限公司, 产品已进入X有限公司: the supply verb before the customer's name;
                    # 隶属于X有限公司: the verb of belonging before the group's
                    start = at
                    continue
                # 鲜花电商平台北京花匠网络科技有限公司: common nouns that say what the firm is
                # stand before its registered name, which opens with its place
                if at - start >= 4 and _place_starting_at(text, at) and common_words(text[start:at]) \
                        and all(_word_tag(w)[:1] == "n" or _word_tag(w) == "vn" for w in shared().words(text[start:at])):
                    start = at
                    break
            # 海洋装备产业链以X有限公司为链主, 有色金属产业以X公司为龙头: the chain and its preposition are not the name
            chain_cut = None
            for chain_cut in re.finditer(r"产业链(?:以|由|为|与|和|在)|(?:产业|行业)(?:以|由)", text[start:end]):
                pass
            if chain_cut is not None:
                start += chain_cut.end()
        start += _opens_yi_wei(text, start, end)
        name = text[start:end]
        core = name[: len(name) - len(match.group(0))]
        if kind == "Agency" and len(match.group(0)) == 1 and len(core) < 2:
            continue
        if kind == "Agency" and (not core or core in ("商", "行", "各")) and match.group(0) in _GENERIC_BODIES:
            continue  # 研究院, 管委会 alone, 商协会 (chambers and associations): bodies of a kind, not a name
        if len(core) < 2 and kind not in ("Agency",) and match.group(0) not in ("国务院",):
            if not (kind == "Alliance" and core == ""):
                continue
        if kind == "Alliance" and core == "":
            out.append(Mention(start, end, name, "Alliance", index, info={"generic": True}))
            continue
        if kind == "Event" and len(core) < 3:
            continue
        if kind == "Agency" and (name.endswith(_NOT_AGENCY_ENDINGS) or len(name) < 3):
            continue
        if kind == "Cluster" and (core in _GENERIC_CORES or _CHAIN_ZH_RE.fullmatch(core) or core.endswith("的")):
            continue
        if kind == "Firm" and match.group(0) in ("集团", "公司", "控股") and len(core) < 2:
            continue
        out.append(Mention(start, end, name, kind, index, info={"association": True} if match.group(0) in ("协会", "促进会") else {}))
    return out


#: A rank or scale before a trade (世界级, 国家级, 千亿级): no word of a chain's or cluster's name.
_SCALE = r"(?:世界|国家|国际|省|[千百万]亿|[一二两三四五六七八九十\d]+[千百万]?亿)级"


#: 自治区级重点产业园区, 省级开发区: a place's rank, which names a kind of park, not one park
_RANK_OF_PLACE = re.compile(r"(?:自治区|省|市|区|县)级")


_YI_WEI_AFTER = re.compile(r"(?:产业链|产业集群|产业|行业)?为")


def _opens_yi_wei(text: str, start: int, end: int) -> int:
    """1 when the name ``text[start:end]`` opens on the 以 of 以…为 (以X集团为龙头,
    以铜冶炼产业链为主导), which is no part of it; else 0. A name that opens on 以
    without the frame (以岭药业) keeps it."""
    return 1 if text.startswith("以", start) and end - start > 1 and _YI_WEI_AFTER.match(text, end) else 0


def _cluster_start(text: str, start: int, core_end: int) -> int | None:
    """Where a park's or cluster's name ending at ``core_end`` starts, or None when the
    words before its suffix are no name: a count of clusters (…四大产业集群), a scale
    (千亿级…), the whole district's (全区…). What comes up to a year in it (2024苏州工业园区,
    力争到2025年…) or before a verb inside (三江新区布局建设|宜宾锂电产业园) is not the name."""
    if _TRAILING_COUNT.search(text, start, core_end) or text.startswith("级", start) \
            or re.match(_SCALE, text[start:core_end]) or _RANK_OF_PLACE.search(text, start, core_end):
        return None  # 打造世界级商用车产业集群: a cluster of a rank, the goal of a plan, no name
    year = None
    for year in re.finditer(r"(?:19|20)\d\d年?", text[start:core_end]):
        pass  # the last year: 力争到2025年全区家具产业集群 names a target date, not the park
    if year is not None:
        start += year.end()
    if text.startswith(("全区", "全市", "全省", "全县"), start):
        return None  # 全区家具产业集群: the whole district's cluster, no name of one
    if text[start - 1:start] == "的" and re.match(r"(?:产业)?(?:基地|集群)", text[core_end:core_end + 4]) \
            and not _leading_places(text[start:core_end]):
        return None  # 曲靖是云南省重要的绿色能源产业基地: what the place is, no base's name
    pos = start
    words = shared().words(text[start:core_end])
    for i, word in enumerate(words[:-1]):
        pos += len(word)
        # a verb of what a trade does (再生利用, 回收) is the name's, as trim_left keeps it
        if (len(word) >= 2 and (_word_tag(word) == "v" and word not in _ACTIVITY or word in _BUILD_VERBS)
                or word in _COPULAS) and core_end - pos >= 2:
            start = pos  # 是重点产业园区: a copula before the words is no part of the name
    return start


#: One-character copulas and prepositions before a park's words (是重点产业园区): never its name's.
_COPULAS = frozenset("是为在将")


#: Verbs of building that jieba tags as nouns (布局, 建设) but that never start a park's name.
_BUILD_VERBS = frozenset("布局 建设 打造 规划 建成 新建 筹建 推进 培育 发展 加快 引进".split())


#: Verbs of work done on a chain (常态化开展产业链…, 加快延伸产业链): never a chain's last word.
_CHAIN_WORK = tuple("开展 推进 打造 建设 发展 延伸 提升 培育 完善 壮大 做强 做大 加快 强化 构建 形成 拓展 推动 深化 "
                    "优化 补齐 延长 稳定 畅通 贯通 融入 对接".split())


#: Tags of verbs, adverbs, adjectives, state words, conjunctions and prepositions: a
#: phrase of such words before 产业链 says what is done to a chain, or how whole it is
_NO_CHAIN_TAGS = frozenset({"v", "vd", "d", "ad", "a", "z", "c", "p"})

#: Tags of words that say where (places, directions, names jieba reads as people's)
_WHERE_TAGS = frozenset({"ns", "nr", "nrt", "f", "s"})


def _chains(text: str, sent: Sentence, index: int, known: list[Mention]) -> list[Mention]:
    """Chain mentions of one sentence: the words before 产业链 (or before 产业/行业/产业集群
    when they hold a known chain), the items of "A、B、C等产业链", and known chain names."""
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    places_here = [m for m in known if m.sent == index and m.type in ("City", "Province")]

    def add(start: int, end: int, strict: bool) -> None:
        after_place = False
        for p in places_here:
            if start < p.end <= end:
                start, after_place = p.end, True
        start = trim_left(text, start, end, verbs="inner")
        count = _TRAILING_COUNT.search(text, start, end)
        if count:
            end = count.start()
        lead = _LEADING_COUNT.match(text, start, end)
        if lead:  # 7条现代海洋产业链, 每条产业链: a count of chains, not a chain's name
            start = lead.end()
        elif start > 0 and text[start] in _COUNTERS and _NUMERAL.match(text, start - 1):
            start += 1  # 15个番茄产业链项目: the count's number was left outside the span
        bracket = re.match(r"[^（(]{0,8}[（(]([^）)]{1,8})[）)]", text[start:end])
        if bracket and _is_place_name(bracket.group(1)):
            start += bracket.end()  # 山东（诸城）冷链食品: the place in brackets is not the chain's
        joint = text.rfind("暨", start, end)
        if joint >= 0:  # 成立大会暨产业链合作…: the words before 暨 close an event's name
            start = joint + 1
        phrase = text[start:end]
        pair = _MATERIAL_PAIR.search(phrase)
        if pair and len(pair.group(0)) <= 8 and not _ANY_CHAIN_ZH_RE.match(pair.group(1)):
            # 石墨和石墨烯: a material and what is made of it, one chain (a known first one is a conjunction below)
            spans.append((start + pair.start(), end))
            out.append(Mention(start + pair.start(), end, pair.group(0), "Chain", index, key=pair.group(0),
                               info={"pattern": True}))
            return
        found = _ANY_CHAIN_ZH_RE.search(phrase)
        if strict and not found and text.startswith(("园", "基地", "集群", "集聚区"), end + 2):
            lead = _leading_places(phrase)  # 泗阳功能性膜材料产业园: the park's place is not its trade's
            start, phrase = start + lead, phrase[lead:]
        if found and found.start() > 0:  # 碳化硅 is one word: its 硅 is no chain form of the phrase
            cuts = set(accumulate(len(w) for w in shared().words(phrase)))
            found = next((f for f in _ANY_CHAIN_ZH_RE.finditer(phrase) if f.start() == 0 or f.start() in cuts), None)
        if strict and not found and not _open_trade(text, phrase, end):
            return
        narrow = phrase[_leading_places(phrase[:found.start()]):found.start()] if found else ""
        if found and found.start() > 0 and (_narrowing(narrow) or _one_noun_compound(text, narrow, found.group(0))):
            pass  # 功率半导体, 海洋生物医药, 盐化工: a noun before the form narrows the chain
        elif found and not re.search(r"[)）]", phrase[found.start():]) or found and re.search(r"[(（]",
                                                                                         phrase[found.start():]):
            phrase = phrase[found.start():]  # 装备(汽车) is not cut inside its brackets
        phrase = re.sub(r"^(第[一二三四五六七八九十\d]+届|中国|国际|全国|全省|全市|全县|全区|全镇|本市|本县|我县|我区|园区|"
                        + _SCALE + ")+", "", phrase)
        phrase = phrase.lstrip("市省州县区")
        if phrase.startswith("级") and text[end - len(phrase) - 1:end - len(phrase)] in ("亿", "万", "千", "百"):
            phrase = phrase[1:]  # 百亿级六堡茶: the scale's 级 was left after a numeral the name stopped at
        phrase = phrase[_opens_yi_wei(text, end - len(phrase), end):]
        county = _county_prefix(phrase) if _COUNTY_END.search(phrase, 2, 8) else None
        if county and county.end() < len(phrase):  # 桃江县竹产业链: the chain of 桃江县 is 竹
            phrase = phrase[county.end():]
        if len(phrase) > 6 and not _ANY_CHAIN_ZH_RE.fullmatch(phrase) and not re.search("[及与和]", phrase):
            # 2024贺兰山东麓葡萄酒: numbers, mountains and directions before the trade's nouns
            words = shared().words(phrase)
            lead = 0
            while lead < len(words) - 1 and (_word_tag(words[lead]) in _WHERE_TAGS or words[lead].isdigit()):
                lead += 1
            if lead and 2 <= len(phrase) - sum(map(len, words[:lead])) <= 6 and _word_tag(words[lead]).startswith("n"):
                phrase = "".join(words[lead:])
        start = end - len(phrase)
        # one character is a chain only right after its place (桃江县竹, 广西铝, 鹰潭市铜): alone it is a word's tail
        single = len(phrase) == 1 and (county is not None or after_place and start == end - 1) \
            and _word_tag(phrase).startswith("n")
        if not (2 <= len(phrase) <= 8 or single) or phrase in _GENERIC_CORES or phrase.endswith("的"):
            return
        gaz_hit = _ANY_CHAIN_ZH_RE.fullmatch(phrase)
        if not gaz_hit and (all(_word_tag(w) in _NO_CHAIN_TAGS for w in shared().words(phrase))
                            or phrase.endswith(_CHAIN_WORK) or phrase.endswith("性")):
            # 切入产业链, 持续开展产业链…, 常态化开展产业链: verbs and modifiers, not a chain; 标志性产业链: a quality
            return
        conj = re.match("(" + _ANY_CHAIN_ZH_RE.pattern + ")[及与和]", phrase)
        if not gaz_hit and not conj and (_NOT_A_CHAIN.search(phrase) or len(phrase) > 6):
            return
        key = _CHAIN_ZH_CANON[phrase] if gaz_hit else (_CHAIN_ZH_CANON[conj.group(1)] if conj else phrase)
        spans.append((start, end))
        info = {"pattern": not gaz_hit, "conj": True} if conj and not gaz_hit else {"pattern": not gaz_hit}
        out.append(Mention(start, end, phrase, "Chain", index, key=key, info=info))

    for match in re.finditer(r"产业链|产业集群|产业|行业", sent.text):
        end = sent.start + match.start()
        if text.endswith("高新技术", 0, end):
            continue  # 稀土高新技术产业开发区: high-tech industry in general, no chain
        if text[end - 1:end] == "全" and end - 1 > sent.start:
            end -= 1  # 动力电池全产业链: the whole chain of 动力电池
        if text[end - 1:end] == "等":  # 工程机械、轨道交通装备等产业链
            item_end = end - 1
            while item_end > sent.start:
                item_start = _left_edge(text, item_end, sent.start, limit=10, lenient=False, chain_conj=True)
                if item_start >= item_end:
                    break
                add(item_start, item_end, strict=False)
                if text[item_start - 1:item_start] != "、":
                    break
                item_end = item_start - 1
            continue
        start = _left_edge(text, end, sent.start, limit=12, lenient=False, chain_conj=True)
        add(start, end, strict=match.group(0) != "产业链")
    bounds = None
    for match in _CHAIN_ZH_RE.finditer(sent.text):
        start = sent.start + match.start()
        if any(a <= start < b for a, b in spans) or len(match.group(0)) < 2:
            continue
        end = start + len(match.group(0))
        if bounds is None:
            bounds = shared().boundaries(sent.text, sent.start)
        if start not in bounds or end not in bounds:
            continue  # 家具 in 10多家具有: not a word of the sentence
        more = compound_tail(text, end, sent.end)
        if more and _SUFFIX_RE.match(text, end + more) and _SUFFIX_TYPE[_SUFFIX_RE.match(text, end + more).group(0)] \
                in ("Agency", "Cluster", "Alliance"):
            # 稀土催化研究院: the chain of a body named for it is the whole compound, 稀土催化
            phrase = text[start:end + more]
            out.append(Mention(start, end + more, phrase, "Chain", index, key=phrase, info={"pattern": True}))
            continue
        out.append(Mention(start, end, match.group(0), "Chain", index, key=_CHAIN_ZH_CANON[match.group(0)]))
    return out


#: Tags of the words an unknown trade is made of: nouns, verbal nouns, distinctives (天然橡胶), unknown words
_TRADE_TAGS = frozenset({"n", "nz", "ng", "vn", "b", "l", ""})


def _open_trade(text: str, phrase: str, end: int) -> bool:
    """True when ``phrase``, standing before 产业/行业 at ``end`` of ``text``, names a
    trade the lexicon lacks (紧固件产业, 天然橡胶产业): two to six characters of nouns
    ending in a noun, no generic word, place or count, used again in the article."""
    if not 2 <= len(phrase) <= 6 or phrase in _GENERIC_CORES or _NOT_A_CHAIN.search(phrase) \
            or _is_place_name(phrase) or text.count(phrase) < 2:
        return False
    words = shared().words(phrase)
    tags = [_word_tag(w) for w in words]
    return all(t in _TRADE_TAGS for t in tags) and tags[-1] in ("n", "nz", "ng", "") and not any(
        w in _GENERIC_CORES or w in _NOT_A_TRADE for w in words) \
        and not (len(words) == 1 and len(phrase) == 2 and tags[0] == "")


#: Words that judge or do rather than name a trade (绿色能源产业, 太阳能利用产业)
_NOT_A_TRADE = frozenset("绿色 低碳 先进 未来 利用 开发 应用 服务 加工 生产 制造 研发".split())


def _chain_repeats(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return a mention for every other use, on word boundaries and outside the
    mentions found, of a chain read from the words before 产业链 (手机支付 in
    "手机支付服务提供商" once 手机支付产业链 named it)."""
    found = {m.text: m.key for m in mentions if m.type == "Chain" and m.info.get("pattern") and len(m.text) >= 3}
    if not found:
        return []
    pattern = re.compile("|".join(re.escape(f) for f in sorted(found, key=len, reverse=True)))
    taken = Covered((m.start, m.end) for m in mentions)
    out = []
    for index, sent in enumerate(sentences):
        hits = [h for h in pattern.finditer(sent.text)]
        if not hits:
            continue
        bounds = shared().boundaries(sent.text, sent.start)
        for h in hits:
            a, b = sent.start + h.start(), sent.start + h.end()
            if a in bounds and b in bounds and not any(x in taken for x in range(a, b)):
                out.append(Mention(a, b, h.group(0), "Chain", index, key=found[h.group(0)], info={"pattern": True}))
                taken.add(a, b)
    return out


def _extend_to_compounds(text: str, mentions: list[Mention]) -> None:
    """Make a chain mention the compound chain the article names elsewhere when the
    compound's words follow it (稀土 in 稀土催化技术, once 稀土催化研究院 gave the chain
    稀土催化); changes the mentions in place."""
    compounds = {m.text for m in mentions if m.type == "Chain" and m.info.get("pattern")}
    for m in mentions:
        if m.type != "Chain" or m.info.get("pattern"):
            continue
        for compound in compounds:
            if len(compound) > len(m.text) and compound.startswith(m.text) and text.startswith(compound, m.start):
                m.end = m.start + len(compound)
                m.text = m.key = compound
                m.info["pattern"] = True
                break


# 「X有限公司（以下简称“X公司”）」: the short name the article declares for a name
_DECLARED = re.compile(r"\s*[（(](?:以下|下文|下)?(?:简称|称)[为:：]?\s*[“\"「『]([^”\"」』（）()，。]{2,12})[”\"」』]"
                       r"(?:(?:或|和|、)[“\"「『]([^”\"」』（）()，。]{2,12})[”\"」』])?[）)]")
# （以下简称安钢集团）: declared without quotes
_DECLARED_BARE = re.compile(r"\s*[（(](?:以下|下文|下)?简称[为:：]?\s*([^“”\"「」『』（）()，。、；\s]{2,12})[）)]")
# 以下简称“公司”: an announcement's own firm, named so where no other word runs into it (not 子公司)
_GENERIC_DECLARED = frozenset({"公司", "本公司", "集团"})


# 「烟台中集来福士海洋工程有限公司（中集来福士）」: a short name in brackets, its characters taken in order from the name
_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")


def declared_short_names(text: str, mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    """Return ``{short: (key, type)}`` for the short names ``text`` declares right after an
    organisation mention (X股份有限公司（以下简称“X”）, 市工业和信息化局（简称“市工信局”）);
    the key is the full name's, so every use of the short name is that organisation.

    >>> t = "甲乙精工股份有限公司（以下简称“甲乙”）"
    >>> declared_short_names(t, [Mention(0, 10, t[:10], "Firm", 0)])
    {'甲乙': ('甲乙精工', 'Firm')}
    """
    out: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.type not in ("Firm", "Agency", "Alliance", "Cluster", "Event"):
            continue
        found = _DECLARED.match(text, m.end) or _DECLARED_BARE.match(text, m.end) or _BRACKETED.match(text, m.end)
        for short in (found.groups() if found else ()):  # （以下简称“公司”或“海川风电”）: both
            # 冠捷显示科技（北海）有限公司 is called 北海冠捷: its place in brackets may lead
            placed = re.sub(r"^(.*?)[（(]([^）)]{2,6})[）)]", r"\2\1", m.text)
            if short and short != m.text and (letters_in_order(short, m.text) or letters_in_order(short, placed)):
                out.setdefault(short, (m.key or name_key(m.text), str(m.type)))
    return out


_COUNTY_END = re.compile("[县市区旗]")


def _place_starting_at(text: str, pos: int) -> bool:
    """True when a province or city name of the gazetteer starts at ``pos``."""
    return bool(gazetteer().zh_regex.match(text, pos))


def _narrowing(prefix: str) -> bool:
    """True when ``prefix`` (the words before a chain form) is one or two nouns that
    narrow it (功率 in 功率半导体), not a place, count, adjective or generic word."""
    words = shared().words(prefix)
    if not words:
        return False
    if len(prefix) == 2 and len(words) == 2 and not _word_tag(prefix):
        return guessed_noun(prefix)  # 冷链食品: a noun the dictionary lacks
    return (1 <= len(words) <= 2 and all(_word_tag(w) in ("n", "nz") and len(w) >= 2 for w in words)
            and not any(w in _GENERIC_CORES or gazetteer().lookup(w) for w in words))


def _one_noun_compound(text: str, prefix: str, form: str) -> bool:
    """True when ``prefix`` is one noun character the article writes before the chain
    ``form`` at least three times (盐化工, 竹家具): a compound the dictionary lacks."""
    return len(prefix) == 1 and _word_tag(prefix).startswith("n") and text.count(prefix + form) >= 3


def _after_place_before_province(text: str, start: int, end: int) -> int:
    """Where a firm's name in ``text[start:end]`` starts when a county or a city with its
    suffix (长汀县, 龙岩市) stands before a province's name (福建): registered names open on
    their province, so the place before it is where the firm is, not its name's; else
    ``start``."""
    county = _county_prefix(text[start:end])
    if county is not None:
        cut = county.end()
    else:
        city = gazetteer().zh_regex.match(text, start, end)
        place = gazetteer().lookup(city.group(1)) if city else None
        is_city = city is not None and city.group(2) == "市" and place is not None and place.kind == "City"
        cut = city.end() - start if is_city else 0
    province = province_at(text, start + cut, end) if cut else None
    return start + cut if province is not None and end - province.end() >= 2 else start


def _county_prefix(stem: str) -> re.Match | None:
    """A match of the county-level place (with its suffix) ``stem`` starts with, if any."""
    from chaingraph.extract.counties import _zh_table

    names = _zh_table()[1]
    return next((re.match(re.escape(stem[:n]), stem) for n in range(3, 8) if stem[:n] in names), None)


def _province_of_zh(place: str) -> str | None:
    """The Chinese short name of the province the Chinese ``place`` (a province, a city
    or a county, with its suffix or not) is in, None when the gazetteers do not say."""
    from chaingraph.extract.counties import _unique_shorts, _zh_table
    from chaingraph.gazetteer import gazetteer as full_gazetteer

    found = gazetteer().zh_regex.fullmatch(place)
    known = gazetteer().lookup(found.group(1)) if found else None
    if known is not None:
        if known.kind == "Province":
            return known.zh
        home = gazetteer().lookup(known.province) if known.province else None
        return home.zh if home is not None else None
    county = _zh_table()[1].get(place) or _unique_shorts().get(place)
    province = full_gazetteer().province_of(county) if county is not None else None
    return province.short if province is not None else None


def _leading_places(stem: str) -> int:
    """Where a firm name's core starts in ``stem``: after the province, city and county
    names it opens with, in any number (福建晋江飞宇鞋服: 飞宇鞋服). A county's name
    counts with its suffix (望奎县) or, before a core of three or more characters, without
    it (晋江经纬针织), since names drop the suffix as often as they keep it."""
    from chaingraph.extract.counties import county_stems

    gaz, stems, end = gazetteer(), county_stems(), 0
    home = None  # the province of the first place: a county of another one is a word of the name (吉林北辰板式…)
    while True:
        found = gaz.zh_regex.match(stem, end) or _county_prefix(stem[end:])
        if found is not None:
            step = found.end() - found.start()
        else:
            step = next((n for n in range(4, 1, -1) if stem[end:end + n] in stems and len(stem) - end - n >= 3), 0)
        if not step or len(stem) - end - step < 2:
            return end
        province = _province_of_zh(stem[end:end + step])
        if home is not None and province is not None and province != home:
            return end
        home = home or province
        end += step


def _bare_names(core: str) -> list[str]:
    """The short forms of ``core`` (a firm name without its places and legal form): its own
    name and its last trade word (华信三七饮片: 华信饮片), then ``core`` without one, two or
    more of the trade words that close it (星弧燃料电池科技: 星弧燃料电池, 星弧; 飞宇鞋服: 飞宇);
    a two-character form only when it is no common word (美的, 长城).

    >>> _bare_names("秦芯半导体制造")
    ['秦芯制造', '秦芯半导体', '秦芯']
    """
    out, bare, last = [], core, ""
    while True:
        word = next((w for w in _TRADE_WORDS if bare.endswith(w) and len(bare) - len(w) >= 2), "")
        if not word:  # a common noun of the dictionary (体育用品, 针织) or a chain's form ends it
            word = next((bare[-n:] for n in range(min(4, len(bare) - 2), 1, -1)
                         if _word_tag(bare[-n:]) in ("n", "vn") or _CHAIN_ZH_RE.fullmatch(bare[-n:])), "")
        if not word:
            break
        bare, last = bare[: -len(word)], last or word
        out.append(bare)
    # the name and its last trade word: 秦芯半导体制造 is 秦芯制造, 华信三七饮片 华信饮片
    if len(out) >= 2 and len(out[-1]) >= 2:
        out.insert(0, out[-1] + last)
    elif last and len(core) - len(last) >= 4 and core[:2] not in _GENERIC_CORES:
        out.insert(0, core[:2] + last)  # a firm's own name (字号) is most often two characters
    return [b for b in out if len(b) >= 3 or len(b) == 2 and not (
        _word_frequency(b) >= 1000 or re.search("[的了是在和与及等之]", b)
        or gazetteer().lookup(b) or b in _GENERIC_CORES)]


def _short_firm_names(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    declared = declared_short_names(text, mentions)
    # a declared short name outranks the forms derived below, whatever it names
    forms: dict[str, str] = {short: key for short, (key, _kind) in declared.items()}
    for m in mentions:  # 安钢集团 found by its own suffix is still the name it was declared for
        if m.text in declared and not m.info.get("declared") and (
                str(m.type) == declared[m.text][1]
                # X研究院有限公司（X研究院）: the firm's short form, though it ends like a body's name
                or declared[m.text][1] == "Firm" and m.type in ("Agency", "Cluster", "Alliance")):
            if m.type != declared[m.text][1]:
                m.type, m.info["retyped"] = Label(declared[m.text][1]), True
            m.key, m.info["declared"] = declared[m.text][0], True
    for m in mentions:
        if m.type != "Firm" or m.info.get("retyped"):  # a declared short form yields no shorter ones
            continue
        stem = re.sub(r"[(（][^)）]{1,8}[)）]", "", m.text)
        stem = name_key(stem)
        place_end = _leading_places(stem)  # 望奎县龙达牧业: 龙达牧业
        candidates = [stem]
        core = stem[place_end:] if place_end and len(stem) - place_end >= 2 else stem
        if core.startswith(("中国", "中华")) and len(core) > 4:
            core = core[2:]
        candidates.append(core)
        if len(core) > 4:
            candidates.append(core[:4])
        if place_end and len(stem) > 4:  # the place and the name's first word (东风康明斯, not 东风康明)
            first = shared().words(core)[0]
            candidates.append(stem[:place_end + (len(first) if 2 <= len(first) < len(core) else 2)])
        # a bare form the text also uses for a trade (菌菇企业, 菌菇产业) names no one firm
        candidates += [bare for bare in _bare_names(core)
                       if not re.search(re.escape(bare) + "(?:企业|产业|行业|产品)", text)]
        candidates = [c for c in candidates if c not in _GENERIC_CORES and not _CHAIN_ZH_RE.fullmatch(c)
                      and len(c) >= 2 and not (len(c) <= 4 and c[-2:] in _GENERIC_CORES)
                      or c == stem]
        for c in candidates:
            if len(c) >= 2 and c != m.text:
                forms.setdefault(c, m.key if m.info.get("declared") else name_key(m.text))
    if not forms:
        return []
    taken = Covered((m.start, m.end) for m in mentions if m.type in ("Firm", "Agency", "Alliance", "Cluster", "Event"))
    starts = [s.start for s in sentences]  # sentences are in order and do not overlap
    out = []
    for match in FormFinder(list(forms)).finditer(text):
        if match.start() in taken or match.group(0) in _GENERIC_DECLARED and re.match(
                r"[\u4e00-\u9fff]", text[match.start() - 1:match.start()]) and text[match.start() - 1] != "本":
            continue
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= sentences[index].end:
            index = -1
        if index >= 0 and match.group(0) not in declared and len(match.group(0)) <= 3 \
                and match.start() not in shared().boundaries(sentences[index].text, sentences[index].start):
            continue  # 金轮 in 铝合金轮毂: a derived short form must start a word of the sentence
        kind = declared[match.group(0)][1] if match.group(0) in declared else "Firm"
        out.append(Mention(match.start(), match.end(), match.group(0), kind, index, key=forms[match.group(0)],
                           info={"declared": True} if match.group(0) in declared else {}))
    return out


def _events(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    named = [m for m in mentions if m.type == "Event"]
    by_sent: dict[int, list[Mention]] = {}
    for m in named:
        by_sent.setdefault(m.sent, []).append(m)
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        here = by_sent.get(index)
        if not here:
            continue
        for m in here:
            after = text[m.end:m.end + 30]
            quote = len(after) - len(after.lstrip(_CLOSING_QUOTES))  # “…签约会”在X举行: the quote closes the name
            at = _EVENT_AT.match(after, quote)
            if at:
                m.info["trigger"] = m.end + at.start(1) - 1
                m.info["title"] = sent.title
                out.append(m)
                break
            before = text[max(sent.start, m.start - 30):m.start]
            by = None
            for b in _EVENT_BY.finditer(before):
                by = b
            if by is not None and by.end() == len(before):
                verb_at = m.start - len(before) + by.start()
                # the subject starts after the clause's last comma or attending verb
                # (A出席B主办的X: B, not A, organised X)
                cut = max([sent.start] + [sent.start + c.end() for c in _SUBJECT_START.finditer(
                    sent.text, 0, verb_at - sent.start)])
                m.info["subject"] = (cut, verb_at)
                m.info["title"] = sent.title
                out.append(m)
                break
    if not out and named:
        first = named[0]
        first.info["title"] = sentences[first.sent].title if first.sent >= 0 else False
        out.append(first)
    return out
