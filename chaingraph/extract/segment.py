"""Most-probable-path segmentation over a jieba dictionary: the words jieba's
``cut(text, HMM=False)`` gives, found by rjieba (jieba-rs, the same algorithm in
Rust) four to seven times faster than a walk of the word graph in Python.

Extraction cuts some eighty strings a Chinese article, so cutting was a seventh of
its time. jieba stays the dictionary and the reference: the Rust segmenter is filled
with the tokenizer's own words and counts (about half a second for jieba's
dictionary), so it knows no word jieba does not. ``tests/extract/test_segment.py``
checks that the words are jieba's.

>>> import jieba
>>> tk = jieba.Tokenizer(); tk.FREQ, tk.total, tk.initialized = {"长沙": 5, "长": 3, "沙": 1}, 9, True
>>> DagCutter(tk).cut("长沙 ab长沙")
['长沙', ' ', 'ab', '长沙']
"""

from __future__ import annotations

from collections.abc import Iterable

from chaingraph.errors import ChainGraphError


_FILLER = "\uffff\ufffe"


class DagCutter:
    """Cuts text into words with the dictionary of a jieba ``Tokenizer``: its
    ``FREQ`` (where a prefix of a word has frequency 0) and its ``total``, which may
    not be less than the sum of the frequencies (jieba's is 3 more: its dictionary
    file lists a few words twice); and with ``extra`` words (an iterable of strings)
    that the dictionary lacks or counts 0, each counted ``extra_count`` as jieba's
    ``add_word`` would. The dictionary must not change after the cutter is made; it
    is copied on the first cut."""

    def __init__(self, tokenizer, extra: Iterable[str] = (), extra_count: int = 1):
        self._tokenizer = tokenizer
        self._extra = list(extra)
        self._extra_count = extra_count
        self._rust = None

    def _build(self):
        try:
            import rjieba
        except ImportError as exc:  # declared in pyproject.toml; a broken install says so
            raise ChainGraphError("rjieba is not installed (pip install rjieba)") from exc
        freq = self._tokenizer.FREQ
        words = {word: count for word, count in freq.items() if count}
        total = sum(words.values())
        if total > self._tokenizer.total:
            raise ValueError(f"the dictionary's total {self._tokenizer.total} is less than the sum of its "
                             f"counts ({total})")
        filler = self._tokenizer.total - total
        for word in self._extra:
            if not words.get(word):
                words[word] = self._extra_count
        rust = rjieba.Jieba()
        rust.clear()  # its own copy of jieba's dictionary: the tokenizer's words replace it
        add = rust.add_word
        for word, count in words.items():
            add(word, count, None)
        if filler:
            # a word's score is log(count / total), so the totals must agree: the rest goes
            # to a word of noncharacters, which no run of Han the segmenter walks can hold
            add(_FILLER, filler, None)
        self._rust = rust
        return rust

    def cut(self, text: str) -> list[str]:
        """Return the words of ``text`` (a str), in order; they join back to it."""
        rust = self._rust or self._build()
        return rust.cut(text, False)
