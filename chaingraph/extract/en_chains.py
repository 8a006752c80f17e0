"""Open-vocabulary product chains of English articles.

The chain lexicon cannot hold every product. News about a deal in one product
repeats it and uses it as the head of trade words: "a polysilicon order",
"polysilicon products", "an EV maker", "US cotton consumption". A noun (or a short
acronym) that stands before such a trade word at least once and that the article
uses at least three times is a Chain, at each of its uses that no other name covers.
Adjectives ("long-term", "local", "supporting"), words of chains found and
acronyms of names ("BYD suppliers") are left out. A lowercase "A and B" chain
is two chains unless a name is made of the phrase.
"""

from __future__ import annotations

import re
from collections import Counter

from chaingraph.extract.result import Mention, Sentence

_TRADE = (r"(?:products?|orders?|materials?|industry|industries|market|makers?|manufacturers?|providers?|"
          r"suppliers?|producers?|consumption|prices?|exports?|imports?|output|production capacity|sales)")
_BEFORE_TRADE = re.compile(r"(?<![\w-])([a-z][a-z]{3,}|[A-Z]{2,4})\s+" + _TRADE + r"\b")
_NOT_NOUN = re.compile(r"(?:ing|ed|al|ive|ous|ful|ary|ern|ese|ish|ian|ly|est|er)$")
_STOP = frozenset("""this that these those their there which other such some more most many much each every
their what with from into over also only both same main major total overall global local domestic foreign
equipment construction technology technologies service services business project projects development production
investment trade supply chain chains industry manufacturing enterprise company group firm goods parts part core
procurement purchase sales market new high quality key world country countries city province region area
county overseas china import export price first second third annual monthly daily retail wholesale online
consumer consumers end raw finished related relevant various future current year years month week
will would shall should could must might cannot""".split())  # "will import": a verb, not a product


def product_chains(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return Chain mentions of the products the article deals in (see the module
    docstring); ``mentions`` are those found so far, which keep their spans.

    >>> s = "Pine signed a graphite order. Graphite prices rose. It buys graphite products."
    >>> [(m.text, m.key) for m in product_chains(s, [Sentence(s, 0, len(s))], [])]
    [('graphite', 'graphite'), ('Graphite', 'graphite'), ('graphite', 'graphite')]
    """
    found = Counter(m.group(1) for m in _BEFORE_TRADE.finditer(text))
    chains = {w.lower() for m in mentions if m.type == "Chain"
              for w in re.findall(r"[A-Za-z-]+", m.text or text[m.start:m.end])}
    words: set[str] = set()
    for word in found:
        low = word.lower()
        if low in _STOP or low in chains or (word.islower() and _NOT_NOUN.search(low)):
            continue
        pattern = re.compile(rf"\b{re.escape(word)}\b", 0 if word.isupper() else re.IGNORECASE)
        if len(pattern.findall(text)) >= 3:
            words.add(word)
    if not words:
        return []
    covered = [(m.start, m.end) for m in mentions]
    named = {w.lower() for m in mentions if m.type != "Chain" for w in re.findall(r"[A-Za-z-]+", m.text)}
    out: list[Mention] = []
    for word in sorted(words):
        if word.isupper() and word.lower() in named:
            continue  # "BYD supplier": an acronym of a name is the name's
        word = _with_its_modifier(text, word)
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}\b", 0 if word.isupper() else re.IGNORECASE)
        for index, sent in enumerate(sentences):
            for m in pattern.finditer(sent.text):
                start, end = sent.start + m.start(), sent.start + m.end()
                if any(a < end and start < b for a, b in covered):
                    continue
                out.append(Mention(start, end, m.group(0), "Chain", index, key=word.lower()))
    return sorted(out, key=lambda m: m.start)


def _with_its_modifier(text: str, word: str) -> str:
    """``word`` with the lowercase noun that stands before every one of its uses
    ("lithium salt producer", "lithium salt suppliers": the product is lithium salt)."""
    if word.isupper():
        return word
    before = {m.group(1).lower() for m in re.finditer(rf"(?<![\w-])(\S*)\s+{re.escape(word)}\b", text, re.IGNORECASE)}
    if len(before) != 1:
        return word
    modifier = next(iter(before))
    if not re.fullmatch(r"[a-z][a-z-]{2,}", modifier) or modifier in _STOP or _NOT_NOUN.search(modifier):
        return word
    return f"{modifier} {word}"


def named_topic(rel, entities) -> None:
    """An event whose name holds a chain of the article ("launch of the 'Blue Denim'
    range") is about that chain; chains that only stood in the sentence naming it
    ("named with the event") give way to it."""
    event = next((e for e in entities if e.type == "Event"), None)
    if event is None:
        return
    low = event.name.lower()
    named = [c for c in entities if c.type == "Chain" and len(c.name) >= 3
             and re.search(rf"(?<![\w-]){re.escape(c.name.lower())}(?![\w-])", low)]
    if not named:
        return
    weak = [r for r in rel.from_head("ABOUT", event.id)
            if r.note == "named with the event" and r.tail not in {c.id for c in named}]
    if not weak:
        return
    for r in weak:
        rel.remove(r)
    for chain in named:
        rel.add("ABOUT", event, chain, None, "the chain is in the event's name")


_AND = re.compile(r"\s+and\s+")


def split_coordinated(mentions: list[Mention], events: list[Mention]) -> list[Mention]:
    """Return ``mentions`` with each lowercase chain "A and B" ("its automobile and parts
    industry") split into the chains A and B — unless an organisation or event of
    ``mentions`` or ``events`` is named after the whole phrase, which then is one
    chain (GOLD_FORMAT, coordinated chains).

    >>> m = Mention(4, 24, "automobile and parts", "Chain", 0, key="automobile and parts")
    >>> [(x.text, x.start, x.end) for x in split_coordinated([m], [])]
    [('automobile', 4, 14), ('parts', 19, 24)]
    """
    from chaingraph.extract.english import _CHAIN_CANON

    named = [m.text.casefold() for m in [*mentions, *events] if m.type not in ("Chain", "City", "Province")]
    out: list[Mention] = []
    for m in mentions:
        parts = _AND.split(m.text) if m.type == "Chain" and not m.nested_in and m.text.islower() else [m.text]
        # a name holding the phrase, or its start ("… Building Materials and Prefabricated Construction Alliance")
        if len(parts) != 2 or not all(parts) or any(
                f"{parts[0]} and {parts[1].split()[0]}".casefold() in n for n in named):
            out.append(m)
            continue
        second = m.start + m.text.index(parts[1], len(parts[0]))
        for start, part in ((m.start, parts[0]), (second, parts[1])):
            out.append(Mention(start, start + len(part), part, "Chain", m.sent,
                               key=_CHAIN_CANON.get(part.lower(), part.lower()), info=dict(m.info)))
    return out


# words that end a clause, not a trade: "construction machinery supporting (industry)",
# "electric tricycles located (in the park)"; and words that open a clause: ", where demand …"
_TRAILING_NOT_TRADE = re.compile(r"\s+(?:supporting|located|based|related|related to|concerned|involved)$", re.IGNORECASE)
_LEADING_CLAUSE = re.compile(r"(?:where|which|who|whose|when|while|whereas)\b", re.IGNORECASE)


def tidy_edges(mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` with English chain mentions cut before a trailing
    participle that is no trade ("construction machinery supporting" →
    "construction machinery") and without chain mentions that open on a relative word
    ("where demand"). Other mentions pass unchanged.

    >>> m = Mention(0, 33, "construction machinery supporting", "Chain", 0)
    >>> [x.text for x in tidy_edges([m, Mention(40, 52, "where demand", "Chain", 0)])]
    ['construction machinery']
    """
    out = []
    for m in mentions:
        if m.type == "Chain" and m.text:
            if _LEADING_CLAUSE.match(m.text):
                continue
            cut = _TRAILING_NOT_TRADE.search(m.text)
            if cut is not None and cut.start() > 0:
                m.end -= len(m.text) - cut.start()
                m.text = m.text[:cut.start()]
                m.key = ""  # keyed again from the new text
        out.append(m)
    return out
