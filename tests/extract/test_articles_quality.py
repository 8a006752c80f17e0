"""Extraction quality: the scorer on the project's own articles and gold, and on the
five real seed articles when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from chaingraph.extract.evaluate import Score, evaluate, score_article

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"
SHARED = Path(__file__).resolve().parents[3] / "shared"


def test_own_articles_meet_the_targets():
    report = evaluate(DATA / "gold", DATA)
    assert len(report.articles) == 27
    assert report.entities.f1 >= 0.85, report.to_dict()
    assert report.relations.f1 >= 0.60, report.to_dict()
    assert report.facts.f1 >= 0.90, report.to_dict()  # dates, counts and amounts
    # both languages are covered, and each article is scored on its own
    assert {a.article.split("#")[0].split("_")[0] for a in report.articles} >= {"en", "zh", "articles"}
    assert all(a.entities.gold > 0 for a in report.articles)


@pytest.mark.skipif(not (SHARED / "eval" / "gold").is_dir(), reason="../shared seeds not present")
def test_seed_articles_meet_the_targets():
    report = evaluate(SHARED / "eval" / "gold", SHARED / "corpus" / "seeds")
    assert len(report.articles) == 5
    assert report.entities.f1 >= 0.85, report.to_dict()
    assert report.relations.f1 >= 0.60, report.to_dict()


def test_scorer_matches_aliases_types_and_undirected_signing():
    gold = {"article": "x", "entities": [
        {"id": "e1", "type": "Firm", "name": "Dongfeng Motor Group Co., Ltd.", "aliases": ["DFM"]},
        {"id": "e2", "type": "Firm", "name": "Weiqiao Pioneering Group", "aliases": []},
        {"id": "e3", "type": "City", "name": "Wuhan", "aliases": []}],
        "relations": [{"type": "SIGNED_WITH", "head": "e1", "tail": "e2"},
                      {"type": "LOCATED_IN", "head": "e1", "tail": "e3"}]}
    predicted = {"entities": [
        {"id": "a", "type": "Firm", "name": "DFM"},
        {"id": "b", "type": "Firm", "name": "WEIQIAO PIONEERING"},  # legal suffix and case dropped
        {"id": "c", "type": "Province", "name": "Wuhan"},  # wrong type: no match
        {"id": "d", "type": "Firm", "name": "DFM"}],  # a gold entity matches once
        "relations": [{"type": "SIGNED_WITH", "head": "b", "tail": "a"},
                      {"type": "LOCATED_IN", "head": "a", "tail": "c"}]}
    score = score_article(predicted, gold)
    assert (score.entities.tp, score.entities.predicted, score.entities.gold) == (2, 4, 3)
    assert (score.relations.tp, score.relations.predicted, score.relations.gold) == (1, 2, 2)
    assert "City Wuhan" in score.missed and "Province Wuhan" in score.extra


def test_score_arithmetic():
    s = Score(tp=3, predicted=4, gold=6)
    assert (s.precision, s.recall) == (0.75, 0.5) and round(s.f1, 2) == 0.6
    assert Score().f1 == 0.0
