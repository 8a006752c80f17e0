"""The fast cutter gives jieba's words (exact mode, no HMM) with the project's dictionary."""

import random
from pathlib import Path

import pytest

from chaingraph.extract.segment import DagCutter
from chaingraph.extract.words import plain, shared

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def _strings() -> list[str]:
    """Whole test articles and random pieces of them, with mixed scripts and spacing."""
    rng = random.Random(3)
    out = ["", " ", "\r\n", "a\r\nb", "3.5亿元", "GB18030编码", "长沙、株洲和湘潭", "A股上市", "x-y_z 100%",
           # characters jieba leaves out of its runs of Han but jieba-rs takes in: CJK
           # extension A and B, compatibility ideographs, the end of the basic block
           "长沙㐀株洲", "ab㐀cd", "中国\uf900人民", "\U00020000长沙abc", "鿿湘潭\u9fd6x1", "长\t沙\u3000株洲"]
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        out.append(text)
        for _ in range(150):
            start = rng.randrange(len(text))
            out.append(text[start:start + rng.randint(1, 40)])
    return out


def _jieba_with(words, count):
    """jieba's own tokenizer over its dictionary plus ``words``, each counted ``count``,
    as jieba's ``add_word`` adds them: the reference the cutter must agree with."""
    import jieba

    base = plain()._tk
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dict(base.FREQ), base.total, True
    for word in words:
        if not tk.FREQ.get(word):
            tk.FREQ[word] = count
            tk.total += count
            for i in range(1, len(word)):
                tk.FREQ.setdefault(word[:i], 0)
    return tk


def test_the_cutter_gives_jiebas_words():
    strings = _strings()
    assert any("\u4e00" <= ch <= "\u9fff" for s in strings for ch in s)
    cutter = shared()._cutter
    assert len(cutter._extra) > 100  # the gazetteer's and the lexicon's words are in it
    reference = _jieba_with(cutter._extra, cutter._extra_count)
    plain_cutter = DagCutter(plain()._tk)
    for text in strings:
        assert cutter.cut(text) == list(reference.cut(text, HMM=False)), text[:60]
        assert shared().words(text) == cutter.cut(text)
        assert plain_cutter.cut(text) == plain().words(text) == list(plain()._tk.cut(text, HMM=False)), text[:60]


def test_a_word_the_dictionary_counts_0_is_added_and_one_it_counts_is_not():
    import jieba

    tk = jieba.Tokenizer()
    # 长沙 is in the dictionary only as a prefix of 长沙市 (count 0)
    tk.FREQ = {"长": 5, "沙": 5, "长沙": 0, "长沙市": 1, "市": 2, "株": 0, "株洲": 1}
    tk.total, tk.initialized = 14, True
    cutter = DagCutter(tk, ["长沙", "株洲"], 100)
    reference = jieba.Tokenizer()
    reference.FREQ, reference.total, reference.initialized = dict(tk.FREQ, 长沙=100), 114, True
    assert cutter.cut("长沙株洲") == list(reference.cut("长沙株洲", HMM=False)) == ["长沙", "株洲"]
    # 长沙 + 市 beats 长沙市 while the total is under 200 (1/T < 100·2/T²): had 株洲's
    # count been raised to 100 too, the total would be 213 and 长沙市 would win
    assert cutter.cut("株洲长沙市") == list(reference.cut("株洲长沙市", HMM=False)) == ["株洲", "长沙", "市"]


def test_a_tie_goes_to_the_longer_word_as_in_jieba():
    import jieba

    tk = jieba.Tokenizer()
    # 长沙 alone scores log(1/16); 长 + 沙 scores log(4/16) twice: the same sum
    tk.FREQ, tk.total, tk.initialized = {"长沙": 1, "长": 4, "沙": 4, "株": 7}, 16, True
    assert DagCutter(tk).cut("长沙") == list(tk.cut("长沙", HMM=False)) == ["长沙"]


def test_a_total_above_the_sum_of_the_counts_is_kept():
    import jieba

    tk = jieba.Tokenizer()
    # with a total of 16 (7 more than the counts), 长 + 沙 ties 长沙 as above; with the
    # sum, 9, it would win (2 log 4/9 > log 1/9)
    tk.FREQ, tk.total, tk.initialized = {"长沙": 1, "长": 4, "沙": 4}, 16, True
    text = "长沙\uffff\ufffe长沙"
    assert DagCutter(tk).cut(text) == list(tk.cut(text, HMM=False))
    assert DagCutter(tk).cut("长沙") == ["长沙"]


def test_a_total_below_the_sum_of_the_counts_is_refused():
    import jieba

    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = {"长沙": 1, "长": 2, "沙": 2}, 4, True
    with pytest.raises(ValueError, match="less than the sum"):
        DagCutter(tk).cut("长沙")
