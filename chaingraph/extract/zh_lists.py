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

from chaingraph.extract.lists import ListHit, _chain_key
from chaingraph.extract.result import Mention, Sentence
from chaingraph.identity import name_key

_QUOTED = r"[“「『\"]([\u4e00-\u9fffA-Za-z0-9·]{2,12})[”」』\"]"
_QUOTED_RUN = re.compile(rf"(?:{_QUOTED}[、，,和及与]?){{1,30}}")
# what closes a firm list: 等 (a count) (up to 18 characters) a kind of firm
_CLOSING = re.compile(r"等(?:[\d一二三四五六七八九十百千多余几近约]+(?:家|个))?([^，。；：！？]{0,18}?)"
                      r"(企业|公司|厂商|厂家|品牌|供应商|生产商|制造商|贸易商|经销商|[\u4e00-\u9fff]{2}商)(?=[^\u4e00-\u9fff]|$|与|和|及|展开|参加|参与|进行|上榜|入选|签)")
_ADJECTIVES = re.compile(r"^(?:[\u4e00-\u9fff]*?的)?(?:优质|优秀|知名|重点|骨干|龙头|大型|中小|规上|规模以上|本地|当地|省内|国内|"
                         r"海外|境外|外地|相关|主要|特色|品牌|[一二三四五六七八九十\d]+家)*")
_FROM = re.compile(r"来自(.{2,14}?)的")
_PLACE_BEFORE = re.compile(r"(?:当地|本地)?(?:的|共有|有|拥有|现有)$")
_SCENE = re.compile(r"^[^，。；]{0,8}?(?:会上|现场|活动中|活动期间|会议期间|期间)")


def quoted_lists(text: str, sentences: list[Sentence]) -> list[ListHit]:
    """Return the Firm lists of quoted names closed by 等…企业/商 in ``text``."""
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
            if members:
                out.append(ListHit("Firm", index, sent.start + run.start(), members, None))
    return out


def zh_list_mentions(text: str, sentences: list[Sentence], lists: list[ListHit],
                     mentions: list[Mention]) -> list[Mention]:
    """Join listed short names to the full names holding them (in place) and return
    the Chain mentions of the trades closing firm lists (see :func:`trade_chains`)."""
    join_to_full_names(mentions)
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
            opening = text[sent.start:hit.start]
            mark = _PLACE_BEFORE.search(opening)
            if mark:
                at = sent.start + mark.start()
                targets = [e for m, e in in_sent if m.end == at and e.type in ("City", "Province", "Cluster")]
        for target in targets[-1:]:
            for member in members:
                if target.type == "Cluster":
                    rel.add("BELONGS_TO", member, target, hit.sent, "the park its list comes from")
                else:
                    rel.add("LOCATED_IN", member, target, hit.sent, "the place its list comes from")
        if event is not None and (any(e is event for _m, e in in_sent) or _SCENE.match(sent.text)):
            for member in members:
                rel.add("PARTICIPATED_IN", member, event, hit.sent, "listed at the event")


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
        if not (2 <= len(stem) <= 5) or not re.fullmatch(r"[\u4e00-\u9fff]+", stem):
            continue
        again = [m for m in re.finditer(re.escape(stem) + r"(?=企业|产业|行业|商|品牌|厂家)", text) if m.start() != start]
        if not again or any(x < start + len(stem) and start < y for x, y in taken):
            continue
        out.append(Mention(start, start + len(stem), stem, "Chain", hit.sent, key=_chain_key(stem), info={"trade": True}))
        taken.append((start, start + len(stem)))
    return out
