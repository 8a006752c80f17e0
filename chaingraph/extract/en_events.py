"""English events and alliances written in lower case around a name: "the launch
event of the 'Travel in Denim' collection", "a signing ceremony for the Lakeside
Valve Park", "joined the Cotton USA licensing programme"; and long event names that
a host holds ("X hosted the 2023 Hill County (Lake Zone) Textile Supply Chain
Matchmaking Conference"), whose head word comes too late for the general rule.

>>> from chaingraph.extract.result import Sentence
>>> s = "Pine Knit joined the Wool Forward licensing programme after the launch event of the 'Blue Hour' range."
>>> [(str(m.type), m.text) for m in event_alliance_mentions(s, [Sentence(s, 0, len(s))])]
[('Event', "launch event of the 'Blue Hour' range"), ('Alliance', 'Wool Forward licensing programme')]
"""

from __future__ import annotations

import re

from chaingraph.extract import lexicon as lx
from chaingraph.extract.result import Mention, Sentence

_EVENT_NOUN = r"(?:event|ceremony|conference|forum|meeting|fair|expo|exhibition|summit|convention|roadshow|show)"
_OCCASION = (r"(?:launch|launching|signing|groundbreaking|ground-breaking|opening|closing|unveiling|award|awards|"
             r"release|press|promotion|promotional|matchmaking|docking|investment|kick-off|commencement|completion|"
             r"inauguration|product|supplier|suppliers|procurement|sourcing|trade|business|networking|"
             r"cooperation|project)")
_CAP_NAME = r"[A-Z][\w&'’-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+|&\s+)?[A-Z0-9][\w&'’-]*)*"
_QUOTED = r"['‘“\"][^'’”\"]{2,60}['’”\"]"
_TAIL_NOUN = r"(?:\s+(?:collection|series|range|line|brand|project|projects|campaign|programme|program|base|park))?"
_LOWER_EVENT = re.compile(
    rf"\b(?:the|a|an)\s+((?:(?:19|20)\d\d\s+)?(?:[a-z][\w-]*\s+)?{_OCCASION}\s+{_EVENT_NOUN}\s+(?:of|for|on)\s+(?:the\s+)?"
    rf"(?:{_QUOTED}{_TAIL_NOUN}|{_CAP_NAME}))")
_HELD_AFTER = re.compile(r"(?:\s*,?\s*(?:which|that)\s+(?:was|is|will be)\s+|\s+)?(?:held|hosted|staged|organi[sz]ed|"
                         r"convened)?")
_PROGRAMME = r"(?:programme|program|initiative|network|platform|coalition|consortium|alliance)"
_JOINED = re.compile(
    rf"\b(?:join|joins|joined|joining|member of|members of|admitted to|signed up to)\s+(?:the\s+)?"
    rf"({_CAP_NAME}(?:\s+(?:[a-z][\w-]*\s+){{0,2}}?{_PROGRAMME}\b)?)")

#: Last words of a joined name that make it a firm, body, park or event, not a programme.
_NOT_JOINED = (lx.FIRM_HEADS | lx.INDUSTRY_HEADS | lx.AGENCY_HEADS | lx.CLUSTER_HEADS | lx.EVENT_HEADS
               | {"hands", "forces", "area", "circle", "agglomeration"})  # a city group is no programme


def event_alliance_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return Event mentions of lowercase occasions named for a quoted or capitalised
    name (``info['trigger']`` at their end, so "… in Guangzhou" places them) and
    Alliance mentions of what firms join; a joined name without a programme word
    ("joins Cotton USA") is marked ``lower`` so it merges with the article's named
    alliance."""
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        s, base = sent.text, sent.start
        for match in _LOWER_EVENT.finditer(s):
            start, end = base + match.start(1), base + match.end(1)
            verb = _HELD_AFTER.match(s, match.end(1))  # "… of X held in Shenzhen": placed after the verb
            out.append(Mention(start, end, match.group(1), "Event", index,
                               info={"trigger": base + verb.end(), "title": sent.title, "lower_event": True}))
        for match in _JOINED.finditer(s):
            name = match.group(1)
            words = name.split()
            named = bool(re.search(rf"\b{_PROGRAMME}$", name))
            if not named and (len(words) < 2 or words[-1].lower() in _NOT_JOINED):
                continue
            start, end = base + match.start(1), base + match.end(1)
            info = {} if named else {"lower": True}
            out.append(Mention(start, end, name, "Alliance", index, info=info))
    return out


_HOSTED = re.compile(r"\b(?:held|hosted|organi[sz]ed|convened|staged|co-hosted|holds|hosts)\s+the\s+")
_TITLE_WORD = r"(?:(?:19|20)\d\d|[A-Z][\w&'’-]*|\([A-Z][^()]{1,80}\)|of|and|for|on|the|&)"
_LONG_NAME = re.compile(rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{3,40}}")
_HEAD_AT_END = re.compile(r"\b(" + "|".join(sorted(lx.EVENT_HEADS)) + r")$", re.IGNORECASE)


def long_named_events(sentences: list[Sentence], events: list[Mention]) -> list[Mention]:
    """Return ``events`` with the events a host holds under a long title-case name
    ("… hosted the 2024 Pine New Area (Pine Development Zone) Industrial Chain
    Conference") added in text order, when no event of ``events`` overlaps them.
    ``info['subject']`` is the clause before the verb, as for other hosted events.

    >>> s = "On May 3, the Pine Committee hosted the 2024 Pine New Area (Pine Port Zone) Industrial Chain Conference."
    >>> [m.text for m in long_named_events([Sentence(s, 0, len(s))], [])]
    ['2024 Pine New Area (Pine Port Zone) Industrial Chain Conference']
    """
    out = list(events)
    for index, sent in enumerate(sentences):
        s = sent.text
        for verb in _HOSTED.finditer(s):
            name = _LONG_NAME.match(s, verb.end())
            if name is None:
                continue
            words = name.group(0).split()
            while words and not _HEAD_AT_END.search(words[-1]):
                words.pop()
            if len(words) < 9:
                continue
            text = " ".join(words)
            if not s.startswith(text, verb.end()):
                continue
            start = sent.start + verb.end()
            end = start + len(text)
            if any(e.start < end and start < e.end for e in events):
                continue
            lead = s.rfind(", ", 0, verb.start())
            subject = (sent.start + (lead + 2 if lead >= 0 else 0), sent.start + verb.start())
            out.append(Mention(start, end, text, "Event", index,
                               info={"trigger": end, "title": sent.title, "subject": subject}))
    return sorted(out, key=lambda m: m.start) if len(out) > len(events) else out
