"""Chinese relations read across clauses, in the common forms the one-clause
patterns of :mod:`chaingraph.extract.relations` miss:

- signing whose subject is the sentence's, not the clause's
  (A……，同时宣布已与B签订采购协议: A SIGNED_WITH B, and B SUPPLIES A for a purchase
  agreement, A SUPPLIES B for a supply agreement);
- reselling and delivering to a firm (由A从境外采购，再转售给B: A SUPPLIES B);
- a supplier named as such (A是B的一级供应商: A SUPPLIES B);
- a firm of a park or place (位于C产业集聚区内的X, C经开区内的X, C市的X: X BELONGS_TO the
  park and is LOCATED_IN the place in the park's name, or LOCATED_IN the place; 长汀县福建X公司,
  a county right before a name that opens on a province: X LOCATED_IN the county);
- a firm of "the park" (园区内的X, 园区企业X) in an article naming one park: X BELONGS_TO it;
- an event held by 我省/我市 or a place (我省举办X: X LOCATED_IN the article's province);
- a firm that 落户/建厂 with no place named is in the article's city;
- a firm placed in a county or city is not also placed in that place's province.
"""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.lists import ZH_LIST_GAP, listed_run
from chaingraph.extract.places import province_at
from chaingraph.extract.result import Entity, Mention, Sentence
from chaingraph.extract.zh_projects import project_relations
from chaingraph.extract.zh_agencies import unplace_foreign
from chaingraph.extract.zh_clusters import cluster_relations
from chaingraph.extract.zh_signing import agreement_kind, signing_relations, subject_supplies
from chaingraph.extract.zh_supplies import supplier_after_customer

_SIGN_WITH = re.compile(r"(?:已|将|正式|还|也|并|同时)?(?:与|和|同)$")
_SIGN_VERB = re.compile(r"(?:正式|成功|现场)?(?:签订|签署|签约(?!仪式|大会|活动|现场)|达成|签下)(?:了)?([^，。；]{0,20})")
_RESELL = re.compile(r"(?:转售|销售|出售|卖|供应|供货|提供|交付|交货|配送|出口)给$")
# the signing verb a few words after the other side (与B在会上签订…)
_SIGN_VERB_NEAR = re.compile(r"[^，。；]{0,8}?(?:签订|签署|签约(?!仪式|大会|活动|现场))(?:了)?([^，。；]{0,20})")
_AT = re.compile(r"位于$")
_HELD_BY_HOME = re.compile(r"(我省|本省|全省|我市|本市|全市)[^，。；]{0,6}(?:举办|召开|举行|主办)(?:了)?$")
_HELD_BY = re.compile(r"(?:举办|召开|举行|主办)(?:了)?$")


def zh_relations(rel, text: str, sentences: list[Sentence], entities: list[Entity],
                 per_sent: dict[int, list[tuple[Mention, Entity]]]) -> None:
    """Add to ``rel`` (a :class:`~chaingraph.extract.relations.Relations`) the
    relations of the module docstring, read from ``text``, its ``sentences``, the
    ``entities`` and ``per_sent`` (sentence index → its (mention, entity) pairs in
    order of start)."""
    for index, items in per_sent.items():
        sent = sentences[index]
        orgs = [(m, e) for m, e in items if e.type in ("Firm", "Agency") and not m.nested_in]
        for m, e in orgs:
            before = text[max(sent.start, m.start - 6):m.start]
            if _SIGN_WITH.search(before):
                _sign(rel, text, index, m, e, orgs, before)
            if _RESELL.search(text[max(sent.start, m.start - 6):m.start]) and e.type == "Firm":
                suppliers = [(om, oe) for om, oe in orgs if om.end <= m.start and oe.type == "Firm" and oe is not e]
                by = [(om, oe) for om, oe in suppliers if text[om.start - 1:om.start] == "由"]
                pick = (by or suppliers)[-1:] if suppliers else []
                for _om, oe in pick:
                    rel.add("SUPPLIES", oe, e, index, "resold or delivered to it")
        _located_at(rel, text, sent, index, items)
        _headquartered(rel, text, sent, index, items)
        _supplier_of(rel, text, index, orgs)
    signing_relations(rel, text, sentences, per_sent)
    project_relations(rel, text, sentences, entities, per_sent)
    supplier_after_customer(rel, text, sentences, per_sent)
    cluster_relations(rel, text, entities)
    unplace_foreign(rel, entities)
    _event_home(rel, text, sentences, entities, per_sent)
    _settled_here(rel, text, sentences, entities, per_sent)
    _in_the_park(rel, text, entities, per_sent)
    _in_the_zone_named_before(rel, text, per_sent)
    _builds_there(rel, text, sentences, per_sent)
    _counted_signers(rel, text, per_sent)


# 两家企业当天也分别与C签订了…协议: each firm of the list just before signed with C
_COUNTED_SIGNERS = re.compile(r"(?:这|上述|以上)?([两三四五六七八九十]|\d+)家(?:企业|公司)[^，。；]{0,6}?(?:与|和|同)$")
_COUNT = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _counted_signers(rel, text: str, per_sent) -> None:
    """In 两家企业…分别与C签订… each of the firms the sentence listed just before (as many
    as counted) is SIGNED_WITH C."""
    for index, items in per_sent.items():
        orgs = [(m, e) for m, e in items if e.type in ("Firm", "Agency") and not m.nested_in]
        for i, (m, e) in enumerate(orgs):
            cue = _COUNTED_SIGNERS.search(text, max(0, m.start - 16), m.start)
            if cue is None or not _SIGN_VERB_NEAR.match(text, m.end):
                continue
            count = _COUNT.get(cue.group(1)) or int(cue.group(1))
            listed = listed_run(text, [(fm, fe) for fm, fe in orgs[:i] if fe.type == "Firm"][-count:], ZH_LIST_GAP)
            if len(listed) == count:
                for _fm, firm in listed:
                    rel.add("SIGNED_WITH", firm, e, index, "each of the firms counted")


# 在C建设了…基地, 还在C建有…工厂: a facility the sentence's firm has in C
_BUILDS_IN = re.compile(r"(?:建设|建有|建成|新建|投资建设|设立|设有|布局)(?:了)?[^，。；]{0,14}?"
                        r"(?:基地|工厂|厂区|分厂|生产线|车间)")
_IT = re.compile(r"该厂|该公司|该企业|该集团|其")


def _builds_there(rel, text: str, sentences, per_sent) -> None:
    """X在C建设了…基地 (or 该厂/其 … after a sentence about X): X is LOCATED_IN C, as
    GOLD_FORMAT has it for a firm's plants and bases."""
    last_firm = None  # the first firm of the last sentence that named one: what 该厂 points to
    for index in range(len(sentences)):
        items = per_sent.get(index, [])
        firms = [(m, e) for m, e in items if e.type == "Firm" and not m.nested_in]
        for m, e in items:
            if e.type not in ("City", "Province") or text[m.start - 1:m.start] != "在" \
                    or not _BUILDS_IN.match(text, m.end):
                continue
            before = [fe for fm, fe in firms if fm.end <= m.start]
            lead = text[sentences[index].start:m.start]
            owner = before[0] if before else (last_firm if _IT.search(lead) else None)
            if owner is not None:
                rel.add("LOCATED_IN", owner, e, index, "its plant or base there")
        if firms:
            last_firm = firms[0][1]


# 园区内的X, 另一家园区企业X: a firm of "the park" the article is about
_OF_THE_PARK = re.compile(r"(?:园区|园)(?:内|里)?的$|园区(?:内|里)?(?:企业|龙头)$")
# X是园区龙头企业之一, X为园区内的骨干企业: the firm said to be one of the park's
# X也在园区内, X同样落户园区: the firm is in it
_IS_OF_THE_PARK = re.compile(r"(?:是|为|系)(?:园区|园内)(?:内|里)?的?[\u4e00-\u9fff]{0,6}?(?:企业|龙头)|"
                             r"(?:也|均|都|同样|已)?(?:在|位于|落户|入驻|进驻)(?:园区|园)(?:内|里)?(?![\u4e00-\u9fff]{0,2}的)")
# A、B等企业也在园区内…, A、B等12家企业入驻园区: the listed firms are in it
_LISTED_IN_THE_PARK = re.compile(r"等?(?:\d+家)?[\u4e00-\u9fff]{0,4}?企业(?:也|均|都|已|相继|先后)?"
                                 r"(?:在|入驻|落户|进驻|扎根)(?:园区|园内)")
# the names a park (not a cluster of firms) ends in, which its article calls 园区
_PARK_ENDS = ("园", "园区", "开发区", "高新区", "经开区", "示范区", "集中区", "工业区")


def _in_the_park(rel, text: str, entities: list[Entity], per_sent) -> None:
    """A firm written after 园区内的 or 园区企业, or said to be one of the park's
    (X是园区龙头企业之一), and the firms listed with it, belong to the article's park,
    when the article names exactly one park (a cluster whose name ends in 园, 园区,
    开发区, 高新区 and the like); so do the firms of a list said to be in the park
    (A、B等企业也在园区内)."""
    parks = [e for e in entities if e.type == "Cluster" and e.name.endswith(_PARK_ENDS)]
    if len(parks) > 1:  # the park the article is about: named most often, and more than any other
        counts = sorted((len(e.mentions) for e in parks), reverse=True)
        if counts[0] >= 3 and counts[0] > counts[1]:
            parks = [max(parks, key=lambda e: len(e.mentions))]
    if len(parks) != 1:
        return
    for index, items in per_sent.items():
        firms = [(m, e) for m, e in items if e.type == "Firm" and not m.nested_in]
        for i, (m, e) in enumerate(firms):
            run = listed_run(text, firms[i:], ZH_LIST_GAP)
            if _LISTED_IN_THE_PARK.match(text, run[-1][0].end):
                for _m, member in run:
                    rel.add("BELONGS_TO", member, parks[0], index, "listed as firms in the park")
            if not (_OF_THE_PARK.search(text, max(0, m.start - 6), m.start) or _IS_OF_THE_PARK.match(text, m.end)):
                continue
            rel.add("BELONGS_TO", e, parks[0], index, "a firm of the park")
            for _m, also in run[1:]:  # 园区内的A、B等企业: each of the list
                rel.add("BELONGS_TO", also, parks[0], index, "a firm of the park")


# C工业区已形成…：区内的X: "in the zone" points back to the park the sentence named
_IN_THE_ZONE = re.compile(r"(?:区|园)(?:内|里)的$")


def _in_the_zone_named_before(rel, text: str, per_sent) -> None:
    """A firm written after 区内的 or 园内的, and the firms listed with it, belong to the
    last park or cluster named before it in the same sentence (C工业区已形成闭环产业链：
    区内的X…), whatever other parks the article names."""
    for index, items in per_sent.items():
        if not any(e.type == "Cluster" for _m, e in items):
            continue
        firms = [(m, e) for m, e in items if e.type == "Firm" and not m.nested_in]
        for i, (m, e) in enumerate(firms):
            if not _IN_THE_ZONE.search(text, max(0, m.start - 3), m.start):
                continue
            park = next((pe for pm, pe in reversed(items) if pe.type == "Cluster" and pm.end <= m.start), None)
            if park is None:
                continue
            for _m, member in listed_run(text, firms[i:], ZH_LIST_GAP):
                rel.add("BELONGS_TO", member, park, index, "a firm in the zone named before it")


def _sign(rel, text: str, index: int, m: Mention, e: Entity, orgs, before: str) -> None:
    """A与B签订…: the subject is the clause's organisation before 与, else the
    sentence's first organisation."""
    after = _SIGN_VERB.match(text, m.end)
    if after is None:
        after = _SIGN_VERB_NEAR.match(text, m.end, m.end + 40)
        if after is None:
            return
    joint = m.start - len(_SIGN_WITH.search(before).group(0))
    clause_start = max(text.rfind(ch, 0, joint) for ch in "，,；;。\n") + 1
    subject = next(((om, oe) for om, oe in reversed(orgs) if clause_start <= om.start and om.end <= joint
                    and oe is not e), None)
    if subject is None:
        subject = next(((om, oe) for om, oe in orgs if om.end <= joint and oe is not e), None)
    if subject is None:
        return
    signers = [subject]
    for om, oe in reversed(orgs):  # A、县里的B等粮贸企业与C签订: every member of the subject's list signs
        if om.end <= signers[-1][0].start and oe is not e and oe.type == subject[1].type \
                and _SIGNER_JOINED.fullmatch(text, om.end, signers[-1][0].start):
            signers.append((om, oe))
    what = after.group(1)
    delivers = subject_supplies(text[after.end():after.end() + 60], e)
    for _m, a in signers:
        rel.add("SIGNED_WITH", a, e, index)
        if a.type == e.type == "Firm":
            if delivers:
                rel.add("SUPPLIES", a, e, index, "it delivers to the other side")
            elif lx.JOINT_PURCHASE_RE.search(what):
                pass
            elif agreement_kind(what, text[after.end():after.end() + 16]) == "purchase":
                rel.add("SUPPLIES", e, a, index, "the other side of a purchase agreement")
            elif agreement_kind(what) == "supply":
                rel.add("SUPPLIES", a, e, index, "a supply agreement")


# between two members of a list of signers: a mark, and perhaps where the next one is (、开鲁县的)
_SIGNER_JOINED = re.compile(r"(?:、|和|及|以及)(?:[^，。；、的]{2,10}的)?")


# …是(国内某知名运动品牌)B的: the customer may come after a word for what it is
_SUPPLIER_IS = re.compile(r"^(?:则|也|还|已|一直|长期)?(?:是|系|为|作为|成为)"
                          r"(?:[^，。；的]{0,10}?(?:品牌|企业|车企|厂商|厂家|集团|公司|客户))?$")
# a maker producing under the customer's brand (代工厂, 贴牌厂) supplies it as much as a 供应商
_SUPPLIER_WORD = re.compile(r"的?(?:[^，。；的]{0,6}?(?<![不非]))(?:一级|二级|核心|主要|重要|独家|长期|优质|战略|指定)?"
                            r"(?:供应商|供货商|配套商|配套企业|代工厂|代工企业|代工商|贴牌厂|贴牌生产商|OEM厂商?)")


def _supplier_of(rel, text: str, index: int, orgs) -> None:
    """A是B的(一级)供应商, A是B、C等饲料企业的供应商: A SUPPLIES B (and C)."""
    firms = [(m, e) for m, e in orgs if e.type == "Firm"]
    for i, ((m1, a), (m2, _b)) in enumerate(zip(firms, firms[1:])):
        if not _SUPPLIER_IS.match(text[m1.end:m2.start]):
            continue
        customers = [firms[i + 1]]
        for m, e in firms[i + 2:]:  # B、C和D: every member of the list
            if not _CUSTOMER_JOINED.fullmatch(text, customers[-1][0].end, m.start):
                break
            customers.append((m, e))
        end = customers[-1][0].end
        kind = _LIST_KIND.match(text, end) if len(customers) > 1 else None
        if _SUPPLIER_WORD.match(text, kind.end() if kind else end):
            for _m, b in customers:
                rel.add("SUPPLIES", a, b, index, "named its supplier")


_CUSTOMER_JOINED = re.compile(r"、|和|及|以及|与")
# 等饲料企业: the kind of firm that closes a list of customers
_LIST_KIND = re.compile(r"等[^，。；的]{0,8}?(?:企业|公司|厂商|车企|品牌|集团)")


# X…总部位于C, X总部设在C: where the firm named before it has its head office; X是…企业，位于C:
# a clause that opens on 位于 speaks of the sentence's subject
_HEAD_OFFICE = re.compile(r"总部(?:位于|设在|设于|在)|(?<=[，,])位于")


def _headquartered(rel, text: str, sent: Sentence, index: int, items) -> None:
    """X（是…企业，）总部位于C(D区): the last firm named before 总部 in the sentence is
    located in the place (the last of the places written together, the nearest); X是…，
    位于C: the sentence's first firm is."""
    for cue in _HEAD_OFFICE.finditer(sent.text):
        at, end = sent.start + cue.start(), sent.start + cue.end()
        before = [e for m, e in items if e.type == "Firm" and m.end <= at and not m.nested_in]
        firm = (before[-1] if cue.group(0).startswith("总部") else before[0]) if before else None
        places = [(m, e) for m, e in items if e.type in ("City", "Province") and m.start >= end]
        if firm is None or not places or places[0][0].start != end:
            continue
        rel.add("LOCATED_IN", firm, places[nearest_written_together(places, 0)][1], index, "its head office there")


def nearest_written_together(places, i: int) -> int:
    """The index in ``places`` ((mention, entity) pairs in order of start) of the last
    place written right after ``places[i]`` with nothing between, the nearest one: in
    肇庆市端州区 the district. ``i`` itself when the next place does not follow at once.

    >>> m = lambda a, b: (Mention(a, b, "", "City", 0), None)
    >>> nearest_written_together([m(0, 3), m(3, 6), m(8, 10)], 0)
    1
    """
    while i + 1 < len(places) and places[i + 1][0].start == places[i][0].end:
        i += 1
    return i


def _located_at(rel, text: str, sent: Sentence, index: int, items) -> None:
    """(位于)C(内)的X: X in the park or place C."""
    for i, (m, e) in enumerate(items):
        if e.type not in ("Cluster", "City") or m.nested_in:
            continue
        at = bool(_AT.search(text, max(sent.start, m.start - 2), m.start))
        tail = re.match(r"(?:内|中|境内|园内|区内|里)?的" if at or e.type == "Cluster" else r"的", text[m.end:m.end + 4])
        nxt = next(((om, oe) for om, oe in items[i + 1:] if om.start >= m.end), None)
        if tail is None and e.type == "City" and nxt is not None and nxt[0].start == m.end \
                and nxt[1].type == "Firm" and province_at(nxt[0].text):
            rel.add("LOCATED_IN", nxt[1], e, index, "the place written before its name")  # 长汀县福建汀江…公司
            continue
        if tail is None or nxt is None or nxt[0].start != m.end + tail.end() \
                or nxt[1].type not in ("Firm", "Cluster", "Agency"):
            continue
        firm = nxt[1]
        if e.type == "Cluster":
            if firm.type == "Firm":
                rel.add("BELONGS_TO", firm, e, index, "in the park")
            places = [p for p in m.info.get("places", []) if p.type == "City"]
            for p in places[-1:]:
                target = next((oe for om, oe in items if om is p), None)
                if target is not None:
                    rel.add("LOCATED_IN", firm, target, index, "in a park of this place")
        else:
            rel.add("LOCATED_IN", firm, e, index)


def _event_home(rel, text: str, sentences, entities: list[Entity], per_sent) -> None:
    """An event with no place yet, held by 我省/我市 or by a place named before 举办."""
    event = next((e for e in entities if e.type == "Event"), None)
    if event is None or rel.from_head("LOCATED_IN", event.id):
        return
    provinces = [e for e in entities if e.type == "Province"]
    cities = [e for e in entities if e.type == "City" and e.province]
    home = {"省": max(provinces, key=lambda p: len(p.mentions), default=None),
            "市": max(cities, key=lambda p: len(p.mentions), default=None)}
    for m in event.mentions:
        if m.sent < 0:
            continue
        sent = sentences[m.sent]
        before = text[max(sent.start, m.start - 16):m.start]
        by_home = _HELD_BY_HOME.search(before)
        if by_home and home[by_home.group(1)[-1]] is not None:
            rel.add("LOCATED_IN", event, home[by_home.group(1)[-1]], m.sent, "held by the article's place")
            return
        held = _HELD_BY.search(before)
        if held:
            verb_at = m.start - len(before) + held.start()
            place = next((oe for om, oe in per_sent.get(m.sent, []) if om.end == verb_at
                          and oe.type in ("City", "Province") and not om.nested_in), None)
            if place is not None:
                rel.add("LOCATED_IN", event, place, m.sent, "held by this place")
                return


_SETTLED = re.compile(r"^[^，。；]{0,6}?(?:落户|建厂|扎根|安家|投资建厂)(?:[。；，！]|$)")


def _settled_here(rel, text: str, sentences, entities: list[Entity], per_sent) -> None:
    """A firm that 落户/建厂 with no place named is in the article's city: the city
    named most often, when one of the first three sentences names it."""
    cities = [e for e in entities if e.type == "City" and e.province and not e.props.get("members")]
    if not cities:
        return
    home = max(cities, key=lambda c: (len(c.mentions), -min(m.start for m in c.mentions)))
    if not any(0 <= m.sent < 3 for m in home.mentions):
        return
    for index, items in per_sent.items():
        for m, e in items:
            if e.type == "Firm" and not m.nested_in and _SETTLED.match(text[m.end:m.end + 16]) \
                    and not rel.from_head("LOCATED_IN", e.id):
                rel.add("LOCATED_IN", e, home, index, "settled in the article's city")


def prune_zh(items: list, entities: list[Entity]) -> list:
    """Return ``items`` (relations) finished for a Chinese article: a firm with no
    chain of its own belongs to the article's chain when the article names only one;
    no firm X LOCATED_IN a province when X is also LOCATED_IN a city or county of that
    province (a body or alliance named for its province keeps it)."""
    from chaingraph.extract.result import Relation

    chains = [e for e in entities if e.type == "Chain"]
    if len(chains) == 1:
        with_chain = {r.head for r in items if r.type == "BELONGS_TO" and r.tail == chains[0].id}
        items = items + [Relation("BELONGS_TO", e.id, chains[0].id, None, "the article's only chain")
                         for e in entities if e.type == "Firm" and e.id not in with_chain]
    by_id = {e.id: e for e in entities}
    province_key = {e.id: e.mentions[0].key for e in entities if e.type == "Province" and e.mentions}
    placed: dict[str, set[str]] = {}
    for r in items:
        tail = by_id.get(r.tail)
        if r.type == "LOCATED_IN" and tail is not None and tail.type == "City" and tail.province:
            placed.setdefault(r.head, set()).add(tail.province)
    return [r for r in items if not (r.type == "LOCATED_IN" and r.tail in province_key
                                     and by_id.get(r.head) is not None and by_id[r.head].type == "Firm"
                                     and province_key[r.tail] in placed.get(r.head, ()))]
