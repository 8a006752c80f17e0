"""English government bodies named only as a person's employer. As in Chinese
(:mod:`chaingraph.extract.zh_titles`), a body that appears only inside a person's
title ("Zhang Wei, deputy director of the Anhui Provincial Department of …") is not
annotated by the gold conventions; one that hosts, signs or attends anywhere in the
article is kept.

>>> employer_only("said Liu Bo, chief engineer of the Qinghai Provincial Department of Natural Resources", 35)
True
>>> employer_only("Liu Bo, chief engineer of the Qinghai Provincial Department of Natural Resources, attended", 30)
False
>>> employer_only("hosted by the Qinghai Provincial Department of Natural Resources", 14)
False
"""

from __future__ import annotations

import re

from chaingraph.extract.result import Entity

_TITLE_OF = re.compile(
    r"\b(?:(?:deputy|vice|executive|assistant|former|chief)\s+)*"
    r"(?:director(?:\s+general)?|director-general|head|chief engineer|engineer|chairman|chairwoman|chair|"
    r"(?:party\s+)?secretary(?:\s+general)?|mayor|governor|minister|commissioner|spokesperson|spokesman|"
    r"spokeswoman|official|officer|president|general manager|manager|inspector|researcher|dean|professor)s?"
    r"\s+(?:with|at|from|of)\s+(?:the\s+)?$", re.IGNORECASE)


# a person at the event stands for the body (the seed golds keep "X, director of the Y,
# attended the meeting and delivered a speech"): only a quoted remark leaves it out
_PRESENT = re.compile(r"\b(?:attend\w*|speech\w*|spoke|speak\w*|deliver\w*|address\w*|present\w*|presid\w*|"
                      r"at the (?:meeting|ceremony|conference|forum|event|signing|summit|fair))\b", re.IGNORECASE)


def employer_only(text: str, start: int) -> bool:
    """True when the organisation mention starting at ``start`` in ``text`` follows a
    person's title and "of" ("deputy director of the …") in a sentence that does not
    put the person at the event (attended, delivered a speech, at the meeting)."""
    if not _TITLE_OF.search(text, max(0, start - 60), start):
        return False
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stop = min((i for i in (text.find(". ", start), text.find("\n", start)) if i != -1), default=len(text))
    return not _PRESENT.search(text, begin, stop)


def drop_employers(text: str, entities: list[Entity]) -> list[Entity]:
    """Return ``entities`` without the government bodies every mention of which is a
    person's employer (see :func:`employer_only`), numbered again e1, e2, … in order."""
    kept = [e for e in entities if not (e.type == "Agency" and e.mentions and all(
        m.sent >= 0 and employer_only(text, m.start) for m in e.mentions))]
    if len(kept) != len(entities):
        for number, entity in enumerate(kept, start=1):
            entity.id = f"e{number}"
    return kept
