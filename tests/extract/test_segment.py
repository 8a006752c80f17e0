"""The fast cutter gives jieba's words (exact mode, no HMM) with the project's dictionary."""

import random
from pathlib import Path

from chaingraph.extract.segment import DagCutter
from chaingraph.extract.words import plain, shared

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def _strings() -> list[str]:
    """Whole test articles and random pieces of them, with mixed scripts and spacing."""
    rng = random.Random(3)
    out = ["", " ", "\r\n", "a\r\nb", "3.5亿元", "GB18030编码", "长沙、株洲和湘潭", "A股上市", "x-y_z 100%"]
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        out.append(text)
        for _ in range(150):
            start = rng.randrange(len(text))
            out.append(text[start:start + rng.randint(1, 40)])
    return out


def test_the_cutter_gives_jiebas_words():
    strings = _strings()
    assert any("\u4e00" <= ch <= "\u9fff" for s in strings for ch in s)
    for segmenter in (shared(), plain()):
        cutter = DagCutter(segmenter._tk)
        for text in strings:
            assert cutter.cut(text) == list(segmenter._tk.cut(text, HMM=False)), text[:60]


def test_a_tie_goes_to_the_longer_word_as_in_jieba():
    import jieba

    tk = jieba.Tokenizer()
    # 长沙 alone scores log(1/4); 长 + 沙 scores log(2/4) twice: the same sum
    tk.FREQ, tk.total, tk.initialized = {"长沙": 1, "长": 2, "沙": 2}, 4, True
    assert DagCutter(tk).cut("长沙") == list(tk.cut("长沙", HMM=False)) == ["长沙"]
