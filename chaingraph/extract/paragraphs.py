"""Relations a paragraph states as a whole, in either language: a paragraph about
one park or zone and the chain it builds ("the county is building a textile
cluster … firms in the county's industrial zone …", 该县积极打造纺织服装产业集群)
puts the park in that chain, and the firms it places in the park too; 上述企业均为X的骨干企业
puts the firms the paragraph named before in X; 位于X(内)的Y
places Y in the park or place X; the firms signing deals in a paragraph that tells of
signings at the event took part in it.

>>> from chaingraph.extract.pipeline import extract_article
>>> from chaingraph.extract.reader import Article
>>> x = extract_article(Article("a.txt", "标题\\n\\n位于太康县产业集聚区的海盟织造有限公司正在生产。该县积极打造纺织服装产业集群。"))
>>> n = {e.id: e.name for e in x.entities}
>>> sorted((str(r.type), n[r.head], n[r.tail]) for r in x.relations if r.type == "BELONGS_TO")[:2]
[('BELONGS_TO', '太康县产业集聚区', '纺织服装'), ('BELONGS_TO', '海盟织造有限公司', '太康县产业集聚区')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from chaingraph.extract.result import Entity, Mention, Sentence

_LOCATED_ZH = re.compile(r"位于$|地处$|坐落于$|落户$|落户于$|入驻$")
_INSIDE_ZH = re.compile(r"(?:内|里|中)?的")


def paragraph_relations(rel, text: str, sentences: list[Sentence], entities: list[Entity]) -> None:
    """Add to ``rel`` what each paragraph of ``text`` states (see the module docstring)."""
    mentions: list[tuple[Mention, Entity]] = sorted(
        ((m, e) for e in entities for m in e.mentions if m.sent >= 0), key=lambda me: (me[0].start, -me[0].end))
    _located_of(rel, text, mentions)
    _the_firms_above(rel, text, sentences, mentions)
    chain_ids = {e.id for e in entities if e.type == "Chain"}
    for start, end in paragraph_spans(text):
        inside = [(m, e) for m, e in mentions if start <= m.start < end]
        clusters = {e.id: e for m, e in inside if e.type == "Cluster" and not m.nested_in}
        if len(clusters) != 1:
            continue
        cluster = next(iter(clusters.values()))
        if any(r.tail in chain_ids for r in rel.from_head("BELONGS_TO", cluster.id)):
            continue
        chains = {e.id: (m, e) for m, e in inside if e.type == "Chain" and not m.nested_in}
        if not 1 <= len(chains) <= 2:
            continue
        for m, chain in chains.values():
            rel.add("BELONGS_TO", cluster, chain, m.sent, "the park and the chain of one paragraph")
        # its firms take the chain later, as firms of a park of this chain (relations.py)


_SCENE_EN = re.compile(r"\b(?:at the (?:signing |opening |closing )?(?:meeting|conference|forum|event|ceremony|fair|expo|"
                       r"summit|session|exhibition)|"
                       r"on the spot|on[ -]site|on the (?:opening |first |closing |last |same )?day|"
                       r"during the (?:meeting|conference|forum|event|fair|expo)|"
                       # "Other signings included:" and the deals below
                       r"signings (?:included|include|were)|"
                       # "The signed agreements include:" and the deals below
                       r"the signed (?:deals|projects|agreements|contracts) (?:included|include|are|were)|"
                       # "Among the signed deals, A signed …": the deals of the event, told one by one
                       r"(?:among|of) the (?:signed (?:deals|projects|agreements|contracts)|"
                       r"(?:deals|projects|agreements|contracts) signed))\b", re.IGNORECASE)
# 最终签订合作协议28项, 共签约项目15个: a count of the deals signed at the event, told one by one below
_SCENE_ZH = re.compile(r"会上|现场|活动中|仪式上|活动期间|会议期间|[会展节周]期间|签约环节|对接环节|"
                       r"签订[^，。；]{0,8}?(?:协议|合同)\d+[项个份]|签约(?:项目)?\d+[项个]")
_SIGNING = re.compile(r"\bsign|签约|签订|签署")
# a supply told as a deal: signed, or to come (will supply, become a supplier, 将, 成为)
_DEAL = re.compile(r"\bsign|\bwill\b|\bbecome\b|\bbecame\b|签约|签订|签署|将|成为", re.IGNORECASE)
_CEREMONY = re.compile(r"signing (?:ceremony|conference)|签约(?:仪式|大会)", re.IGNORECASE)


def signers_at_the_scene(rel, text: str, sentences: list[Sentence], entities: list[Entity],
                         event: Entity | None) -> None:
    """The firms that sign deals in a paragraph telling of signings at the event ("At
    the meeting, 21 projects were signed on the spot. Among them, A signed … with B";
    会上，…现场签约) took part in ``event``: from the sentence with that cue to the
    paragraph's end, the firm parties of SIGNED_WITH and SUPPLIES in ``rel`` get
    PARTICIPATED_IN, organisers excepted."""
    if event is None or not _SIGNING.search(text):
        return
    starts = [s.start for s in sentences]
    # the sentences holding a scene word, found in one pass over the text
    scenes = sorted({bisect_right(starts, m.start()) - 1 for regex in (_SCENE_EN, _SCENE_ZH)
                     for m in regex.finditer(text)} - {-1})
    cues = [i for i in scenes if not sentences[i].title and _SIGNING.search(sentences[i].text)]
    signing_cues = set(cues)
    # "the meeting offered …" opening a paragraph whose later sentences sign: they sign at it
    head = re.findall(r"\b(meeting|conference|forum|fair|expo|summit|ceremony|event)s?\b", event.name, re.IGNORECASE)
    if head:
        refer = re.compile(rf"\b[Tt]he {head[-1].lower()}\b|\bsignatories\b")
        cues = sorted(set(cues) | {i for i, sent in enumerate(sentences) if not sent.title and refer.search(sent.text)})
    organisers = {r.head for r in rel.items if r.type == "ORGANIZED" and r.tail == event.id}
    parties = {e.id: e for e in entities if e.type in ("Firm", "Agency")}  # who can sign
    named = min((m.sent for m in event.mentions if m.sent >= 0 and not sentences[m.sent].title), default=None)
    if named is not None and _CEREMONY.search(event.name):
        # a signing ceremony is where its deals are signed: the article's signers after it is named took part
        for r in list(rel.items):
            if r.type == "SIGNED_WITH" and r.sent is not None and r.sent >= named:
                for party in (r.head, r.tail):
                    if party in parties and party not in organisers:
                        rel.add("PARTICIPATED_IN", parties[party], event, r.sent, "signed at the signing ceremony")
    if not cues:
        return
    # "Other signatories included A and B": each of them signed at the event
    listed = {i for i in cues if re.search(r"\bsignatories\b", sentences[i].text)}
    for e in entities:
        if e.type in ("Firm", "Agency") and e.id not in organisers:
            for m in e.mentions:
                if m.sent in listed:
                    rel.add("PARTICIPATED_IN", e, event, m.sent, "a signatory at it")
    paragraphs = paragraph_spans(text)
    signed_in = {r.sent for r in rel.items if r.type == "SIGNED_WITH" and r.sent is not None}
    for at, (start, end) in enumerate(paragraphs):
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        cue = next((i for i in cues if first <= i < stop), None)
        if cue is None:
            continue
        if text[start:end].rstrip().endswith((":", "：")):  # "Among them:" and the deals as bullets below
            for b_start, b_end in paragraphs[at + 1:]:
                if not BULLET.match(text, b_start):
                    break
                stop = bisect_left(starts, b_end)
        last = stop - 1
        # 现场共签约项目21个 with no deal named, and the deals told paragraph by paragraph below it
        summary = cue in signing_cues and not any(
            r.sent is not None and cue <= r.sent <= last for r in rel.items if r.type in ("SIGNED_WITH", "SUPPLIES"))
        for n_start, n_end in paragraphs[at + 1:] if summary else ():
            n_first, n_stop = bisect_left(starts, n_start), bisect_left(starts, n_end)
            # a bulleted deal goes on the list though its own signing was not read (双方签订…)
            if not any(n_first <= i < n_stop for i in signed_in) and not BULLET.match(text, n_start):
                break
            stop = n_stop
        for r in list(rel.items):
            if r.sent is None or not cue <= r.sent < stop or r.type not in ("SIGNED_WITH", "SUPPLIES"):
                continue
            if r.type == "SUPPLIES" and (r.sent > last or not _DEAL.search(sentences[r.sent].text)):
                continue  # "Officials said A supplies B": a standing supply, not a deal made there
            for party in (r.head, r.tail):
                if party in parties and party not in organisers:
                    rel.add("PARTICIPATED_IN", parties[party], event, r.sent, "signed a deal at it")
        # 明达标准件、晟泰螺栓等企业也分别与…采购商签约: the firms of a Chinese clause that signs took part,
        # though its other side is not named
        for e in entities:
            if e.type == "Firm" and e.id not in organisers:
                for m in e.mentions:
                    if cue <= m.sent < stop and not m.nested_in and _ZH_SIGNS.search(_zh_clause(text, m.start)):
                        rel.add("PARTICIPATED_IN", e, event, m.sent, "signed a deal at it")
                        break


_ZH_SIGNS = re.compile(r"签约|签订|签署")


def _zh_clause(text: str, at: int) -> str:
    """The Chinese clause around offset ``at``: between the marks ；。：\n on either side."""
    start = max(text.rfind(mark, 0, at) for mark in "；。：\n") + 1
    ends = [e for e in (text.find(mark, at) for mark in "；。\n") if e >= 0]
    return text[start:min(ends, default=len(text))]


#: what opens a bulleted or numbered line
BULLET = re.compile(r"\s*(?:--|[-—–•·*]|\(?\d{1,2}[.)、]|[①-⑳]|[一二三四五六七八九十]、)")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the non-empty lines of ``text``."""
    out, pos = [], 0
    for match in re.finditer(r"\n\s*", text):
        if match.start() > pos:
            out.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


# 上述企业均为X的骨干企业, 以上企业均位于X (not 规模以上企业): the firms the paragraph named before
_FIRMS_ABOVE_ZH = re.compile(r"(?:^|[，；])(?:上述|以上|这些)(?:\d+|[两三四五六七八九十]+)?(?:家)?(?:企业|公司)"
                             r"(?:均|都|全部|皆)?(?:为|是|属于|位于|落户于?|入驻|地处)")


def _the_firms_above(rel, text: str, sentences: list[Sentence], mentions: list[tuple[Mention, Entity]]) -> None:
    """上述企业均为X的骨干企业: every firm the paragraph named before the sentence is
    in the park X (BELONGS_TO) or the place X (LOCATED_IN) the sentence names next."""
    for index, sent in enumerate(sentences):
        cue = _FIRMS_ABOVE_ZH.search(sent.text)
        if cue is None:
            continue
        at = sent.start + cue.end()
        target = next(((m, e) for m, e in mentions if m.start >= at and m.sent == index and not m.nested_in
                       and e.type in ("Cluster", "City", "Province")), None)
        if target is None or "，" in text[at:target[0].start] or "。" in text[at:target[0].start]:
            continue
        paragraph = max(text.rfind("\n", 0, sent.start), 0)
        above = {e.id: e for m, e in mentions if e.type == "Firm" and paragraph <= m.start < sent.start + cue.start()}
        kind = "BELONGS_TO" if target[1].type == "Cluster" else "LOCATED_IN"
        for firm in above.values():
            rel.add(kind, firm, target[1], index, "the firms above")


def _located_of(rel, text: str, mentions: list[tuple[Mention, Entity]]) -> None:
    """位于X(内)的Y: Y is in X (a park: BELONGS_TO; a place: LOCATED_IN)."""
    for i, (m, e) in enumerate(mentions):
        if e.type not in ("Cluster", "City", "Province") or not _LOCATED_ZH.search(text[max(0, m.start - 4):m.start]):
            continue
        # the places of "位于太康县产业集聚区" nested in the park name are skipped
        last = m
        for m2, e2 in mentions[i + 1:]:
            if m2.start < last.end:
                continue
            if e2.type in ("City", "Province", "Cluster") and re.fullmatch(r"\s*", text[last.end:m2.start]):
                last = m2
                continue
            break
        inside = _INSIDE_ZH.match(text, last.end)
        if inside is None:
            continue
        after = next(((m2, e2) for m2, e2 in mentions if m2.start == inside.end()
                      and e2.type in ("Firm", "Cluster")), None)
        if after is None:
            continue
        target = after[1]
        if e.type == "Cluster" and target.type == "Firm":
            rel.add("BELONGS_TO", target, e, m.sent, "位于…的")
        elif e.type in ("City", "Province"):
            rel.add("LOCATED_IN", target, e, m.sent, "位于…的")
        for m2, e2 in mentions[i + 1:]:
            if m2.start >= last.end:
                break
            if e2.type in ("City", "Province") and m2.start >= m.start and e.type == "Cluster":
                rel.add("LOCATED_IN", target, e2, m.sent, "位于…的")
