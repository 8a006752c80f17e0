"""English lists of chains that the general list rules of :mod:`lists` do not open,
and what such lists say about the article's event.

- **Areas and domains.** "companies in areas like a and b", "domains such as a, b
  and c": every member is a Chain, as after "industries such as".
- **Lists with a known chain.** "to develop a, b and c", "focusing on a, b and c":
  a coordinated list of short lowercase noun phrases after a verb of making or
  focusing is a list of chains when at least one member is a chain of the lexicon —
  the others are then chains the lexicon does not know (open vocabulary). A list
  with a member headed by an activity ("research, production and sales", "areas
  such as drug research and development") is a list of tasks and left alone.

What a list of chains in a sentence about the event's participants says of the
event is :func:`chaingraph.extract.lists.participant_lists`'s.
"""

from __future__ import annotations

import re

from chaingraph.extract.lists import ListHit
from chaingraph.extract.result import Sentence

_STOP = (r"(?!(?:was|were|is|are|will|would|has|have|had|be|been|to|in|at|for|with|by|from|on|which|that|of|and|"
         r"or|as|its|their|the|a|an|other|more|such|also)\b)")
_WORD = rf"{_STOP}[a-z][a-z-]*"
_ITEM = rf"{_WORD}(?: {_WORD}){{0,4}}"
_SERIES = rf"((?:{_ITEM},\s+)*{_ITEM},?\s+(?:and|as well as)\s+{_ITEM})"
_AREAS = re.compile(r"\b(?:areas|domains|segments|fields|sectors|industries)\s*,?\s+(?:such as|like|including)\s+"
                    + _SERIES)
_MAKING = re.compile(r"\b(?:develop|develops|developing|produce|produces|producing|focus(?:es|ed|ing)? on|"
                     r"engaged in|specializ(?:es|ing|ed) in|specialis(?:es|ing|ed) in)\s+" + _SERIES)
#: Head words of tasks, not chains ("energy storage" and "smart logistics" are chains, so those are not here).
_ACTIVITY = frozenset("""research development production sales design service services testing processing trade
marketing operation operations management investment construction maintenance installation training financing
consulting leasing repair assembly distribution planning application applications innovation cooperation
products product""".split())


def _known_chain(item: str) -> bool:
    from chaingraph.extract import lexicon as lx

    low = item.lower()
    return any(low == f.lower() or low.rstrip("s") == f.lower().rstrip("s")
               for table in (lx.CHAINS, lx.WEAK_CHAINS) for forms in table.values() for f in forms)


def _items(series: str, offset: int) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"[^,]+", series):
        for part in re.split(r"\s+(?:and|as well as)\s+", m.group(0)):
            item = re.sub(r"^(?:and|as well as)\s+", "", part.strip())
            if not item:
                continue
            start = offset + m.start() + m.group(0).index(item)
            out.append((start, start + len(item), item))
    return out


def more_lists(sentences: list[Sentence], found: list[ListHit]) -> list[ListHit]:
    """Return the chain lists of the module docstring that none of ``found`` (the
    general rules' lists) already holds.

    >>> s = "The firm will develop hydrogen energy, new materials and smart sensing in the park."
    >>> [[t for _a, _b, t in h.members] for h in more_lists([Sentence(s, 0, len(s))], [])]
    [['hydrogen energy', 'new materials', 'smart sensing']]
    >>> s = "It covers research, production and sales."
    >>> more_lists([Sentence(s, 0, len(s))], [])
    []
    """
    taken = {(a, b) for hit in found for a, b, _t in hit.members}
    out: list[ListHit] = []
    for index, sent in enumerate(sentences):
        for regex in (_AREAS, _MAKING):
            for match in regex.finditer(sent.text):
                members = _items(match.group(1), match.start(1))
                if any(t.split()[-1] in _ACTIVITY for _a, _b, t in members):
                    continue  # "areas such as drug research and development": tasks, not chains
                members = [(sent.start + a, sent.start + b, t) for a, b, t in members]
                if len(members) < 2 or any((a, b) in taken for a, b, _t in members):
                    continue
                if regex is _MAKING and not any(_known_chain(t) for _a, _b, t in members):
                    continue
                out.append(ListHit("Chain", index, members[0][0], members))
                taken.update((a, b) for a, b, _t in members)
    return out
