"""Splitting cleaned text into sentences with their character offsets, and telling
English from Chinese."""

from __future__ import annotations

import re

from chaingraph.extract.result import Sentence

_EN_END = re.compile(r"(?<=[.!?;])[\"'”’)]*\s+(?=[\"“'(A-Z0-9])|\n+")
_ZH_END = re.compile(r"(?<=[。！？；!?;])[”’」』）)]*|\n+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]+")
_ABBREV = re.compile(r"\b(Co|Ltd|Inc|Corp|No|Mr|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                     r"U\.S|e\.g|i\.e|vs)\.$")

_LEGAL_END = re.compile(r"\b(?:Ltd|Inc|Corp)\.$")
_ROLE_NEXT = re.compile(r"(?:Chairman|Chairwoman|President|CEO|General|Vice|Deputy|Director|Secretary|Manager|"
                        r"Chief|Founder|Co\.|Ltd\.|Limited|\()")


def detect_language(text: str) -> str:
    """Return ``"zh"`` when Chinese characters outnumber Latin words, else ``"en"``.

    >>> detect_language("长沙工程机械产业链"), detect_language("Changsha machinery")
    ('zh', 'en')
    """
    sample = text[:5000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk > latin else "en"


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Return the sentences of ``text`` with offsets; the first line is marked as
    the title when it is followed by a blank line or is short and has no full stop.

    >>> [s.text for s in split_sentences("Title here\\n\\nFirst one. Second one.", "en")]
    ['Title here', 'First one.', 'Second one.']
    """
    splitter = _ZH_END if language == "zh" else _EN_END
    out: list[Sentence] = []
    pos = 0
    pieces: list[tuple[int, int]] = []
    for match in splitter.finditer(text):
        cut = match.start() if match.group(0).startswith("\n") or match.group(0).isspace() else match.end()
        if language != "zh" and not match.group(0).startswith("\n"):
            before = text[max(0, pos):match.start()]
            if _ABBREV.search(before.rstrip("\"'”’)")) and not (
                    _LEGAL_END.search(before) and not _ROLE_NEXT.match(text, match.end())):
                continue  # "Ltd." ends a sentence unless a title follows ("… Ltd. Chairman Li")
        pieces.append((pos, cut))
        pos = match.end()
    pieces.append((pos, len(text)))
    for start, end in pieces:
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            out.append(Sentence(body, start + lead, start + lead + len(body)))
    for sent in out[:-1]:
        if sent.text.rstrip().endswith((".", "。", "!", "！", "?", "？", ";", "；")):
            break
        line_start = text.rfind("\n", 0, sent.start) + 1
        line_end = text.find("\n", sent.end)
        line = text[line_start:line_end if line_end != -1 else len(text)].strip()
        if line != sent.text or len(sent.text) > 200:
            break
        sent.title = True
    return out
