"""Extracting one long article: a 1 MB article (English, then Chinese) against the
user's alternative, the same text cut at paragraph breaks into articles of about
3,000 characters and extracted one by one. Their ratio shows whether extraction
time grows with the square of an article's length (a large ratio) or in step with
it (about 1).

The text is the project's test articles, furniture removed, with paragraphs naming
generated firms (bench.generate) between them, so a long article holds thousands of
distinct firms as a long real report does.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench import benchmark
from bench.generate import generate_firms
from chaingraph.extract import extract_article
from chaingraph.extract.clean import clean_text
from chaingraph.extract.reader import Article, read_articles

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"
_ZH_LINES = ["{a}与{b}签署战略合作协议，双方将在{c}共建生产基地。", "{a}向{b}供应关键零部件，年供货额超过{n}亿元。",
             "{c}{a}、{b}等企业参加了本次产业链对接活动。"]
_EN_LINES = ["{a} signed a supply agreement with {b} in {c}.", "{a} will supply key components to {b}, worth {n} million yuan.",
             "Firms such as {a} and {b} from {c} took part in the matchmaking event."]


def _paragraphs(lang: str) -> list[str]:
    out = []
    for path in sorted(DATA.iterdir()):
        if path.is_file():
            for article in read_articles(path):
                if isinstance(article, Exception):
                    continue
                text = clean_text(article.text).text
                if ("zh" if sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 50 else "en") == lang:
                    out.extend(p for p in text.split("\n\n") if p.strip())
    return out


def make_long_text(size: int, lang: str, seed: int = 0) -> str:
    """Return about ``size`` characters of article text in ``lang`` ("en"/"zh"):
    test-article paragraphs and paragraphs naming generated firms, alternately."""
    rng = random.Random(seed)
    pool = _paragraphs(lang)
    firms = [f for f in generate_firms(20_000, seed) if (f.name.isascii()) == (lang == "en")]
    lines = _EN_LINES if lang == "en" else _ZH_LINES
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(rng.choice(pool))
        a, b = rng.sample(firms, 2)
        parts.append(rng.choice(lines).format(a=a.name, b=b.name, c=a.city, n=rng.randint(2, 90)))
        total += len(parts[-2]) + len(parts[-1]) + 4
    return "\n\n".join(parts)


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut at paragraph breaks into pieces of about ``size`` characters."""
    out, current = [], []
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        if sum(map(len, current)) >= size:
            out.append("\n\n".join(current))
            current = []
    if current:
        out.append("\n\n".join(current))
    return out


@benchmark("article-1mb")
def article_1mb() -> dict:
    """Extract a 1 MB English and a 1 MB Chinese article, and the same texts as
    ~3,000-character articles; report CPU seconds of each and their ratio."""
    figures: dict = {}
    total = 0.0
    for lang in ("en", "zh"):
        text = make_long_text(1_000_000, lang)
        pieces = _pieces(text, 3000)
        extract_article(Article("warm.txt", pieces[0]))  # gazetteers and patterns loaded outside the timing
        start = time.process_time()
        whole = extract_article(Article(f"long_{lang}.txt", text))
        one = time.process_time() - start
        start = time.process_time()
        for i, piece in enumerate(pieces):
            extract_article(Article(f"piece_{i}.txt", piece))
        split = time.process_time() - start
        total += one
        figures.update({f"{lang}_chars": len(text), f"{lang}_entities": len(whole.entities),
                        f"{lang}_one_article_s": round(one, 2), f"{lang}_as_{len(pieces)}_articles_s": round(split, 2),
                        f"{lang}_ratio": round(one / split, 2)})
    # CPU time: the machine is shared; the ratio is what matters.
    return {"seconds": round(total, 2), **figures}
