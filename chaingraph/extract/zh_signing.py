"""Chinese signing clauses read as clauses: "A(时间)与B签署…协议".

News about supply contracts names the two sides of a signing in one clause, often
with a date or an adverb between the subject and 与 (A10月底与B签署, A10日与B签署),
a kind of firm before the other side's short name (与储能集成商B签署, 跟韩厂B签署),
and, in a run of signings, no subject at all in the later clauses
(……；12日再与C签署……，16日又与D签四年长约): the subject is the last one named in
the paragraph. A parent named before 子公司/旗下 (A子公司B) is a firm too.

:func:`signing_firms` gives Firm mentions for the short names of both sides (names
the suffix rules cannot find because they end in no firm word);
:func:`signing_relations` gives SIGNED_WITH between the sides, and SUPPLIES when the
agreement says which way goods go (供应/供货协议: the subject supplies; 采购协议: the
other side supplies).
"""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.result import Mention, Sentence
from chaingraph.identity import name_key

# the verb of a signing; a bare 签 only when an agreement follows (签四年长约)
_SIGN = re.compile(r"签订|签署|签约(?!仪式|大会|活动|现场)|签下|签(?=[^，。；]{0,8}?(?:协议|合同|长约|长单|订单|大单|备忘录))")
# what may stand between a side and 与 or the verb: dates and adverbs
_FILLER = re.compile(r"(?:(?:\d{1,4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|初|中旬|上旬|下旬)?|\d{1,2}日|(?:今年|去年|本月|上月|"
                     r"近日|日前|此前|随后|同时|当天|今天|昨天|已经|正式|分别|共同|成功|现场|再次|将|已|再|又|也|还|并|则|曾|拟)"
                     r")+$")
_FILLER_START = re.compile(r"^(?:分别|正式|共同|成功|现场|再次|已|将)+")
# a kind of firm before a short name: 储能系统集成商B, 韩厂B, 电池巨头B
_KIND_PREFIX = re.compile(r"^[\u4e00-\u9fffA-Za-z]{0,8}?(?:集成商|供应商|供货商|制造商|服务商|运营商|生产商|开发商|"
                          r"贸易商|厂商|车企|企业|巨头|龙头|厂|[日韩美德欧外央国民台港]企|(?<=[\u4e00-\u9fff]{2})商)(?=[\u4e00-\u9fffA-Za-z]{2})")
_PARENT = re.compile(r"(?:子公司|旗下(?:的)?|控股子公司|全资子公司)$")
_BEFORE_NAME = frozenset("与跟同和及向为给由、，,。；;：:“「（(")
_AGREEMENT = re.compile(r"[^，。；]{0,24}")


def _clauses(sent: Sentence):
    """The clauses of ``sent`` as ``(start, end)`` offsets in the text."""
    pos = 0
    for part in re.split(r"(?<=[，,；;：:])", sent.text):
        if part:
            yield sent.start + pos, sent.start + pos + len(part)
        pos += len(part)


_DECLARED_AFTER = re.compile(r"[（(](?:以下|下文|下)?(?:简称|称)?[为:：]?\s*[“\"「『]?[^（）()]{1,12}?[”\"」』]?[）)]$")


def _strip_side(side: str, offset: int, right: bool) -> tuple[int, int] | None:
    """The span of the name in ``side`` (text before 与 when not ``right``, between
    与 and the verb when ``right``), without dates, adverbs or a kind of firm."""
    start, end = offset, offset + len(side)
    filler = _FILLER.search(side)
    if filler:
        end -= len(filler.group(0))
    declared = _DECLARED_AFTER.search(side[: end - offset])
    if declared and not right:  # A（以下简称“甲”）与B签约: the name ends before its bracket
        end = offset + declared.start()
    body = side[: end - offset]
    lead = _FILLER_START.match(body)
    if lead and right:
        start += lead.end()
        body = body[lead.end():]
    kind = _KIND_PREFIX.match(body)
    if kind:
        start += kind.end()
        body = body[kind.end():]
    return (start, end) if end - start >= 2 else None


_AFTER_KIND: set[tuple[int, int]] = set()  # the last article's sides named right after a kind of firm
_LAST: list = [None, None]  # the last article's text and its signings (read by three steps)


def signings(text: str, sentences: list[Sentence]) -> list[tuple]:
    """Return ``(sent_index, subject_span | None, object_spans, parent_span | None,
    agreement)`` for each "A与B签署…" clause of ``text``. The subject span is the
    words right before 与 (the caller checks they are a name); when the clause has
    no subject, None (the caller carries the paragraph's last one)."""
    if _LAST[0] is not text:
        _AFTER_KIND.clear()
        _LAST[1] = list(_signings(text, sentences))
        _LAST[0] = text
    return _LAST[1]


def _signings(text: str, sentences: list[Sentence]):
    from chaingraph.extract.zh_firms import _left_name, _words
    from chaingraph.extract.words import _tags, shared

    tags = _tags()
    for index, sent in enumerate(sentences):
        if not _SIGN.search(sent.text):
            continue
        words = None
        for a, b in _clauses(sent):
            clause = text[a:b]
            verb = _SIGN.search(clause)
            if verb is None:
                continue
            window = max(0, verb.start() - 22)
            # 与/跟 before 同 and 和, which stand inside names (同心堂, 大同, 森和化学)
            joint = max(clause.rfind(j, window, verb.start()) for j in "与跟")
            for weaker in "同和":
                if joint <= -1:
                    joint = clause.rfind(weaker, window, verb.start())
            if joint <= -1:
                continue
            obj = _strip_side(clause[joint + 1:verb.start()], a + joint + 1, True)
            if obj is None:
                continue
            if _KIND_PREFIX.match(clause[joint + 1:verb.start()]) and "、" not in text[obj[0]:obj[1]]:
                _AFTER_KIND.add((obj[0], obj[1]))  # named right after its kind (集成商X): a name however plain
            objects, pos = [], obj[0]
            for part in text[obj[0]:obj[1]].split("、"):
                if len(part) >= 2:
                    objects.append((pos, pos + len(part)))
                pos += len(part) + 1
            subject = parent = None
            before = _strip_side(clause[:joint], a, False)
            if before is not None and not re.search(r"[，,；;：:]$", text[before[0]:before[1]]):
                if words is None:
                    words = _words(shared(), sent.text, sent.start)
                end_index = next((i for i, w in enumerate(words) if w[1] == before[1]), None)
                span = _left_name(words, end_index + 1, tags) if end_index is not None else None
                if span is None and re.search(r"(?:公司|集团)$", text[before[0]:before[1]]):
                    span = before  # 河钢集团唐钢公司: a registered name the words do not parse, whole
                if span is not None and span[0] >= before[0]:
                    subject = span
                    parent_word = _PARENT.search(text, max(a, span[0] - 6), span[0])
                    if parent_word is not None:
                        p_index = next((i for i, w in enumerate(words) if w[1] == parent_word.start()), None)
                        parent = _left_name(words, p_index + 1, tags) if p_index is not None else None
                elif text[max(a, before[1] - 1):before[1]] not in "其":
                    continue  # words before 与 that are no name: not a signing of two sides
            agreement = _AGREEMENT.match(text, a + verb.end()).group(0)
            yield index, subject, objects, parent, agreement


def signing_firms(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Firm mentions for the sides of the signings of ``text`` whose names no
    earlier rule found (every occurrence on word boundaries, outside the organisation
    ``mentions``), with the parent of an A子公司B."""
    from chaingraph.extract.lists import _is_place
    from chaingraph.extract.zh_firms import _known_chain, _occurrences, _words, good_name
    from chaingraph.extract.words import shared

    _cut_subsidiary(text, mentions)
    sides = [span for _i, subject, objects, parent, _w in signings(text, sentences)
             for span in [subject, parent, *objects] if span is not None]
    for m in mentions:  # a short name read by a looser cue across a side's edge takes the side's span
        if m.type == "Firm" and m.info.get("cued"):
            side = next(((a, b) for a, b in sides if a < m.end and m.start < b and (a, b) != (m.start, m.end)
                         and good_name(text[a:b])), None)
            if side is not None:
                m.start, m.end = side
                m.text = text[m.start:m.end]
                m.key = name_key(m.text)
    org_spans = [(m.start, m.end) for m in mentions if m.type in ("Firm", "Agency", "Alliance", "Cluster", "Event")]
    found: dict[str, str] = {}
    exact: list[tuple[int, int]] = []

    def propose(span) -> None:
        if span is None:
            return
        a, b = span
        if any(x <= a and b <= y or (x < b and a < y) for x, y in org_spans):
            return
        name = text[a:b]
        plain_ok = (a, b) in _AFTER_KIND and 3 <= len(name) <= 6 and not _is_place(name) and not _known_chain(name)
        if good_name(name) or plain_ok or re.fullmatch(r"[A-Z]{2,5}[\u4e00-\u9fff]{2,4}", name):
            found.setdefault(name, name_key(name))
            exact.append((a, b))

    for _index, subject, objects, parent, _what in signings(text, sentences):
        propose(subject)
        propose(parent)
        for span in objects:
            propose(span)
    if not found:
        return []
    cache: dict[int, list] = {}

    def words_of(index: int):
        if index not in cache:
            cache[index] = _words(shared(), sentences[index].text, sentences[index].start)
        return cache[index]

    taken = sorted(org_spans)
    out = _occurrences(text, sentences, words_of, found, taken)
    starts = [s.start for s in sentences]
    seen = {m.start for m in out}
    for name in found:  # after a preposition or a mark, even where jieba runs a word across the edge (向厦|钨)
        for hit in re.finditer(re.escape(name), text):
            a, b = hit.start(), hit.end()
            if text[a - 1:a] in _BEFORE_NAME and not any(x < b and a < y for x, y in org_spans):
                exact.append((a, b))
    for a, b in exact:  # the side itself, even where a dictionary word runs across its edge (商海)
        if a not in seen:
            seen.add(a)
            index = max(i for i, s0 in enumerate(starts) if s0 <= a)
            out.append(Mention(a, b, text[a:b], "Firm", index, key=found[text[a:b]], info={"cued": True}))
    for m in out:
        m.info["signing"] = True
    return out


def _cut_subsidiary(text: str, mentions: list[Mention]) -> None:
    """A firm mention read up to the 公司 of 子公司 with a name right after it
    (A子公司B……) is A: cut it there, in place."""
    for m in mentions:
        if m.type == "Firm" and m.text.endswith("子公司") and len(m.text) >= 5 \
                and re.match(r"[\u4e00-\u9fffA-Za-z]{2}", text[m.end:m.end + 2]):
            m.end -= 3
            m.text = text[m.start:m.end]
            m.key = name_key(m.text)


def signing_relations(rel, text: str, sentences: list[Sentence], per_sent) -> None:
    """Add SIGNED_WITH (and SUPPLIES, by the agreement's words) for the signings of
    ``text`` whose sides are organisations of ``per_sent`` (sentence index → its
    (mention, entity) pairs); a clause with no subject takes the paragraph's last."""
    last = None  # (paragraph start, entity)
    for index, subject, objects, _parent, what in signings(text, sentences):
        items = per_sent.get(index, [])

        def entity_at(span):
            if span is None:
                return None
            return next((e for m, e in items if e.type in ("Firm", "Agency") and m.start <= span[0]
                         and span[1] <= m.end + 1 and m.end > span[0]), None)

        para = text.rfind("\n", 0, sentences[index].start)
        head = entity_at(subject)
        if head is None and subject is None and last is not None and last[0] == para:
            head = last[1]
        if head is None:
            continue
        last = (para, head)
        for span in objects:
            other = entity_at(span)
            if other is None or other is head:
                continue
            rel.add("SIGNED_WITH", head, other, index, "the two sides of a signing")
            if len(objects) == 1 and head.type == other.type == "Firm":
                _after_signing(rel, text, sentences[index], index, head, other, span[1])
            if head.type == other.type == "Firm":
                at = text.find(what, span[1]) + len(what) if what else -1
                kind = agreement_kind(what, text[at:at + 16] if at > 0 else "")
                if lx.JOINT_PURCHASE_RE.search(what):
                    pass
                elif kind == "purchase" and not subject_supplies(text[span[1]:span[1] + 60], other):
                    rel.add("SUPPLIES", other, head, index, "the other side of a purchase agreement")
                elif kind == "supply":
                    rel.add("SUPPLIES", head, other, index, "a supply agreement")


_BUY_WORD = re.compile(r"采购|订购|购买")
_SELL_WORD = re.compile(r"供应|供货")


def agreement_kind(what: str, after: str = "") -> str | None:
    """"purchase" or "supply": what the agreement in ``what`` (the words after a signing
    verb) is, read from the word nearest its head (年采购2亿元的参茸制品供货合同 is a supply
    contract); None when it says neither. A supply agreement whose sum ``after`` it (the
    text that follows) calls a purchase (，采购金额合计1.6亿元) is the subject's purchase.

    >>> agreement_kind("年采购2亿元的参茸制品供货合同"), agreement_kind("鞋面采购协议"), agreement_kind("合作协议")
    ('supply', 'purchase', None)
    >>> agreement_kind("年度供货协议", "，采购金额合计1.6亿元")
    'purchase'
    """
    buys = [m.start() for m in _BUY_WORD.finditer(what)]
    sells = [m.start() for m in _SELL_WORD.finditer(what)]
    if not buys and not sells:
        return None
    if max(buys, default=-1) > max(sells, default=-1) or _PURCHASE_SUM.match(after):
        return "purchase"
    return "supply"


_PURCHASE_SUM = re.compile(r"[，,]?[^，。；]{0,4}?采购(?:总)?(?:金)?额")


# what the sentence says next about the two sides: 后者向前者采购, 将其作为…供应商
_LATTER_BUYS = re.compile(r"(前者|后者)[^，。；]{0,16}?向(前者|后者)(?:采购|订购|购买)")
# 向, 为 and 给 all mark the receiving side of a delivery (后者将为前者供应…)
_LATTER_SELLS = re.compile(r"(前者|后者)[^，。；]{0,16}?(?:向|为|给)(前者|后者)(?:[^，。；]{0,6}?)(?:供应|供货|提供|交付|配套)")
_MADE_SUPPLIER = re.compile(r"将(?:其|对方|后者)(?:作为|列为|确定为)[^，。；]{0,14}?(?:供应商|供货商)")


# the rest of a signing's clause naming the other side 其: 将为其…配套, 向其供应, 成为其…供应商
_TO_IT = re.compile(r"^[^。；]{0,40}?(?:(?:将|并|可|拟)?(?:为|向|给)(?:其|后者|对方)[^，。；]{0,16}?(?:配套|供应|供货|提供|交付)|"
                    r"成为(?:其|后者|对方)[^，。；]{0,14}?(?:供应商|供货商|配套商))")
# …by the subject's own name after 由: 由A向其批量供应
_BY_IT = re.compile(r"^[^。；]{0,40}?由([^，。；]{2,12}?)(?:向|为|给)其")


def subject_supplies(after: str, other) -> bool:
    """True when ``after`` (the text right after a signing's ``other`` side or its
    agreement) says the signing's subject supplies that side (，成为其…供应商, 将为其…配套),
    so an agreement to buy (采购协议) is the other side's purchase from the subject;
    False where the clause has its own subject (乙将作为甲的供应商，每年为其供应)."""
    said = _TO_IT.match(after)
    return bool(said) and not _BY_IT.match(after) and not any(
        f in said.group(0) for f in (other.name, *other.aliases) if len(f) >= 2)


def _names(entity, surface: str) -> bool:
    """True when ``surface`` is one of ``entity``'s aliases or starts (or is) its name."""
    return surface in entity.aliases or entity.name.startswith(surface)


def _after_signing(rel, text: str, sent: Sentence, index: int, head, other, end: int) -> None:
    """SUPPLIES read from the rest of a signing's sentence, which refers to the
    sides as 前者 (the subject) and 后者 (the other side), or to the other side as 其:
    将其作为…供应商 anywhere in the sentence, and 将为其…配套 / 成为其…供应商 in the
    clause after the other side's name (which ends at ``end``)."""
    rest = sent.text
    side = {"前者": head, "后者": other}
    for match in _LATTER_BUYS.finditer(rest):
        if match.group(1) != match.group(2):
            rel.add("SUPPLIES", side[match.group(2)], side[match.group(1)], index, "the other side buys from it")
    for match in _LATTER_SELLS.finditer(rest):
        if match.group(1) != match.group(2):
            rel.add("SUPPLIES", side[match.group(1)], side[match.group(2)], index, "it delivers to the other side")
    if _MADE_SUPPLIER.search(rest):
        rel.add("SUPPLIES", other, head, index, "made the subject's supplier")
    after = text[end:end + 60]
    to_it = _TO_IT.match(after)
    if to_it:
        by = _BY_IT.match(after)
        said = to_it.group(0)
        if by is not None and by.group(1) and (by.group(1) in ("后者", "对方") or _names(other, by.group(1))):
            # 由B为其提供, 由后者向其供应: the other side supplies
            rel.add("SUPPLIES", other, head, index, "the other side delivers to it")
        elif any(f in said for f in (other.name, *other.aliases) if len(f) >= 2):
            pass  # 乙将作为甲的供应商，每年为其供应: the clause's own subject supplies, read elsewhere
        else:
            rel.add("SUPPLIES", head, other, index, "it delivers to the other side")
