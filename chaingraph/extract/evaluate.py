"""Scoring extraction against gold files (``../shared/eval/GOLD_FORMAT.md``).

An extracted entity matches a gold entity of the same type when its name, after
:func:`~chaingraph.identity.name_key` (case folded, legal suffixes and punctuation
dropped), equals the gold name or one of the gold aliases; each gold entity is
matched at most once. A relation matches when its type and both (matched) ends
agree, SIGNED_WITH in either direction. Counts are summed over all articles.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError
from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import read_articles
from chaingraph.identity import name_key


@dataclass
class Score:
    """True positives, extracted and gold counts, with precision/recall/F1."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """tp / predicted (0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """tp / gold (0 when there is no gold)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        >>> round(Score(tp=8, predicted=10, gold=8).f1, 3)
        0.889
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class ArticleScore:
    """Entity and relation scores of one article, with what was missed and extra."""

    article: str
    entities: Score
    relations: Score
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    facts: Score = field(default_factory=Score)


@dataclass
class EvalReport:
    """Per-article scores and their totals."""

    articles: list[ArticleScore] = field(default_factory=list)
    entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    facts: Score = field(default_factory=Score)

    def rows(self) -> list[dict[str, Any]]:
        """Return one row per article plus a total row, for tables."""
        out = []
        for a in [*self.articles, ArticleScore("TOTAL", self.entities, self.relations, facts=self.facts)]:
            out.append({"article": a.article,
                        "ent_p": round(a.entities.precision, 3), "ent_r": round(a.entities.recall, 3),
                        "ent_f1": round(a.entities.f1, 3),
                        "rel_p": round(a.relations.precision, 3), "rel_r": round(a.relations.recall, 3),
                        "rel_f1": round(a.relations.f1, 3), "fact_f1": round(a.facts.f1, 3)})
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data, with missed and extra items."""
        return {"articles": [{**row, "missed": a.missed, "extra": a.extra}
                             for row, a in zip(self.rows(), self.articles)],
                "total": self.rows()[-1]}


def score_article(predicted: dict, gold: dict) -> ArticleScore:
    """Score one extraction (``Extraction.to_dict()`` shape) against one gold dict."""
    gold_ents = gold.get("entities", [])
    forms = {g["id"]: {name_key(s) for s in [g["name"], *g.get("aliases", [])]} for g in gold_ents}
    gtype = {g["id"]: g["type"] for g in gold_ents}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    extra: list[str] = []
    for e in predicted.get("entities", []):
        key = name_key(e["name"])
        hit = next((gid for gid in forms if gid not in used and gtype[gid] == e["type"] and key in forms[gid]), None)
        if hit is None:
            extra.append(f"{e['type']} {e['name']}")
            continue
        mapping[e["id"]] = hit
        used.add(hit)
    names = {g["id"]: g["name"] for g in gold_ents}
    missed = [f"{g['type']} {g['name']}" for g in gold_ents if g["id"] not in used]
    ents = Score(tp=len(used), predicted=len(predicted.get("entities", [])), gold=len(gold_ents))

    def rkey(t: str, h: str, d: str) -> tuple:
        return (t, *sorted((h, d))) if t == "SIGNED_WITH" else (t, h, d)

    gold_rels = {rkey(r["type"], r["head"], r["tail"]) for r in gold.get("relations", [])}
    found: set[tuple] = set()
    pred_names = {e["id"]: e["name"] for e in predicted.get("entities", [])}
    predicted_rels = {rkey(r["type"], r["head"], r["tail"]) for r in predicted.get("relations", [])}
    for r in predicted_rels:
        t, h, d = r
        mapped = rkey(t, mapping.get(h, "?"), mapping.get(d, "?"))
        if mapped in gold_rels and mapped not in found:
            found.add(mapped)
        else:
            extra.append(f"{t} {pred_names.get(h, h)} -> {pred_names.get(d, d)}")
    missed += [f"{t} {names.get(h, h)} -> {names.get(d, d)}" for t, h, d in sorted(gold_rels - found)]
    rels = Score(tp=len(found), predicted=len(predicted_rels), gold=len(gold_rels))

    def fkey(f: dict, event: str) -> tuple:
        value = f.get("value")
        return (f.get("kind"), event, round(float(value), 2) if isinstance(value, (int, float)) else str(value))

    gold_facts = {fkey(f, f.get("event", "")) for f in gold.get("facts", [])}
    pred_facts = {fkey(f, mapping.get(f.get("event", ""), "?")) for f in predicted.get("facts", [])}
    facts = Score(tp=len(gold_facts & pred_facts), predicted=len(pred_facts), gold=len(gold_facts))
    missed += [f"fact {k} {v}" for k, _e, v in sorted(gold_facts - pred_facts, key=str)]
    extra += [f"fact {k} {v}" for k, _e, v in sorted(pred_facts - gold_facts, key=str)]
    return ArticleScore(gold.get("article", "?"), ents, rels, missed, extra, facts)


def evaluate(gold_dir: Path, article_dir: Path, names=None) -> EvalReport:
    """Extract every article named by a ``*.gold.json`` in ``gold_dir`` from
    ``article_dir`` and score it; return the report. ``names`` are the known names
    to look for (:class:`~chaingraph.extract.names.KnownNames`, a store's; the
    shipped ones when None). A gold file whose article is missing raises
    :class:`InputError`."""
    gold_dir, article_dir = Path(gold_dir), Path(article_dir)
    files = sorted(gold_dir.glob("*.gold.json"))
    if not files:
        raise InputError("no *.gold.json files", str(gold_dir))
    report = EvalReport()
    for path in files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read gold file ({exc})", str(path)) from exc
        name = gold.get("article") or path.name.removesuffix(".gold.json")
        file_name = name.split("#", 1)[0]
        article_path = article_dir / file_name
        if not article_path.is_file():
            raise InputError(f"article {file_name!r} named by {path.name} not found", str(article_dir))
        articles = [a for a in read_articles(article_path) if not isinstance(a, Exception)]
        if "#" in name:
            articles = [a for a in articles if a.name == name]
        if not articles:
            raise InputError(f"no article {name!r} in the file", str(article_path))
        predicted = extract_article(articles[0], names).to_dict()
        score = score_article(predicted, gold)
        score.article = name
        report.articles.append(score)
        report.entities.add(score.entities)
        report.relations.add(score.relations)
        report.facts.add(score.facts)
    return report
