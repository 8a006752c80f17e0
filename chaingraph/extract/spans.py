"""Sets of character spans that answer "is this offset covered?" in log time, and
a finder of many literal forms in a text that tries only the forms that can match
at each place, so that matching an article's text stays near-linear in its length.

>>> taken = Covered([(0, 3), (10, 12)])
>>> taken.add(3, 5)
>>> [x in taken for x in (0, 4, 5, 9, 11, 12)]
[True, True, False, False, True, False]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator


class Covered:
    """The offsets covered by a growing set of half-open spans ``[start, end)``:
    ``x in covered`` is true when some added span has ``start <= x < end``. Spans
    are kept merged, sorted by start."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Cover the offsets ``start <= x < end`` too (an empty span covers none)."""
        if end <= start:
            return
        first = bisect_left(self._ends, start)  # the spans that overlap or touch it
        last = bisect_right(self._starts, end)
        if first < last:
            start = min(start, self._starts[first])
            end = max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def __contains__(self, offset: int) -> bool:
        """True when ``offset`` lies in an added span."""
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


class Containing:
    """A fixed set of spans that tells whether one of them contains a given span.

    >>> spans = Containing([(0, 10), (5, 30)])
    >>> spans.contains(2, 9), spans.contains(6, 30), spans.contains(2, 12), spans.contains(40, 41)
    (True, True, False, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = None
        for _, end in ordered:
            furthest = end if furthest is None else max(furthest, end)
            self._reach.append(furthest)

    def contains(self, start: int, end: int, strict_start: bool = False) -> bool:
        """True when a span ``(a, b)`` has ``a <= start`` (``a < start`` with
        ``strict_start``) and ``end <= b``."""
        i = (bisect_left if strict_start else bisect_right)(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


def _coarse(ch: str) -> str:
    """A key that two characters share whenever a case-insensitive regex matches one
    with the other: an ASCII character lowered, except i, k and s, which also match
    non-ASCII letters (ı, İ, K, ſ); a non-ASCII character without case (汉) itself,
    since re compiles such a character to a plain literal; every other character "*"."""
    if ch.isascii():
        low = ch.lower()
        return low if low not in "iks" else "*"
    return ch if ch.lower() == ch == ch.upper() else "*"


def _exact(ch: str) -> str:
    return ch


_WORD_CHAR = re.compile(r"[\w-]")


class _Found:
    """The part of a regex match that callers of :class:`FormFinder` read."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int):
        self.string, self._start, self._end = string, start, end

    def start(self, group: int = 0) -> int:
        return self._start

    def end(self, group: int = 0) -> int:
        return self._end

    def group(self, group: int = 0) -> str:
        return self.string[self._start:self._end]


class FormFinder:
    r"""Finds the same matches, in the same order, as the regex of the ``forms``
    longest first, ``re.compile("form|...").finditer(text)``, or with ``words``
    ``re.compile(r"(?<![\w-])(form|...)(?![\w-])", re.IGNORECASE)``, whose group 1
    is the form matched; but without trying every form at every place: a trie of
    the forms (of their coarse keys, :func:`_coarse`, when case is ignored) gives the
    few lengths that can match at a place, and the longest one the regex confirms is
    the match."""

    _END = ""  # the trie key under which a node lists the forms that end there

    def __init__(self, forms: list[str], words: bool = False):
        self._key = _coarse if words else _exact
        self._words = words
        self._root: dict = {}
        for form in sorted(forms, key=len, reverse=True):
            node = self._root
            for ch in form:
                node = node.setdefault(self._key(ch), {})
            node.setdefault(self._END, []).append(form)
        self._verifiers: dict[int, re.Pattern] = {}
        if words:  # a word start whose character some form can begin with (either case)
            firsts = "".join(re.escape(k) + re.escape(k.upper()) for k in self._root if k != "*")
            if "*" in self._root:
                firsts += "iksIKS"
            wide = r"|[^\x00-\x7f]" if "*" in self._root else ""
            self._starts = re.compile(r"(?<![\w-])(?:[" + firsts + "]" + wide + ")")
        else:
            self._starts = re.compile("[" + "".join(re.escape(ch) for ch in self._root) + "]")

    def _verifier(self, node: dict) -> re.Pattern:
        pattern = self._verifiers.get(id(node))
        if pattern is None:
            alternatives = "|".join(re.escape(f) for f in node[self._END])
            pattern = self._verifiers[id(node)] = (
                re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])", re.IGNORECASE) if self._words
                else re.compile("(" + alternatives + ")"))
        return pattern

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Yield the regex matches of the forms in ``text``, left to right, none
        overlapping."""
        root, end_key, key = self._root, self._END, self._key
        if not root:
            return
        resume = 0
        for start in self._starts.finditer(text):
            pos = start.start()
            if pos < resume or key(text[pos]) not in root:
                continue
            ends: list[dict] = []  # the nodes passed that end a form, shortest first
            node, i = root, pos
            while i < len(text):
                node = node.get(key(text[i]))
                if node is None:
                    break
                i += 1
                if end_key in node:
                    ends.append(node)
            if ends and not self._words:  # the walk read the form itself: nothing left to confirm
                form = ends[-1][end_key][0]
                resume = pos + len(form)
                yield _Found(text, pos, resume)
                continue
            for candidate in reversed(ends):
                forms = candidate[end_key]
                seg = text[pos:pos + len(forms[0])]
                if seg.isascii() and all(f.isascii() for f in forms):
                    # ASCII on both sides: the regex's ignored case is lower(), its word edges one character each
                    low = seg.lower()
                    stop = pos + len(seg)
                    if any(f.lower() == low for f in forms) and not (pos and _WORD_CHAR.match(text, pos - 1)) \
                            and not _WORD_CHAR.match(text, stop):
                        resume = stop
                        yield _Found(text, pos, stop)
                        break
                    continue
                match = self._verifier(candidate).match(text, pos)
                if match is not None:
                    resume = match.end()
                    yield match
                    break
