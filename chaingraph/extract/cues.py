"""Patterns that skip text lacking a string every match must hold.

Extraction runs some three hundred patterns over each sentence, and most of them find
nothing in most sentences, yet the regex engine still tries every position. A
pattern's parse tree tells which literal strings a match cannot do without ("based"
in ``X, based in Y``; one of 图 or 摄 in a caption's credit): :func:`cued` returns a
pattern that first looks for one of them with a substring test and runs only where
one is found. Its answers are the pattern's own; only the wasted scans go.

>>> p = cued(r"([A-Z]\\w+), (?:based|headquartered) in ([A-Z]\\w+)")
>>> p.cues
('based', 'headquartered')
>>> p.search("Acme, based in Wuxi").groups(), p.search("Acme makes pumps")
(('Acme', 'Wuxi'), None)
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812  (the parser's opcodes)
from re import _parser

_MAX_CUES = 8  # more alternatives than this cost more to test than the scan they save
_NO_CUE = object()


def required_strings(pattern: str | re.Pattern) -> tuple[frozenset[str], bool] | None:
    """Return ``(strings, folded)`` for ``pattern`` (a str or compiled pattern): every
    match holds one of ``strings``, or, when ``folded`` (the pattern ignores case
    somewhere), the lowercased text holds one of them. None when no set of at most
    eight is found. Lookbehinds and negative assertions are not used, so the strings
    lie inside the match or a lookahead, never before it.

    >>> sorted(required_strings(r"(?:供图|摄)\\s*$")[0])
    ['供图', '摄']
    >>> required_strings(re.compile(r"\\bjoin(ed|s)? the Alliance", re.I))
    (frozenset({' the alliance'}), True)
    >>> required_strings(r"\\w+ Co\\.?"), required_strings(r"\\d+")
    ((frozenset({' Co'}), False), None)
    """
    compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
    tree = _parser.parse(compiled.pattern, compiled.flags)
    state = {"fold": False}
    found = _sequence(list(tree), bool(compiled.flags & re.IGNORECASE), state)
    if found is _NO_CUE or not found:
        return None
    if state["fold"]:
        found = frozenset(c.lower() for c in found)
        if any(ch.lower() != ch.upper() and not ch.isascii() for c in found for ch in c):
            return None  # non-ASCII case pairs (Σ, ς) do not survive lower() one for one
    return found, state["fold"]


def _better(a, b):
    """The stronger of two cue sets: longer shortest string, then fewer strings."""
    if a is _NO_CUE:
        return b
    if b is _NO_CUE:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list, fold: bool, state: dict):
    """Cues of a sequence of parse items: every item a match must pass through
    gives a candidate; runs of literals join into one string."""
    best = _NO_CUE
    run: list[str] = []
    for op, av in items + [(None, None)]:
        if op is C.LITERAL:
            state["fold"] |= fold
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        if op is None:
            break
        best = _better(best, _item(op, av, fold, state))
    return best


def _item(op, av, fold: bool, state: dict):
    """Cues of one parse item, or _NO_CUE."""
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _sequence(list(sub), (fold or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE,
                         state)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av), fold, state)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(list(sub), fold, state) if low >= 1 else _NO_CUE
    if op is C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            cues = _sequence(list(branch), fold, state)
            if cues is _NO_CUE:
                return _NO_CUE
            union |= cues
            if len(union) > _MAX_CUES:
                return _NO_CUE
        return frozenset(union)
    if op is C.ASSERT and av[0] == 1:  # a lookahead: what it sees is inside the searched text
        return _sequence(list(av[1]), fold, state)
    if op is C.IN:
        chars = set()
        state["fold"] |= fold
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif kind is C.RANGE and value[1] - value[0] < _MAX_CUES:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # a category, a negated set or a long range
                return _NO_CUE
        return frozenset(chars) if 0 < len(chars) <= _MAX_CUES else _NO_CUE
    return _NO_CUE


# characters Python's ignore-case matching pairs with an ASCII letter that lower() does not turn into it
_FOLD_EXTRA = str.maketrans({"\u0131": "i", "\u017f": "s"})


_LOWERED: dict[int, tuple[str, str | None]] = {}  # id -> (text, lowered), the text kept so its id stays its own


def _folded(text: str) -> str | None:
    """``text`` lowercased for a cue test, offset for offset, or None when lowering
    changes its length (İ becomes two characters). The few texts asked about last
    (an article and its sentence) are kept, since many patterns test the same one."""
    kept = _LOWERED.get(id(text))
    if kept is not None and kept[0] is text:
        return kept[1]
    lowered = text.lower()
    if "\u0131" in lowered or "\u017f" in lowered:
        lowered = lowered.translate(_FOLD_EXTRA)
    if len(lowered) != len(text):
        lowered = None
    if len(_LOWERED) >= 8:
        _LOWERED.clear()
    _LOWERED[id(text)] = (text, lowered)
    return lowered


class CuedPattern:
    """A compiled pattern with the strings its matches must hold (``cues``): its
    ``search``, ``match``, ``fullmatch``, ``finditer`` and ``findall`` answer as the
    pattern's do, without running it on text that holds none of them. Everything
    else (``pattern``, ``groups``, ``sub``) is the pattern's own."""

    __slots__ = ("_re", "cues", "_fold")

    def __init__(self, compiled: re.Pattern, cues: frozenset[str], folded: bool):
        self._re = compiled
        self.cues = tuple(sorted(cues))
        self._fold = folded

    def __getattr__(self, name):
        return getattr(self._re, name)

    def __repr__(self) -> str:
        return f"cued({self._re!r})"

    def _absent(self, text: str, pos: int, endpos: int | None) -> bool:
        if self._fold:
            text = _folded(text)
            if text is None:
                return False  # lowering moved offsets: run the pattern
        # re reads a negative pos or endpos as 0 where str.find counts from the end
        pos = max(pos, 0)
        end = len(text) if endpos is None else max(endpos, 0)
        find = text.find
        for cue in self.cues:
            if find(cue, pos, end) != -1:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """As :meth:`re.Pattern.search`."""
        if self._absent(text, pos, endpos):
            return None
        return self._re.search(text, pos) if endpos is None else self._re.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        """As :meth:`re.Pattern.match`."""
        if self._absent(text, pos, endpos):
            return None
        return self._re.match(text, pos) if endpos is None else self._re.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        """As :meth:`re.Pattern.fullmatch`."""
        if self._absent(text, pos, endpos):
            return None
        return self._re.fullmatch(text, pos) if endpos is None else self._re.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """As :meth:`re.Pattern.finditer`."""
        if self._absent(text, pos, endpos):
            return iter(())
        return self._re.finditer(text, pos) if endpos is None else self._re.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None):
        """As :meth:`re.Pattern.findall`."""
        if self._absent(text, pos, endpos):
            return []
        return self._re.findall(text, pos) if endpos is None else self._re.findall(text, pos, endpos)


def cued(pattern: str | re.Pattern, flags: int = 0) -> CuedPattern | re.Pattern:
    """Compile ``pattern`` (a str, with ``flags``, or a compiled pattern) and return
    it as a :class:`CuedPattern` when :func:`required_strings` finds its cues, else
    the compiled pattern itself."""
    compiled = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
    found = required_strings(compiled)
    return CuedPattern(compiled, *found) if found else compiled
