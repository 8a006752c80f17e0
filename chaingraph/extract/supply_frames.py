"""SUPPLIES read by verb frames, with the subject a clause leaves out or names by a
pronoun taken from the text before it.

News tells who supplies whom in a handful of frames, each fixing which side of the
verb the supplier stands on:

- **supplier first**: "A supplies/provides/ships … to/for B", "A supplies B with …",
  "A has been a supplier to B"; A为B配套, A向B供货, A…供应给/供给/销往 B, A是B的供应商;
- **customer first**: "B sources … from A", "B's … comes from A", "its … are provided
  by A", "its customers include A and C"; B的…来自A, B的…由A供货, B向A采购, 其…供应商A.

Every member of a customers' list is a customer (向A、B供货, 供给园区内的A、B等企业,
向A以及上海的B供货). A side the clause leaves out, or names by "it", "its", "the
company", 其, 该企业 or 该公司, is the firm the text was last about (in Chinese, the
supplier of the clause before, even across a ；): the firm that opens the sentence, else
the last firm named before the clause (Chinese) or the first firm of the previous
sentence that names one, else the article's main firm (English), which is also the
buyer of goods an English sentence naming no other firm says are bought ("Wheelsets are
purchased from A", "Side frames are cast by A"). The goods between
the verb and the customer are not read; hoped-for deals ("hopes to enter its
supplier system") have no frame.
"""

from __future__ import annotations

import re

from chaingraph.extract.en_deals import referents
from chaingraph.extract.lists import ZH_LIST_GAP, listed_run, run_ending_at
from chaingraph.extract.result import Entity, Sentence
from chaingraph.extract.cues import cued

# --- English -------------------------------------------------------------------------

_EN_CLAUSE_BREAK = re.compile(r";|, (?:while|whereas|but|which) |, and (?=[a-z])")
_EN_PRONOUN_SUBJECT = re.compile(r"\b(?:it|the (?:company|firm|group|plant|enterprise))\s+"
                                 r"(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# a pronoun between the last firm and the verb is the verb's subject ("Besides A, the company's products go to B")
_EN_PRONOUN_BEFORE_VERB = re.compile(r"\b(?:it|its|the (?:company|firm|group)(?:'s)?)\s+(?:[a-z]+\s+){0,4}$",
                                     re.IGNORECASE)
# "…, and its products have entered the supply system of B": the clause's goods are the topic's;
# "hopes to enter the supply chain of B" is no supply yet
_EN_ITS_GOODS = re.compile(r"\s*(?:its|the company's|the firm's)\s+(?:[\w-]+\s+){0,6}$", re.IGNORECASE)
# "part of them", "the rest", "they": the goods a clause before has named
_EN_GOODS_AGAIN = re.compile(r"\b(?:(?:part|some|most|the rest|all|many) of them|the rest|they|these|those|"
                             r"(?:a|the)\s+(?:considerable|large|small|certain|significant|major|good)\s+"
                             r"(?:part|portion|share|proportion))\s+(?:[a-z]+\s+){0,3}$")
_EN_ITS_UNIT = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:subsidiary|unit|arm|affiliate|branch|plant|base|factory),\s+")
# a clause that opens on its verb shares the sentence's subject ("…, and supplies coke to C")
_EN_SAME_SUBJECT = re.compile(r"\s*(?:and\s+)?(?:also\s+|then\s+|mainly\s+|further\s+)?")
# "Battery housings produced by its plant in Huai'an are supplied to B": the goods of "its" firm
_EN_MADE_BY_ITS = re.compile(r"\b(?:made|produced|manufactured|built)\s+(?:by|at|in)\s+(?:its|the company's)\s+"
                             r"[^.;,]{0,60}$", re.IGNORECASE)
_EN_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_EN_TO_IT_BY = re.compile(r"\s+to\s+(?:it|them|the company|the firm|the group|the plant)\s+by\s+(?:the\s+)?",
                          re.IGNORECASE)
_EN_HOPED = re.compile(r"\b(?:hopes?|hoped|hoping|plans?|planned|planning|aims?|aimed|aiming|strives?|seeks?|"
                       r"seeking|wants?|expects?|expected|intends?)\s+to\s+(?:enter|join|become|get into|break into)\s+"
                       r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_EN_JOINED = re.compile(r",?\s+and\s+|,\s+")
# "to A, B and to C" (a firm's name may end on "Co., Ltd." before the comma)
_EN_CUSTOMER_JOINED = re.compile(r"\.?(?:,?\s+(?:and|or|as well as)\s+(?:also\s+)?(?:to\s+|for\s+)?(?:the\s+)?|,\s+(?:the\s+)?)")
_EN_ITS = re.compile(r"\b(?:its|the company's|the firm's)\b", re.IGNORECASE)
_EN_SUPPLIER_FIRST = re.compile(
    # "A, a backlight module supplier of B,": an apposition naming A's role
    r",\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,3}?(?:suppliers?|vendors?)\s+(?:to|of|for)\b(?!\s+(?:the|its)\b)|"
    r"\b(?:supplies|supplied|supply|supplying|provides|provided|provide|providing|delivers|delivered|deliver|"
    r"ships|shipped|ship|shipping|sells|sold|sell|selling)\b(?!\s+(?:by|from)\b)"
    r"|\b(?:is|was|has been|have been|became|becomes|become|remains|as)\s+(?:also\s+)?"
    r"(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,3}?(?:suppliers?|vendors?|(?:OEM|ODM|contract)\s+(?:producers?|"
    r"manufacturers?|makers?))\s+(?:to|of|for)\b"
    r"|\bgo(?:es)?\s+to\b", re.IGNORECASE)
_EN_CUSTOMER_FIRST = cued(
    r"\b(?:sources|sourced|source|sourcing|buys|bought|buy|buying|purchases|purchased|purchase|purchasing|procures|"
    r"procured|procure|procuring|imports|imported|importing|gets|got)\b[^.;]{0,80}?\bfrom\s+(?:the\s+)?"
    # "buys seals from Yongjia's Huaxin Seal": a place's possessive before the seller
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?$"
    r"|\b(?:comes?|came)\s+from\s+(?:the\s+)?$"
    r"|\b(?:are|is|were|was|will be|have been|has been)\s+(?:all\s+|mainly\s+|also\s+|partly\s+|partially\s+|"
    r"largely\s+|mostly\s+|chiefly\s+|primarily\s+|in part\s+)?"
    r"(?:provided|supplied|made|delivered|produced|manufactured|cast|forged|machined|moulded|molded|stamped)"
    r"\s+by\s+(?:the\s+)?$", re.IGNORECASE)


_EN_FIRST_PERSON = re.compile(r"\b(?:we|our|us|they|them|their)\b", re.IGNORECASE)
_EN_BUYS_OWNED = re.compile(r"\b(?:buys|bought|buy|purchases|purchased|purchase|sources|sourced|source|"
                            r"imports|imported|uses|used)\s+(?:the\s+)?$")
_EN_DESCRIBED = re.compile(r"\s*(?:The|This)\s+(?:chain leader|chain-leading (?:firm|enterprise|company)|company|firm|"
                           r"group|enterprise|manufacturer|maker|producer)\b")
# "A's control boards are used in B's chillers": A supplies B
_EN_USED_IN = re.compile(r"['’]s\s+(?:[\w-]+\s+){1,4}?(?:are|is|were|was|will be|have been|has been)\s+(?:\w+ly\s+)?"
                         r"(?:used|fitted|installed|mounted|built)\s+(?:in|on|into|inside|by)\s+(?:the\s+)?"
                         # "installed in vehicles of B", "used in models made by B"
                         r"(?:(?:[\w-]+\s+)?(?:vehicles|cars|models|products|aircraft|ships|trucks|buses|machines|"
                         r"devices|phones|equipment)\s+(?:of|made by|built by|from)\s+(?:the\s+)?)?")
# whose customers or suppliers a sentence lists (group 1: its, the company's, X's), and up to three words
_EN_OWNER = r"\b(its|their|(?:the\s+)?company's|(?:the\s+)?firm's|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,3}?"
_EN_CUSTOMERS = cued(_EN_OWNER + r"customers\s+(?:last year\s+|now\s+)?"
                     r"(?:include|includes|included|including|are|were)\b", re.IGNORECASE)
# "Its main supplier is A", "X's suppliers include A and B": each a supplier of the owner
_EN_SUPPLIERS = cued(_EN_OWNER + r"suppliers?\s+(?:include|includes|included|including|is|are|was|were)"
                     r"\s+(?=[A-Z])", re.IGNORECASE)
_EN_COUNTS = re.compile(r"\bcounts?\s+(?:the\s+)?$")
_EN_AMONG_CUSTOMERS = re.compile(r"[^.;]{0,80}?\bamong\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:customers|clients|buyers)\b")
_EN_FROM_PRONOUN = cued(r"\b(?:buy|buys|bought|purchase|purchases|purchased|procure|procures|procured|"
                        r"source|sources|sourced)\b[^.;]{0,80}?\bfrom\s+(?:the\s+(?:company|firm|group)|it)\b",
                        re.IGNORECASE)


def _clause_spans(sent: Sentence, breaks: re.Pattern) -> list[tuple[int, int]]:
    """The clauses of ``sent`` between matches of ``breaks``, as (start, end) offsets
    in the article's text."""
    out, at = [], 0
    for brk in breaks.finditer(sent.text):
        out.append((sent.start + at, sent.start + brk.start()))
        at = brk.end()
    out.append((sent.start + at, sent.end))
    return out


_COMMA = re.compile(r",\s*")
# "B, a steelmaker in Jiyuan, which …": an apposition between a firm and its relative clause
_APPOSITION = re.compile(r"\.?,\s+(?:a|an|the)\s+[a-z][\w\s-]{0,40}?(?:\s+in\s+[A-Z][\w\s-]{0,30}?)?,\s*")
# "A signed with B and will become …", "A buys copper from B and is a supplier to C": B is the object
# of "with" or "from", A the subject of both verbs
_WITH_OBJECT = re.compile(r"\b(?:with|from)\s+(?:the\s+)?$")
_AND_VERB = re.compile(r"(?:['’]s\s+[\w\s-]{0,30}?)?,?\s+and\s+(?:will\s+|has\s+|have\s+|also\s+|then\s+)*[a-z]+")
# "which will provide it with …": the pronoun is the customer
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\s+with\b")
# where a "which" clause ends and the sentence's own verb follows: ", became …", ", signed …"
_RELATIVE_END = re.compile(r", (?=(?:also |then |has |have |had |will |and )?[a-z]+(?:ed|s)?\b)")


def _customers_owner(said: re.Match, firms, fallback: Entity | None) -> Entity | None:
    """Whose customers ``said`` (a match of :data:`_EN_CUSTOMERS`) names: the firm right
    before "'s" ("Huachen's customers"), else, for "its" or "the company's", the first
    firm of the sentence before the words, else ``fallback``."""
    word = said.group(1).lower()
    if word.endswith(("'s", "’s")) and not word.endswith(("company's", "firm's")):
        return next((e for m, e in firms if m.end == said.end(1) - 2), None)
    before = [e for m, e in firms if m.end <= said.start()]
    return before[0] if before else fallback


def _en_clauses(text: str, sent: Sentence, firms) -> list[tuple[int, int, Entity | None]]:
    """The clauses of ``sent`` as (start, end, subject): the subject is the firm a
    relative clause hangs on ("A, which makes …, became a supplier to B": A for both
    the "which" clause and the rest after its comma), else None."""
    out: list[tuple[int, int, Entity | None]] = []
    for start, end in _clause_spans(sent, _EN_CLAUSE_BREAK):
        antecedent = [e for m, e in firms if m.end <= start and (_COMMA.fullmatch(text, m.end, start - 6)
                                                                  or _APPOSITION.fullmatch(text, m.end, start - 6))] \
            if text.endswith(", which ", 0, start) else []
        if not antecedent:
            out.append((start, end, None))
            continue
        rest = _RELATIVE_END.search(text, start, end)
        cut = rest.start() if rest else end
        out.append((start, cut, antecedent[-1]))
        if rest:
            out.append((rest.end(), end, antecedent[-1]))
    return out


_SIGNED_WITH = re.compile(r"\bsign(?:s|ed)?\b[^.;]{0,40}?\bwith\s+(?:the\s+)?$")


def _signer_with(text: str, sent: Sentence, firms, obj: Entity, before: int) -> list[Entity]:
    """The firm that signed with ``obj`` in ``sent`` ("A signed with B, which …"): the
    last firm before "signed … with" right before ``obj``'s mention that ends before
    offset ``before``; an empty list when the sentence says no such thing."""
    at = next((m for m, e in reversed(firms) if e is obj and m.end <= before), None)
    if at is None or not _SIGNED_WITH.search(text, max(sent.start, at.start - 60), at.start):
        return []
    return [e for m, e in firms if m.end <= at.start and e is not obj][-1:]


_EN_USED_BY = re.compile(r"\b(?:used|consumed|needed|required)\s+by\s+(?:the\s+)?$")


def _users_listed(text: str, before) -> list[Entity]:
    """The firms of the list that ends ``before`` (mentions in order) when the list
    follows "used by" ("the hair used by A and B"), else an empty list."""
    run = run_ending_at(text, before, _EN_JOINED)
    head = run[0][0].start if run else 0
    return [e for _m, e in run] if run and _EN_USED_BY.search(text, max(0, head - 30), head) else []


def _english(rel, text: str, sentences: list[Sentence], per_sent, focus: Entity | None) -> None:
    """Supplier-first and customer-first frames of English sentences."""
    previous_first: Entity | None = None
    previous_subject: Entity | None = None
    referred = referents(text, sentences, per_sent)
    for index in range(len(sentences)):
        sent = sentences[index]
        firms = [(m, e) for m, e in per_sent.get(index, []) if e.type == "Firm"]
        carried: Entity | None = None  # "… are provided by A, while … come from B": one customer
        # "The chain leader also links …. Its billets are bought from A": a sentence before that opens on a
        # description of a firm, naming none, speaks of the article's firm, not of the last one named
        described = index > 0 and focus is not None and not any(
            e.type == "Firm" for _m, e in per_sent.get(index - 1, [])) and _EN_DESCRIBED.match(sentences[index - 1].text)
        clause_supplier: Entity | None = None  # the supplier of the sentence's last supply clause
        # "A's listed subsidiary, B, operates …": B is what the sentence is about
        opener = firms[1] if len(firms) > 1 and _EN_ITS_UNIT.fullmatch(text, firms[0][0].end, firms[1][0].start) \
            else firms[0] if firms else None
        for start, end, subject in _en_clauses(text, sent, firms):
            topic = opener[1] if opener is not None and opener[0].start < start else (
                referred.get(index) or (focus if described else None) or previous_first or focus)
            inside = [(m, e) for m, e in firms if start <= m.start < end]
            for verb in _EN_SUPPLIER_FIRST.finditer(text, start, end):
                before = [(m, e) for m, e in inside if m.end <= verb.start()]
                # the customers are the first firm after the verb and those listed with it
                run = listed_run(text, [(m, e) for m, e in inside if m.start >= verb.end()], _EN_CUSTOMER_JOINED)
                after = [e for _m, e in run]
                supplier = before[-1][1] if before else subject
                to_it = _EN_TO_IT_BY.match(text, verb.end()) if verb.group(0).lower().endswith("ed") else None
                if to_it is not None and topic is not None:
                    # "concentrate is supplied to it by A and B": the agents supply the firm "it" is
                    agents = [(m, e) for m, e in inside if m.start >= to_it.end()]
                    if agents and agents[0][0].start == to_it.end():
                        for _m, agent in listed_run(text, agents, _EN_CUSTOMER_JOINED):
                            rel.add("SUPPLIES", agent, topic, index, "customer-first frame")
                    continue
                # "drill pipes are supplied to B by A": the agent after the customers supplies them
                by = _EN_BY_AGENT.match(text, run[-1][0].end) if run and verb.group(0).lower().endswith(
                    ("ed", "sold")) else None
                agent = next((e for m, e in inside if by is not None and m.start == by.end()), None)
                if agent is not None and agent not in after:
                    supplier, before = agent, []
                if len(before) >= 2 and _WITH_OBJECT.search(text, max(start, before[-1][0].start - 12),
                                                            before[-1][0].start) \
                        and (joined_verb := _AND_VERB.match(text, before[-1][0].end)) \
                        and joined_verb.end() >= verb.start():
                    supplier, before = before[-2][1], before[:-1]  # "A signed with B and will become a supplier to B"
                if before and _EN_PRONOUN_BEFORE_VERB.search(text[before[-1][0].end:verb.start()]):
                    # "Besides A, the company's products go to B": the pronoun is the subject
                    supplier, before = (previous_first or focus), []
                # "A and B will provide C": every firm of the subject's list supplies
                for _m, other in run_ending_at(text, before, _EN_JOINED)[:-1]:
                    for customer in after[:4]:
                        rel.add("SUPPLIES", other, customer, index, "supplier-first frame")
                if supplier is None and (_EN_PRONOUN_SUBJECT.search(text[start:verb.start()])
                                         or _EN_ITS_GOODS.match(text[start:verb.start()])
                                         or _EN_MADE_BY_ITS.search(text[start:verb.start()])):
                    supplier = topic
                if _EN_HOPED.search(text, max(sent.start, verb.start() - 60), verb.start()):
                    continue  # "hopes to enter the supply chain of B": not yet a supplier
                if not after and subject is not None and _PRONOUN_OBJECT.match(text, verb.end()):
                    # "A signed with B, a maker of X, which will provide it with …": B supplies A
                    after = [e for m, e in firms if e is not subject][:1]
                elif not after and subject is not None and not before:
                    # "A signed with B, which will supply thrusters": B supplies the firm it signed with
                    after = _signer_with(text, sent, firms, subject, start)
                if supplier is None and before == [] and _EN_GOODS_AGAIN.search(text, start, verb.start()):
                    supplier = clause_supplier  # "…, and part of them are supplied to B": the same goods
                    if supplier is None and _EN_ITS.match(sent.text):
                        supplier = topic  # "Its main products are rebar …, and a large part is supplied to B"
                if supplier is None and before == [] and firms and firms[0][0].end <= start \
                        and _EN_SAME_SUBJECT.fullmatch(text, start, verb.start()):
                    supplier = firms[0][1]  # "A buys coal from B, and supplies coke to C": A, the sentence's subject
                for customer in after[:4]:
                    rel.add("SUPPLIES", supplier, customer, index, "supplier-first frame")
                if supplier is not None and after:
                    clause_supplier = supplier
            listed_from: tuple[int, Entity] | None = None  # where the last supplier read ends, and its customer
            for m, e in inside:
                used = _EN_USED_IN.match(text, m.end, end)
                user = next((ue for um, ue in inside if used and um.start == used.end() and ue is not e), None)
                if user is not None:
                    rel.add("SUPPLIES", e, user, index, "supplier-first frame")
                bought = _EN_BUYS_OWNED.search(text, start, m.start) if text.startswith(("'s", "’s"), m.end) else None
                if bought is not None:  # "B buys A's marine engines": A supplies B
                    buyers = [be for bm, be in inside if bm.end <= bought.start() and be is not e]
                    if buyers:
                        rel.add("SUPPLIES", e, buyers[-1], index, "customer-first frame")
                    continue
                frame = _EN_CUSTOMER_FIRST.search(text[start:m.start])
                if frame is None:
                    if listed_from is not None and _EN_JOINED.fullmatch(text, listed_from[0], m.start):
                        # "procures magnets from A and B": the next supplier of the list
                        rel.add("SUPPLIES", e, listed_from[1], index, "customer-first frame")
                        listed_from = (m.end, listed_from[1])
                    continue
                lead = text[start:start + frame.start()]
                # "A signed with B, sourcing acid from B's plant": B's own name before is no customer
                customers = [ce for cm, ce in inside if cm.end <= start + frame.start() and ce is not e]
                customer = customers[-1] if customers else None
                if customer is None and (_EN_ITS.search(lead) or _EN_PRONOUN_SUBJECT.search(lead)):
                    customer = topic if topic is not e else None
                if customer is None and not customers:
                    customer = carried if carried is not e else None
                note = "customer-first frame"
                if customer is None and focus is not None and focus is not e and not any(
                        fm.start < m.start for fm, fe in firms if fe is not e) \
                        and not _EN_FIRST_PERSON.search(text, sent.start, m.start):
                    # "Wheelsets are purchased from A": goods bought in a sentence naming no buyer are
                    # the article's firm's ("we buy them from A," said … of B: B's, read elsewhere)
                    customer, note = focus, "the article's firm buys it"
                rel.add("SUPPLIES", e, customer, index, note)
                for other in _users_listed(text, [(cm, ce) for cm, ce in inside
                                                  if cm.end <= start + frame.start() and ce is not e]):
                    rel.add("SUPPLIES", e, other, index, note)  # "the hair used by A and B is supplied by C"
                listed_from = (m.end, customer) if customer is not None else None
                carried = customer or carried
            # "A signed with B, under which B will buy … from the company": the sentence's subject supplies
            for frame in _EN_FROM_PRONOUN.finditer(text, start, end):
                buyers = [e for m, e in inside if m.end <= frame.start()]
                seller = next((e for m, e in firms if not buyers or e is not buyers[-1]), None)
                if buyers and seller is not None:
                    rel.add("SUPPLIES", seller, buyers[-1], index, "customer-first frame")
        # "A counts B among its largest customers": A supplies B
        for m, e in firms:
            if _EN_COUNTS.search(text, max(sent.start, m.start - 12), m.start) \
                    and _EN_AMONG_CUSTOMERS.match(text, m.end, sent.end):
                subject = [se for sm, se in firms if sm.end <= m.start and se is not e]
                if subject:
                    rel.add("SUPPLIES", subject[-1], e, index, "counts it among its customers")
        for said in _EN_SUPPLIERS.finditer(text, sent.start, sent.end):
            owner = _customers_owner(said, firms, previous_subject or focus)
            named_after = [(m, e) for m, e in firms if m.start >= said.end() and e is not owner]
            for _m, e in listed_run(text, named_after, _EN_CUSTOMER_JOINED):
                rel.add("SUPPLIES", e, owner, index, "customer-first frame")
        # "Its customers include A and B", "X's top five customers included A": each a customer
        listing: Entity | None = None  # whose customers the sentence lists: still what the next "Its" is about
        for said in _EN_CUSTOMERS.finditer(text, sent.start, sent.end):
            owner = listing = _customers_owner(said, firms, previous_subject or focus)
            for m, e in firms:
                if m.start >= said.end() and e is not owner:
                    rel.add("SUPPLIES", owner, e, index, "customer-first frame")
        if firms:
            previous_first = listing if listing is not None and _EN_ITS.match(sent.text) else firms[0][1]
        # the firm a sentence opens with is what "its" in the next one is about; else the article's firm
        previous_subject = firms[0][1] if firms and firms[0][0].start - sent.start <= 30 else None


# --- Chinese -------------------------------------------------------------------------

_ZH_CLAUSE_BREAK = re.compile(r"[，；。！？：]")
_ZH_PRONOUN = re.compile(r"其|该企业|该公司|公司")
_ZH_THE_FIRM = re.compile(r"该企业|该公司")
_ZH_RELATIVE_HEAD = re.compile(r"(?:在|于)[^，。；的]{1,16}?(?:建设|设立|投资|成立|新建|兴建|组建)的")
# a clause opening on the kind of a firm named before (合作社, 该集团): that firm
_ZH_KIND_SUBJECT = re.compile(r"(?:该|这家)?(合作社|合作联社|集团|工厂|厂)")
# 其 as a pronoun, not inside 其中, 其他, 其余, 尤其
_ZH_REFERS = re.compile(r"(?<![尤极])其(?![中他余实它])|该企业|该公司|这家企业|这家公司|该项目")
# 成为其合格供应商 in a clause naming no firm: 其 is the firm named before
_ZH_SUPPLIER_OF_IT = re.compile(r"(?:成为|是)其[^，。；]{0,8}?(?:供应商|供货商|配套商)")
# 为其X提供Y的是B, 为A提供Y的是B: a cleft naming the supplier last
_ZH_CLEFT_SUPPLIER = re.compile(r"为([^，。；]{0,12}?)(?:提供|供应|配套|供货)[^，。；]{0,12}?的(?:是|正是|便是)$")
# supplier first: the customer follows the cue word (为B配套 reads B between 为 and 配套)
_ZH_TO_CUSTOMER = re.compile(r"供应给|供货给|提供给|供给|销往|卖给|出售给|进入|供应|配套|直供")
# …or a word for what the customer is (供应给本地饲料企业B)
_ZH_ONLY_PLACE_OR_LIST = re.compile(r"(?:[^，。；为向给由从与和签协合]{0,12}?[、和及与]|位于[^，。；]{2,12}?的|[^，。；为向给由从与签]{0,4}?|"
                                    r"[^，。；为向给由从与和签的]{0,6}?(?:本地|当地|园区内|区内|省内|市内|县内)的|"
                                    r"[^，。；为向给由从与和签的]{0,6}?(?:企业|厂商|厂家|车企|客户|品牌))")
_ZH_FOR_CUSTOMER = re.compile(r"[为向给]$")
_ZH_SUPPLIER_NAMED = re.compile(r"(?:其|的)[^，。；的]{0,8}?(?:供应商|供货商|配套商)(?:之一)?[是为，]?$")
_ZH_NEXT_MEMBER = re.compile(rf"(?:{ZH_LIST_GAP.pattern})(?:[^，。；、]{{0,6}}?的)?")
_ZH_FOR_VERB = re.compile(r"[^，。；]{0,12}?(?:配套|供货|供应|提供|销售|出口|交付|交售|出售|代工|代加工|贴牌)")
_ZH_SUPPLIER_OF = re.compile(r"(?:是|为|成为)$")
_ZH_SUPPLIER_OF_AFTER = re.compile(r"的?[^，。；]{0,8}?(?:供应商|供货商|配套商|配套企业|原料基地)")
# customer first: the supplier follows the cue
# 向高岭土供应商B采购: the supplier may be introduced by its role
# 由同在黄石的B供货, 采购自仙游县的B: a short modifier ending in 的 may come first
# (由位于巴彦淖尔经济技术开发区的B配套: where the supplier is may be longer)
_ZH_FROM_SUPPLIER = re.compile(r"(来自|采购自|购自|由|向|从)(?:[^，。；的]{1,8}?(?:供应商|供货商|生产商|制造商|厂商)|"
                               r"[^，。；的]{1,6}的|位于[^，。；的]{2,16}的)?$")
# the supplier a sentence opens on (X所用的Y由A供应, Y采购自A); not 国内50%的钢由A供应, a market's
_ZH_AGENT_OPENS = re.compile(r"(?:由|采购自|购自)(?:[^，。；的]{1,6}的|位于[^，。；的]{2,16}的)?$")
_ZH_MARKET = re.compile(r"国内|全国|全球|国际|世界|市场|行业")
# B以A的X为原料: A's product is B's raw material
_ZH_AS_MATERIAL = re.compile(r"的[^，。；]{0,10}?为(?:主要)?(?:原料|原材料|基材|主材)")
# (由A通过管道直接输送: how it is delivered may stand between)
_ZH_FROM_AFTER = {"由": re.compile(r"(?:等[^，。；]{0,10}?(?:企业|公司|厂家|单位))?[^，。；]{0,8}?"
                                  r"(?:供应|供货|提供|配套|生产|制造|供给|输送|直供)"),
                  "向": re.compile(r"[^，。；]{0,4}?(?:采购|购买|订购|进口|购入)"),
                  "从": re.compile(r"[^，。；]{0,4}?(?:采购|购买|订购|进口|购入)")}


def _list_end(text: str, inside, first) -> int:
    """Where the list of firms that ``first`` (a mention of ``inside``) opens ends:
    after the last mention joined to it by 、, 和, 及, 以及 or 与 (with a few words
    ending in 的 before a member, 上海的B)."""
    end = first.end
    for m, _e in inside:
        if m.start >= end and _ZH_NEXT_MEMBER.fullmatch(text, end, m.start):
            end = m.end
    return end


# 原料部分来自同在园区的B: goods, or a share of them, come from B
_ZH_GOODS_COME = re.compile(r"(?:原料|原材料|材料|配件|零部件|部件|产品|部分|主要|大部分|全部|均|多|大多|大都)$")
_ZH_FOR_IT = re.compile(r"为其[^，。；]{0,6}?(?:供应|提供|配套|供货)")
# right after a supplier's name: (同样|也)是其…供应商
_ZH_IS_ITS_SUPPLIER = re.compile(r"(?:同样|也|还|一直|已)?(?:是|为|成为)其[^，。；]{0,10}?(?:供应商|供货商|配套商)")
_ALIAS = re.compile(r"[（(][^（()）。，]{0,16}[）)]")


_ZH_GOODS_JOINED = re.compile(r"的[^，。；的为向给由]{1,8}?(?:和|及|与|、|以及)")


def _past_alias(text: str, at: int) -> int:
    """Where the text after a name at ``at`` goes on, past a bracket that gives the
    name's short form (（简称“安大公司”）)."""
    alias = _ALIAS.match(text, at)
    return alias.end() if alias else at


def _chinese(rel, text: str, sentences: list[Sentence], per_sent) -> None:
    """Supplier-first and customer-first frames of Chinese sentences."""
    carried: Entity | None = None  # the supplier of a sentence that ends in ；, which 其 next points to
    previous_subject: Entity | None = None  # the firm the last sentence naming one opened on: 其, 该公司 next
    last_customer: tuple[int, Entity] | None = None  # (sentence, customer) of the last 为B配套: 为其供应 next is for B
    for index, sent in enumerate(sentences):
        firms = [(m, e) for m, e in per_sent.get(index, []) if e.type == "Firm"]
        supplier_before: Entity | None = carried  # 其 after "A向B、C供货" is A, not C
        carried_in = carried
        carried = None
        if not firms:
            continue
        # 其 or 该公司 before a sentence's first firm points to the last sentence's subject
        lead = sent.text[:firms[0][0].start - sent.start]
        referred = previous_subject if _ZH_REFERS.search(lead) else None
        # 泡菜所用的玻璃瓶由A供应: a sentence opening on a supplier leaves out its customer, the firm
        # the text was about
        agent = _ZH_AGENT_OPENS.search(lead)
        # (由A投资的项目: A invests, it supplies nothing)
        agent_first = agent is not None and referred is None and not _ZH_MARKET.search(lead) and (
            not agent.group(0).startswith("由") or _ZH_FROM_AFTER["由"].match(text, firms[0][0].end, sent.end))
        topic = previous_subject if agent_first else None
        # 其X所用的Y由A供应，Z则来自B: the sentence is about what 其 points to, not about A
        # 德方纳米在曲靖建设的曲靖市德方纳米…是其最大的基地: the firm the relative clause describes is the subject
        head = firms[1][1] if len(firms) > 1 and _ZH_RELATIVE_HEAD.fullmatch(text, firms[0][0].end,
                                                                              firms[1][0].start) else firms[0][1]
        about = referred if referred is not None and agent is not None else head
        if len(lead) <= 12 and referred is None and not agent_first:
            previous_subject = head
        # 东风康明斯的发动机和东风德纳的车桥为C配套: each firm of a subject of joined goods supplies
        joint: dict[str, list[Entity]] = {}
        for (m1, e1), (m2, e2) in zip(firms, firms[1:]):
            if e1 is not e2 and _ZH_GOODS_JOINED.fullmatch(text, m1.end, m2.start):
                joint.setdefault(e1.id, []).append(e2)

        def supply(supplier: Entity | None, customer: Entity, note: str = "supplier-first frame") -> None:
            rel.add("SUPPLIES", supplier, customer, index, note)
            for other in joint.get(supplier.id, []) if supplier is not None else ():
                rel.add("SUPPLIES", other, customer, index, note)

        for start, end in _clause_spans(sent, _ZH_CLAUSE_BREAK):
            inside = [(m, e) for m, e in firms if start <= m.start < end]
            earlier = [(m, e) for m, e in firms if m.end <= start]
            opener = about if firms[0][0].start < start and not agent_first else None
            # a supplier carried over a ；counts only until this sentence names a firm itself
            fresh = supplier_before if supplier_before is not carried_in or not earlier else None
            last_named = fresh or (earlier[-1][1] if earlier else None)

            def left_side(upto: int, exclude: Entity) -> Entity | None:
                """The firm before ``upto`` in the clause, else the one a pronoun or a
                left-out subject points to."""
                own = [(m, e) for m, e in inside if m.end <= upto and e is not exclude]
                # 同属航空工业的X是B的供应商: a firm that only qualifies the next one (X的Y) is no subject
                while len(own) > 1 and text[own[0][0].end:own[1][0].start] == "的":
                    own = own[1:]
                if own:
                    return own[0][1]
                lead = text[start:upto]
                kind = _ZH_KIND_SUBJECT.match(lead)
                if kind is not None:  # 合作社三年内为B供应: the cooperative named before
                    named = [e for m, e in earlier if kind.group(1) in e.name and e is not exclude]
                    if named:
                        return named[-1]
                if _ZH_THE_FIRM.search(lead) and opener is not None and opener is not exclude:
                    return opener  # X是…基地，该公司的硅片由A提供: "the company" is the sentence's subject
                if _ZH_PRONOUN.search(lead):
                    named = last_named or referred
                    return named if named is not exclude else None
                subject = opener or referred or topic
                return subject if subject is not exclude else None

            if not inside and earlier and opener is not None and _ZH_SUPPLIER_OF_IT.search(text, start, end):
                # A通过了B的供应商审核，成为其合格供应商: 其 is the firm named last before
                if earlier[-1][1] is not opener:
                    rel.add("SUPPLIES", opener, earlier[-1][1], index, "supplier-first frame")
            served: set[str] = set()  # customers of 为B配套 here, who supply no one in the clause
            listed: tuple[int, Entity] | None = None  # (end, supplier) of the last customer read
            new_customer: Entity | None = None
            # A为B提供X；C、D等本地企业为其供应Y: 其 is B, and every listed firm supplies it
            for_it = _ZH_FOR_IT.search(text, start, end)
            suppliers = [(m, e) for m, e in inside if m.end <= for_it.start()] if for_it else []
            customer = last_customer[1] if last_customer and last_customer[0] >= index - 1 else previous_subject
            if customer is not None:
                for _m, supplier in listed_run(text, suppliers, ZH_LIST_GAP):
                    if supplier is not customer:
                        rel.add("SUPPLIES", supplier, customer, index, "supplier-first frame")
            for m, e in inside:
                gap_before = text[start:m.start]
                # 向A、B供货, 供给A以及上海的B: the next member of the customers' list
                if listed is not None and _ZH_NEXT_MEMBER.fullmatch(text, listed[0], m.start):
                    supply(listed[1], e)
                    listed = (m.end, listed[1])
                    continue
                listed = None
                # A为B配套, A向B供货: B sits between the preposition and the verb
                if _ZH_FOR_CUSTOMER.search(gap_before) and _ZH_FOR_VERB.match(text, _list_end(text, inside, m), end):
                    served.add(e.id)
                    supplier = left_side(m.start - 1, e)
                    supply(supplier, e)
                    new_customer = e
                    listed = (m.end, supplier) if supplier is not None else None
                # A是B的…供应商
                elif _ZH_SUPPLIER_OF.search(gap_before) and _ZH_SUPPLIER_OF_AFTER.match(text, m.end, end):
                    rel.add("SUPPLIES", left_side(m.start - 1, e), e, index, "supplier-first frame")
                # A…供应给B, A供应B, 产品进入B: only a place or list may stand between
                else:
                    cue = None
                    for cue in _ZH_TO_CUSTOMER.finditer(gap_before):
                        pass
                    if cue is not None and gap_before.startswith("商", cue.end()):
                        cue = None  # 其面粉供应商B: B is named a supplier (read below), not supplied
                    supplier = left_side(start + cue.start(), e) if cue is not None else None
                    if supplier is not None and supplier.id not in served and not gap_before[cue.end():].startswith("的") \
                            and _ZH_ONLY_PLACE_OR_LIST.fullmatch(gap_before[cue.end():]):
                        supply(supplier, e)
                        listed = (m.end, supplier)
                # B以A的耐候基膜为原料生产…: A supplies B
                if gap_before.endswith("以") and _ZH_AS_MATERIAL.match(text, m.end, end):
                    rel.add("SUPPLIES", e, left_side(m.start - 1, e), index, "customer-first frame")
                    continue
                # 为其五轴机床提供数控系统的是B: B supplies whom 其 points to (or the firm after 为)
                cleft = _ZH_CLEFT_SUPPLIER.search(gap_before)
                if cleft is not None:
                    customer = next((ce for cm, ce in inside if cm.end <= start + cleft.end(1) and ce is not e), None)
                    rel.add("SUPPLIES", e, customer or left_side(start + cleft.start(), e), index, "supplier-first frame")
                    continue
                # A同样是其主要的锻件供应商: A supplies the firm named before the clause
                if earlier and _ZH_IS_ITS_SUPPLIER.match(text, _past_alias(text, m.end), end) \
                        and earlier[-1][1] is not e:
                    rel.add("SUPPLIES", e, earlier[-1][1], index, "supplier-first frame")
                    continue
                # 其面粉供应商B, A的核心供应商B: B supplies the owner
                named = _ZH_SUPPLIER_NAMED.search(gap_before)
                if named is not None:
                    rel.add("SUPPLIES", e, left_side(start + named.start(), e), index, "customer-first frame")
                    continue
                # B的…来自A, B的…由A供货, B向A采购
                cue = _ZH_FROM_SUPPLIER.search(gap_before)
                if cue is not None:
                    after = _ZH_FROM_AFTER.get(cue.group(1))
                    # 由A、B等本地企业配套供应: the suppliers' list, then the verb
                    agents = listed_run(text, [(am, ae) for am, ae in inside if am.start >= m.start], ZH_LIST_GAP) \
                        if cue.group(1) == "由" else [(m, e)]
                    if after is not None and not after.match(text, _past_alias(text, agents[-1][0].end), end):
                        continue
                    if cue.group(1) == "来自" and (text.startswith(("的", "等", "、"), m.end) or cue.group(0).endswith("的")) \
                            and not _ZH_GOODS_COME.search(text, start, start + cue.start()):
                        continue  # 来自A的代表, 来自柯桥的B: where people or firms come from
                    if cue.group(1) == "由" and re.search(r"[向为给]", text[m.end:min(end, m.end + 6)]):
                        continue  # 由A向B供应: A supplies B (the frame above reads it)
                    customer = left_side(start + cue.start(), e)
                    for _am, agent in agents:
                        rel.add("SUPPLIES", agent, customer, index, "customer-first frame")
                    # A、B等企业从C采购: C supplies every member of the customers' list
                    before = [(cm, ce) for cm, ce in inside if cm.end <= start + cue.start() and ce is not e]
                    at = next((i for i, (_cm, ce) in enumerate(before) if ce is customer), None)
                    for _m, also in listed_run(text, before[at:], ZH_LIST_GAP)[1:] if at is not None else ():
                        rel.add("SUPPLIES", e, also, index, "customer-first frame")
            if listed is not None:
                supplier_before = listed[1]
            if new_customer is not None:
                last_customer = (index, new_customer)
        if sent.text.rstrip().endswith(("；", ";")):
            carried = supplier_before


def supply_frames(rel, text: str, sentences: list[Sentence], per_sent, language: str,
                  focus: Entity | None = None) -> None:
    """Add to ``rel`` (a :class:`~chaingraph.extract.relations.Relations`) the SUPPLIES
    edges the verb frames of the module docstring read from ``sentences`` of
    ``text``; ``per_sent`` maps a sentence index to its (mention, entity) pairs in
    text order, ``focus`` is the article's main firm (English only).

    >>> from chaingraph.extract.relations import Relations
    >>> from chaingraph.extract.result import Entity, Mention, Sentence
    >>> t = "A Co. ships cathode to B Co."
    >>> a, b = Entity("e1", "Firm", "A Co."), Entity("e2", "Firm", "B Co.")
    >>> pairs = {0: [(Mention(0, 5, "A Co.", "Firm", 0), a), (Mention(23, 28, "B Co.", "Firm", 0), b)]}
    >>> rel = Relations()
    >>> supply_frames(rel, t, [Sentence(t, 0, len(t))], pairs, "en")
    >>> [(r.head, r.tail) for r in rel.items]
    [('e1', 'e2')]
    """
    if language == "zh":
        _chinese(rel, text, sentences, per_sent)
    else:
        _english(rel, text, sentences, per_sent, focus)

