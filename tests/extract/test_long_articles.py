"""Long articles: the span indexes and the form finder give what the plain scans
and regexes they replace give, a long article is extracted whole and correctly, and
an article over the length limit is refused by name while the others go on."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from chaingraph.extract import extract_article
from chaingraph.extract.batch import extract_files
from chaingraph.extract.reader import MAX_ARTICLE_CHARS, Article
from chaingraph.extract.spans import Containing, Covered, FormFinder


def test_covered_and_containing_agree_with_plain_scans():
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        covered = Covered()
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 60)
            b = a + rng.randint(0, 8)
            spans.append((a, b))
            covered.add(a, b)
            for x in range(-1, 72):
                assert (x in covered) == any(s <= x < e for s, e in spans)
        containing = Containing(spans)
        for start in range(0, 70, 3):
            for end in range(start, start + 10):
                assert containing.contains(start, end) == any(s <= start and end <= e for s, e in spans)
                assert containing.contains(start, end, strict_start=True) == any(
                    s < start and end <= e for s, e in spans)


def test_the_form_finder_finds_what_the_alternation_regex_finds():
    # letters that match others when case is ignored (ı, İ, K, ſ, σ/ς/Σ), separators, CJK
    rng = random.Random(11)
    for alphabet in ["aAbBiIıİkKKsSſ -_长沙", "长沙株洲、 A-", "σςΣﬁ长 ŉé3"] * 150:
        forms = list({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))})
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        ordered = sorted(forms, key=len, reverse=True)
        words = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])", re.IGNORECASE)
        plain = re.compile("|".join(map(re.escape, ordered)))
        found = [(m.start(), m.end(), m.group(1)) for m in FormFinder(forms, words=True).finditer(text)]
        assert found == [(m.start(), m.end(), m.group(1)) for m in words.finditer(text)], (forms, text)
        found = [(m.start(), m.end(), m.group(0)) for m in FormFinder(forms).finditer(text)]
        assert found == [(m.start(), m.end(), m.group(0)) for m in plain.finditer(text)], (forms, text)


def _long_article(paragraphs: int) -> tuple[str, list[str]]:
    """A long English article naming a different firm pair in each paragraph."""
    parts, firms = ["Supply deals signed at the Changsha fair", ""], []
    for i in range(paragraphs):
        a, b = f"Hengxin{i} Hydraulics Co., Ltd.", f"Ruitai{i} Machinery Co., Ltd."
        firms += [a, b]
        parts.append(f"{a} signed a supply agreement with {b} in Changsha, Hunan Province. "
                     f"Hengxin{i} will supply key components to Ruitai{i}.\n")
    return "\n".join(parts), firms


def test_a_long_article_is_extracted_whole():
    text, firms = _long_article(2500)  # about 400,000 characters, 5,000 firms
    assert len(text) > 350_000
    x = extract_article(Article("long.txt", text))
    names = {e.name for e in x.entities if e.type == "Firm"}
    assert not names ^ {f.rstrip(".") for f in firms}  # (a set difference, not a diff of 5,000 names)
    ids = {e.name: e.id for e in x.entities}
    supplies = {(r.head, r.tail) for r in x.relations if r.type == "SUPPLIES"}
    for i in (0, 1234, 2499):
        assert (ids[f"Hengxin{i} Hydraulics Co., Ltd"], ids[f"Ruitai{i} Machinery Co., Ltd"]) in supplies
    # the short forms (Hengxin7) are mentions of their firm
    by_name = {e.name: e for e in x.entities}
    assert [m.text for m in by_name["Hengxin7 Hydraulics Co., Ltd"].mentions] == [
        "Hengxin7 Hydraulics Co., Ltd.", "Hengxin7"]


def test_an_article_over_the_length_limit_is_refused_by_name_and_the_others_go_on(tmp_path):
    over = "Changsha " * (MAX_ARTICLE_CHARS // 9 + 1)
    good = "On May 3, the Steel Summit Forum was held in Wuhan, Hubei Province."
    with open(tmp_path / "batch.jsonl", "w", encoding="utf-8") as handle:
        for ident, text in (("a", good), ("b", over), ("c", good)):
            handle.write(json.dumps({"id": ident, "text": text}) + "\n")
    (tmp_path / "long.txt").write_text(over, encoding="utf-8")
    result = extract_files([tmp_path])
    assert [a["article"] for a in result.articles] == ["batch.jsonl#a", "batch.jsonl#c"]
    skipped = [(Path(s["path"]).name, s["line"], s["reason"]) for s in result.skipped]
    assert [(name, line) for name, line, _ in skipped] == [("batch.jsonl", 2), ("long.txt", None)]
    for _, _, reason in skipped:
        assert "\n" not in reason and f"over the limit of {MAX_ARTICLE_CHARS:,}" in reason
