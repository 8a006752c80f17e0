"""Issue 4's benchmark: article extraction throughput on one core.

Articles of about 3,000 characters are assembled from the project's own test
articles (English and Chinese, furniture included), with numbers and dates varied so
no two are the same; the timed part is ``extract_article`` on each (cleaning,
mentions, entities, relations, facts). Target: at least 100 articles a second.

There is no like-for-like baseline: nothing a user would reach for finds firms,
their relations and facts in mixed Chinese and English news. Throughput is also
given in characters per CPU second, which does not depend on the article size, and,
when jieba is installed (the ``bench`` extra), beside jieba's word segmentation
(``jieba.lcut``) of the same texts: not the same work, only the first step a user
writing their own extractor would take, so ``ratio_vs_jieba_cut`` says how many
segmentation passes one extraction costs.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench import Timer, benchmark
from bench.baselines import ratio
from chaingraph.extract import extract_article
from chaingraph.extract.reader import Article, read_articles

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"


def make_articles(n: int, size: int = 3000, seed: int = 0) -> list[Article]:
    """Return ``n`` articles of about ``size`` characters, half English, half Chinese."""
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {"en": [], "zh": []}
    for path in sorted(DATA.iterdir()):
        if path.is_file():
            for article in read_articles(path):
                if isinstance(article, Exception):
                    continue
                lang = "zh" if sum("\u4e00" <= ch <= "\u9fff" for ch in article.text) > 50 else "en"
                pools[lang].append(article.text)
    out = []
    for i in range(n):
        pool = pools["en" if i % 2 == 0 else "zh"]
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            text = rng.choice(pool)
            text = text.replace("18", str(rng.randint(2, 99))).replace("2023", str(rng.randint(2015, 2025)))
            parts.append(text)
        out.append(Article(f"bench_{i}.txt", "\n\n".join(parts)[: size + 400]))
    return out


@benchmark("articles-extract")
def articles_extract() -> dict:
    """Extract 600 articles of ~3,000 characters; report articles per second."""
    articles = make_articles(600)
    for warm in articles[:2]:  # load gazetteers and compile patterns (both languages) outside the timing
        extract_article(warm)
    entities = 0
    cpu_start = time.process_time()
    with Timer() as t:
        for article in articles:
            entities += len(extract_article(article).entities)
    cpu = time.process_time() - cpu_start
    chars = sum(len(a.text) for a in articles)
    # CPU time is what one core gives when the machine is shared; wall time is shown too.
    figures = {"seconds": round(t.seconds, 2), "cpu_seconds": round(cpu, 2), "articles": len(articles),
               "avg_chars": chars // len(articles), "articles_per_s": round(len(articles) / t.seconds, 1),
               "articles_per_cpu_s": round(len(articles) / cpu, 1), "chars_per_cpu_s": int(chars / cpu),
               "entities": entities}
    return {**figures, **_jieba_cut(articles, cpu)}


def _jieba_cut(articles: list[Article], extract_cpu: float) -> dict:
    """Time ``jieba.lcut`` over ``articles`` in CPU seconds; return its time and
    the ratio of ``extract_cpu`` to it, or a note that jieba is not installed."""
    try:
        import jieba
    except ImportError:
        return {"jieba": "not installed (pip install -e .[bench])"}
    jieba.setLogLevel(60)
    jieba.lcut(articles[1].text)  # loads its dictionary outside the timing, as the warm-up above does
    cpu_start = time.process_time()
    words = sum(len(jieba.lcut(a.text)) for a in articles)
    cpu = time.process_time() - cpu_start
    return {"jieba_cut_cpu_s": round(cpu, 2), "jieba_words": words, "ratio_vs_jieba_cut": ratio(extract_cpu, cpu)}


def store_like_names(n: int, seed: int = 1) -> list[tuple[str, str, str]]:
    """Return ``(type, canonical, form)`` entries for ``n`` made-up firms, as a store
    of ``n`` firms holds them: a registered Chinese name, its short name, and for
    one firm in four an English name."""
    rng = random.Random(seed)
    chars = "华中国新东南西北天金宏鑫达盛泰恒昌隆丰源瑞祥安康凯越博远航海云峰创信德嘉"
    trades = ["科技", "电子", "机械", "新材料", "汽车零部件", "智能装备", "化工", "纺织", "医药", "能源"]
    syllables = ["Hua", "Xin", "Tai", "Heng", "Rui", "Kang", "Bo", "Yuan", "Hang", "Feng", "Jia", "Sheng"]
    out = []
    seen = set()
    while len(seen) < n:
        core = "".join(rng.choice(chars) for _ in range(rng.randint(2, 4)))
        trade = rng.choice(trades)
        full = f"{core}{trade}{rng.choice(['有限公司', '股份有限公司', '集团有限公司'])}"
        if full in seen:
            continue
        seen.add(full)
        out.append(("Firm", full, full))
        out.append(("Firm", full, core + trade[:2]))
        if len(seen) % 4 == 0:
            en = " ".join(rng.choice(syllables) + rng.choice(syllables).lower() for _ in range(2))
            out.append(("Firm", full, f"{en} {rng.choice(['Technology', 'Electronics', 'Materials'])} Co., Ltd."))
    return out


@benchmark("articles-known-names")
def articles_known_names() -> dict:
    """Build the known-name automaton over a 100k-firm store's names, timed beside the
    project's plain trie finder (:class:`~chaingraph.extract.spans.FormFinder`) over
    the same forms; then extract 300 articles with those names loaded, and time
    finding the names in them with each. The segmenter's build, paid once a process
    like the automaton's, is timed on its own."""
    from chaingraph.extract.names import KnownNames
    from chaingraph.extract.segment import DagCutter
    from chaingraph.extract.spans import FormFinder
    from chaingraph.extract.words import shared

    entries = store_like_names(100_000)
    with Timer() as build:
        names = KnownNames(entries)
    forms = names.index.forms
    with Timer() as plain_build:
        finder = FormFinder(forms)
    segmenter = shared()  # loads jieba's dictionary; its cutter is built on the first cut
    with Timer() as cutter_build:  # what that first cut costs a process, timed on a fresh cutter
        DagCutter(segmenter._tk, segmenter._cutter._extra, segmenter._cutter._extra_count).cut("长沙")
    articles = make_articles(300, seed=2)
    for warm in articles[:2]:
        extract_article(warm, names)
    cpu_start = time.process_time()
    with Timer() as t:
        for article in articles:
            extract_article(article, names)
    cpu = time.process_time() - cpu_start
    with Timer() as auto_find:
        hits = sum(len(names.index.find(a.text)) for a in articles)
    with Timer() as plain_find:
        plain_hits = sum(1 for a in articles for _m in finder.finditer(a.text))
    return {"forms": len(forms), "automaton_build_s": round(build.seconds, 2),
            "trie_finder_build_s": round(plain_build.seconds, 2), "segmenter_build_s": round(cutter_build.seconds, 2),
            "ratio_build_vs_trie": ratio(build.seconds, plain_build.seconds),
            "articles": len(articles), "articles_per_s": round(len(articles) / t.seconds, 1),
            "articles_per_cpu_s": round(len(articles) / cpu, 1),
            "automaton_find_s": round(auto_find.seconds, 3), "trie_find_s": round(plain_find.seconds, 3),
            "ratio_find_vs_trie": ratio(auto_find.seconds, plain_find.seconds),
            "hits": hits, "trie_hits": plain_hits}
