"""Chinese lists of firms in quotation marks, and what the words closing a firm list
say about every member.

Trade names of small firms are quoted in Chinese news, one after the other, often
without 、 between them: “A”“B”“C”等20多家面料商, “A”、“B”等13家企业. The rules of
:mod:`chaingraph.extract.lists` read unquoted lists only; :func:`quoted_lists`
reads these as Firm lists. A quoted member that is part of a longer firm name the
article gives (“同乐” for 云南锡业同乐太阳能有限公司) is that firm.

:func:`list_context_relations` gives each member of any Chinese firm list what the
words around the list state for all of them:

- the place or park they come from: 来自X的…企业 (X a park: BELONGS_TO, else
  LOCATED_IN), or a place just before the list (X当地的/X本地的/X共有/X的 A、B等企业);
- their trade: the stem before 企业/商/厂家/品牌 closing the list (面料商, 服装企业) when it
  is a chain of the article — or a noun the article uses for a trade elsewhere too
  (面料企业 … 面料商), which then is a Chain;
- the event: PARTICIPATED_IN when the sentence names the article's event or opens on
  its scene (会上, 现场, 活动中).
"""

from __future__ import annotations

import re

from chaingraph.extract.lists import ListHit, _chain_key, _first_member_start
from chaingraph.extract.result import Mention, Sentence
from chaingraph.extract.words import shared
from chaingraph.identity import name_key
from chaingraph.extract.cues import cued

_FIRM_ENDING = re.compile(r"(?:公司|集团|股份|控股|银行|厂)$")
_QUOTED = r"[“「『\"]([\u4e00-\u9fffA-Za-z0-9·]{2,12})[”」』\"]"
_QUOTED_RUN = re.compile(rf"(?:{_QUOTED}[、，,和及与]?){{1,30}}")
# what closes a firm list: 等 (a count) (up to 18 characters) a kind of firm
# the words between 等 and the kind of firm say what kind (多家大型汽车制造商); products, or a
# verb of supply, say the list is of products (高强钢、耐磨钢等产品批量供应X公司)
_CLOSING = re.compile(r"等(?!地)(?:[\d一二三四五六七八九十百千多余几近约]+(?:家|个))?"
                      r"((?:(?!产品|供应|供货|配套|销往|进入)[^，。；：！？]){0,18}?)"
                      r"(企业|公司|厂商|厂家|品牌|供应商|生产商|制造商|贸易商|经销商|[\u4e00-\u9fff]{2}商)(?!家|长|们|代表|协会|联合会|联盟|会|群|园|区|主|负责)")
_ADJECTIVES = re.compile(r"^(?:[\u4e00-\u9fff]*?的)?(?:优质|优秀|知名|重点|骨干|龙头|大型|中小|规上|规模以上|本地|当地|省内|国内|"
                         r"海外|境外|外地|相关|主要|特色|品牌|[一二三四五六七八九十\d]+家)*")
_FROM = re.compile(r"来自(.{2,14}?)的")
_PLACE_BEFORE = re.compile(r"(?:当地|本地)?(?:的|共有|有|拥有|现有)$")
# A、B等企业也在仪式上签约: the list signs or shows at the event the sentence refers to
_AT_THE_EVENT = re.compile(r"在(?:本次|此次|本届)?(?:签约)?(?:仪式|大会|会议|活动|现场|论坛|展会|推介会|对接会|洽谈会)"
                           r"(?:上|中|期间)?[^，。；]{0,6}?(?:签约|签订|签署|参展|对接|洽谈|亮相)")
_SCENE = re.compile(r"^[^，。；]{0,8}?(?:会上|现场|活动中|活动期间|会议期间|期间)")


_INDUSTRY_ITEM = r"[\u4e00-\u9fffA-Za-z]{2,12}?(?:产业链|产业)"
_INDUSTRY_LIST = cued(rf"{_INDUSTRY_ITEM}(?:、{_INDUSTRY_ITEM})+")
_OPENED = re.compile(r"(?:涵盖|覆盖|包括|聚焦|围绕|涉及|主攻|分为|分)([\u4e00-\u9fffA-Za-z]{2,8})[与和及]$")
_RUN_ON = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,10}?)等[\u4e00-\u9fff]{0,8}?(?:企业|公司|厂商|车企)[与和及同]"
                     r"([\u4e00-\u9fffA-Za-z]{2,10})$")
_COORDINATED = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,8})[与和及]([\u4e00-\u9fffA-Za-z]{2,8})$")


def refine_lists(text: str, sentences: list[Sentence], lists: list[ListHit]) -> list[ListHit]:
    """Return ``lists`` with the quoted firm lists of ``text`` added, lists of
    industries (A产业、B产业、C产业) added as Chain lists, and a coordinated chain
    member (A与B) split in two unless the article names a plan, alliance or event
    after the whole phrase (《…A与B产业…》)."""
    out = list(lists) + quoted_lists(text, sentences)
    firm_lists = [(h.members[0][0], h.members[-1][1]) for h in out if h.kind == "Firm" and h.members]
    for hit in joined_lists(text, sentences):
        if not any(x < hit.members[-1][1] and hit.members[0][0] < y for x, y in firm_lists):
            out.append(hit)
    covered = [(h.members[0][0], h.members[-1][1]) for h in out if h.kind == "Chain" and h.members]
    for index, sent in enumerate(sentences):
        for match in _INDUSTRY_LIST.finditer(sent.text):
            a = sent.start + match.start()
            if any(x <= a + 8 and a < y for x, y in covered):
                continue
            members = []
            pos = a
            for i, raw in enumerate(match.group(0).split("、")):
                item = re.sub(r"(?:产业链|产业)$", "", raw)
                start = pos
                if i == 0:
                    start += _first_member_start(item)
                    item = text[start:pos + len(item)]
                    if len(item) >= 3 and item[0] in "分按将以在含有是为对向把" and \
                            shared().words(item)[0] == item[0]:  # 分|制氢, not 有色金属
                        start, item = start + 1, item[1:]
                if 2 <= len(item) <= 10 and not re.search(r"[\d年月日的]", item):
                    members.append((start, start + len(item), item))
                pos += len(raw) + 1
            if len(members) >= 2:
                out.append(ListHit("Chain", index, members[0][0], members))
    for hit in out:  # 「A、B等整车企业与C、D等」 read as one list: B and C are members, not 「B等…与C」
        if hit.kind != "Firm":
            continue
        fixed = []
        for a, b, item in hit.members:
            joint = _RUN_ON.match(item)
            if joint is None:
                fixed.append((a, b, item))
                continue
            fixed.append((a, a + len(joint.group(1)), joint.group(1)))
            fixed.append((b - len(joint.group(2)), b, joint.group(2)))
        hit.members = fixed
    for hit in out:  # 引进了包装、橡木桶、文旅等配套企业: kinds of firm, not firms
        if hit.kind == "Firm" and len(hit.members) >= 2 and all(_trade_word(item) for _a, _b, item in hit.members):
            hit.kind = "Chain"
    for hit in out:
        if hit.kind != "Chain":
            continue
        first = hit.members[0][0] if hit.members else 0
        before = _OPENED.search(text, max(0, first - 12), first) if text[first - 1:first] in "与和及" else None
        if before is not None:  # 涵盖A与B、C: _first_member_start cut A off as the other party of 与
            hit.members.insert(0, (before.start(1), before.end(1), before.group(1)))
        split = []
        for a, b, item in hit.members:
            pair = _COORDINATED.match(item)
            named = pair and re.search(r"《[^》]*" + re.escape(item) + r"[^》]*》", text)
            if pair is None or named or _chain_key(item) != item.lower():
                split.append((a, b, item))
                continue
            split.append((a, a + len(pair.group(1)), pair.group(1)))
            split.append((b - len(pair.group(2)), b, pair.group(2)))
        hit.members = split
    return out


def _trade_word(item: str) -> bool:
    """True when ``item`` (a list member) names a trade, not a firm: a chain of the
    lexicon (文旅), or common dictionary words opening on a noun or verb of two or more
    characters (包装, 橡木桶), with no proper name among them (金沙湾, 华美) and no
    one-character name glyphs first (隆达铝业, 恒舒家具).

    >>> [_trade_word(w) for w in ("包装", "橡木桶", "文旅", "金沙湾", "隆达铝业", "华美")]
    [True, True, True, False, False, False]
    """
    from chaingraph.extract.chinese import _ANY_CHAIN_ZH_RE
    from chaingraph.extract.words import _tags, plain

    if _ANY_CHAIN_ZH_RE.fullmatch(item):
        return True
    words = plain().words(item)
    tags = [_tags().get(w, "") for w in words]
    return len(words[0]) >= 2 and tags[0] in ("n", "vn", "v") and not any(t in ("nr", "ns", "nz", "nrt") for t in tags)


def joined_lists(text: str, sentences: list[Sentence]) -> list[ListHit]:
    """Return the Firm lists of unquoted names joined by 和/与/及/、 and closed by
    等…企业/制造商 (A和B等多家大型汽车制造商) whose members all look like names."""
    from chaingraph.extract.zh_firms import good_name

    out: list[ListHit] = []
    for index, sent in enumerate(sentences):
        for closing in _CLOSING.finditer(sent.text):
            end = closing.start()
            if end == 0 or not re.match(r"[\u4e00-\u9fffA-Za-z]", sent.text[end - 1]):
                continue
            clause_start = max(sent.text.rfind(ch, 0, end) for ch in "，,；;：:。！？“”「」") + 1
            body = sent.text[clause_start:end]
            parts = re.split(r"[、和与及]", body)
            if len(parts) < 2 or len(parts) > 12:
                continue
            members, pos = [], sent.start + clause_start
            for i, raw in enumerate(parts):
                start, item = pos, raw
                if i == 0:
                    cut = _first_member_start(raw)
                    start, item = pos + cut, raw[cut:]
                pos += len(raw) + 1
                members.append((start, start + len(item), item))
            if all(good_name(item) for _a, _b, item in members):
                out.append(ListHit("Firm", index, members[0][0], members))
    return out


# titles firms are awarded, quoted as often as names (“专精特新”“小巨人”等企业): a list of them is no list of firms
_DESIGNATION = re.compile(r"专精特新|小巨人|单项冠军|隐形冠军|瞪羚|独角兽|链主|老字号|品字标|[\u4e00-\u9fff]{2}制造$|"
                          r"工厂$|车间$|示范|标杆|领军|龙头|高新技术|上市|规上|民营|国有|外资|合资")


def quoted_lists(text: str, sentences: list[Sentence]) -> list[ListHit]:
    """Return the Firm lists of quoted names closed by 等…企业/商 in ``text``, not
    lists of the titles firms are awarded (“专精特新”“小巨人”)."""
    out: list[ListHit] = []
    for index, sent in enumerate(sentences):
        if "等" not in sent.text:
            continue
        for run in _QUOTED_RUN.finditer(sent.text):
            closing = _CLOSING.match(sent.text, run.end())
            if closing is None:
                continue
            members = [(sent.start + q.start(1), sent.start + q.end(1), q.group(1))
                       for q in re.finditer(_QUOTED, run.group(0))]
            members = [(a + run.start(), b + run.start(), t) for a, b, t in members]
            if members and not any(_DESIGNATION.search(t) for _a, _b, t in members):
                out.append(ListHit("Firm", index, sent.start + run.start(), members, None))
    return out


def zh_list_mentions(text: str, sentences: list[Sentence], lists: list[ListHit],
                     mentions: list[Mention]) -> list[Mention]:
    """Join listed short names to the full names holding them (in place) and return
    the Chain mentions of the trades closing firm lists (see :func:`trade_chains`)."""
    join_to_full_names(mentions)
    removed: list[tuple[int, int]] = []
    for hit in lists:  # a chain list's member read as a short firm name (no firm ending) is the chain
        if hit.kind != "Chain":
            continue
        for a, b, item in hit.members:
            exact = False
            for m in mentions:
                if m.start == a and m.end == b:
                    exact = True
                    # (not a short name the article declares for a firm: （以下简称“东风商用车”）)
                    if m.type == "Firm" and not _FIRM_ENDING.search(m.text) and not m.info.get("declared"):
                        m.type, m.key = "Chain", _chain_key(item)
            if exact:
                continue
            # a coordinated chain read whole (生物医药与大健康) gives way to its split members
            whole = [m for m in mentions if m.type == "Chain" and m.start <= a and b <= m.end
                     and re.search(r"[与和及]", m.text)]
            if whole or any(x <= a and b <= y for x, y in removed):
                removed += [(w.start, w.end) for w in whole]
                mentions[:] = [m for m in mentions if all(m is not w for w in whole)]
                mentions.append(Mention(a, b, item, "Chain", hit.sent, key=_chain_key(item), info={"list": True}))
    return trade_chains(text, sentences, lists, mentions)


def join_to_full_names(mentions: list[Mention]) -> None:
    """Give a listed Firm mention the key of the one longer firm mention of the
    article whose name holds it (“同乐” and 云南锡业同乐太阳能有限公司), in place."""
    full = [m for m in mentions if m.type == "Firm" and not m.info.get("list")]
    for m in mentions:
        if m.type != "Firm" or not m.info.get("list"):
            continue
        holders = {f.key or name_key(f.text) for f in full if m.text in f.text and len(f.text) > len(m.text) + 1}
        if len(holders) == 1:
            m.key = holders.pop()


def _closing_of(text: str, sent: Sentence, hit: ListHit):
    """The match of the words closing a list, or None."""
    return _CLOSING.match(text, hit.members[-1][1] + (1 if text[hit.members[-1][1]:hit.members[-1][1] + 1]
                                                      in "”」』\"" else 0), sent.end)


def list_context_relations(rel, text: str, sentences: list[Sentence], entities, lists: list[ListHit]) -> None:
    """Add to ``rel`` what the words closing or opening each Firm list of ``lists``
    state for all its members (see the module docstring)."""
    owner = {}
    for e in entities:
        for m in e.mentions:
            owner[(m.start, m.end)] = e
    chains = {e.name: e for e in entities if e.type == "Chain"}
    for e in entities:
        if e.type == "Chain":
            for a in e.aliases:
                chains.setdefault(a, e)
    event = next((e for e in entities if e.type == "Event"), None)
    for hit in lists:
        if hit.kind == "Chain":
            _subject_chains(rel, sentences[hit.sent], hit, owner, entities)
        if hit.kind != "Firm":
            continue
        members = []
        for a, b, _t in hit.members:
            e = owner.get((a, b))
            if e is not None and e.type == "Firm" and e not in members:
                members.append(e)
        if not members:
            continue
        sent = sentences[hit.sent]
        in_sent = [(m, e) for e in entities for m in e.mentions if m.sent == hit.sent]
        closing = _closing_of(text, sent, hit)
        targets = []
        if closing is not None:
            words = closing.group(1)
            start = closing.start(1)
            came = _FROM.search(words)
            if came:
                targets = [e for m, e in in_sent if start + came.start(1) <= m.start and m.end <= start + came.end(1)
                           and e.type in ("City", "Province", "Cluster")]
            trade = _ADJECTIVES.sub("", words[came.end():] if came else words)
            kind = closing.group(2)
            stem = trade + (kind[:-1] if len(kind) == 3 and kind.endswith("商") and kind not in (
                "供应商", "生产商", "制造商", "贸易商", "经销商") else "")
            chain = chains.get(stem) if stem else None
            if chain is not None:
                for member in members:
                    rel.add("BELONGS_TO", member, chain, hit.sent, "the trade closing its list")
        if not targets:
            start = sent.start
            if not text[sent.start:hit.start].strip("“「\"") and hit.sent > 0 and \
                    not re.search(r"[。！？!?；;]\s*$", sentences[hit.sent - 1].text):
                start = sentences[hit.sent - 1].start  # a line broken before the list (……共有\n“A”、“B”等)
                in_sent += [(m, e) for e in entities for m in e.mentions if m.sent == hit.sent - 1]
            opening = text[start:hit.start].rstrip()
            mark = _PLACE_BEFORE.search(opening)
            if mark:
                at = start + mark.start()
                targets = [e for m, e in in_sent if m.end == at and e.type in ("City", "Province", "Cluster")]
        for target in targets[-1:]:
            # the firms of a list with its own place are not the firms of a park the sentence names
            for r in [r for r in rel.items if r.type == "BELONGS_TO" and r.note == "listed among the park's firms"
                      and r.tail != target.id and any(r.head == m.id for m in members)]:
                rel.remove(r)
            for member in members:
                if target.type == "Cluster":
                    rel.add("BELONGS_TO", member, target, hit.sent, "the park its list comes from")
                else:
                    rel.add("LOCATED_IN", member, target, hit.sent, "the place its list comes from")
        if event is not None and (any(e is event for _m, e in in_sent) or _SCENE.match(sent.text)
                                  or _AT_THE_EVENT.search(sent.text)
                                  or _after_event_sentence(text, sentences, hit.sent, event)):
            for member in members:
                rel.add("PARTICIPATED_IN", member, event, hit.sent, "listed at the event")


_TAKING_PART = re.compile(r"对接|洽谈|参展|参会|参加|参与|签约|展示|亮相|交流")


def _after_event_sentence(text: str, sentences: list[Sentence], index: int, event) -> bool:
    """True when sentence ``index`` tells of taking part (对接, 洽谈, 参展 …) right after
    a sentence of the same paragraph that names the event."""
    if index == 0 or not _TAKING_PART.search(sentences[index].text):
        return False
    before = sentences[index - 1]
    same_paragraph = "\n" not in text[before.end:sentences[index].start]
    return same_paragraph and any(m.sent == index - 1 for m in event.mentions)


def _subject_chains(rel, sent: Sentence, hit: ListHit, owner, entities) -> None:
    """An alliance or park that is the subject of a sentence listing chains (联盟将分A产业、
    B产业…建立产业链) belongs to each of them."""
    subject = None
    for e in entities:
        for m in e.mentions:
            if m.sent == hit.sent and m.end <= hit.start and e.type in ("Firm", "Agency", "Alliance", "Cluster") \
                    and not m.nested_in and (subject is None or m.start < subject[0].start):
                subject = (m, e)
    if subject is None or subject[1].type not in ("Alliance", "Cluster") or \
            re.search(r"[，,；;]", sent.text[subject[0].end - sent.start:hit.start - sent.start]):
        return
    for a, b, _t in hit.members:
        chain = owner.get((a, b))
        if chain is not None and chain.type == "Chain":
            rel.add("BELONGS_TO", subject[1], chain, hit.sent, "the chains its sentence lists for it")


# words before 企业/商 that say what firms do for others or how they stand, not their trade
_NOT_A_TRADE = re.compile(r"外贸|贸易|出口|进口|科技|高新|民营|国有|外资|中小|上市|参展|参会|签约|入驻|配套|服务|合作|会员|成员|"
                          r"采购|供应|生产|制造|经销|代理|零售|批发")


def trade_chains(text: str, sentences: list[Sentence], lists: list[ListHit], mentions: list[Mention]) -> list[Mention]:
    """Return Chain mentions for the trade closing a firm list (面料 of 等…面料商) when
    the article names the trade a second time as one (面料企业, 面料产业), and no
    mention covers it yet."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for hit in lists:
        if hit.kind != "Firm":
            continue
        sent = sentences[hit.sent]
        closing = _closing_of(text, sent, hit)
        if closing is None:
            continue
        words = closing.group(1)
        came = _FROM.search(words)
        rest = words[came.end():] if came else words
        trade = _ADJECTIVES.sub("", rest)
        kind = closing.group(2)
        if trade or not (len(kind) == 3 and kind.endswith("商")):
            stem, start = trade, closing.start(1) + len(words) - len(trade)
        else:
            stem, start = kind[:-1], closing.start(2)
        if not (2 <= len(stem) <= 5) or not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or _NOT_A_TRADE.search(stem):
            continue
        again = [m for m in re.finditer(re.escape(stem) + r"(?=企业|产业|行业|商|品牌|厂家)", text) if m.start() != start]
        if not again or any(x < start + len(stem) and start < y for x, y in taken):
            continue
        out.append(Mention(start, start + len(stem), stem, "Chain", hit.sent, key=_chain_key(stem), info={"trade": True}))
        taken.append((start, start + len(stem)))
    return out
