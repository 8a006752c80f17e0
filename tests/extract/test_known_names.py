"""Known names: the automaton's boundary checks, the shipped list, a store's names
found in an article only when the store is given, and short names that are
ordinary words left alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from chaingraph.extract.names import KnownNames, NameIndex, shipped_names
from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article
from chaingraph.extract.words import ordinary_phrase, shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "names"


def _firms(x):
    return sorted(e.name for e in x.entities if e.type == "Firm")


def test_latin_names_need_word_edges():
    idx = NameIndex([("Firm", "Nova Gear Co.", "Nova Gear"), ("Firm", "Nova Gear Co.", "Nova Gear Co.")])
    text = "Nova Gear Co. met NovaGear and Nova Gears."
    assert [(s, e) for s, e, *_ in idx.find(text)] == [(0, 13)]


def test_chinese_names_need_word_boundaries_when_given():
    idx = NameIndex([("Firm", "中科股份有限公司", "中科")])
    text = "集中科研力量"
    assert idx.find(text) != []  # without boundaries the bare automaton hits
    assert idx.find(text, shared().boundaries(text)) == []


def test_leftmost_longest_wins():
    idx = NameIndex([("Firm", "甲", "青岚微电"), ("Firm", "乙", "青岚微电子科技")])
    assert [c for *_x, c in idx.find("青岚微电子科技来了")] == ["乙"]


def test_ordinary_words_are_not_short_firm_names():
    assert ordinary_phrase("海南发展") and ordinary_phrase("环保")
    assert not ordinary_phrase("潍柴动力")


def test_the_shipped_names_are_the_chain_templates_and_the_known_firms():
    from chaingraph.extract.names import _known_firms

    entries = shipped_names()
    assert ("Chain", "工程机械", "construction machinery") in entries
    assert ("Chain", "液压件", "hydraulic components") in entries
    assert {kind for kind, _c, _f in entries} == {"Chain", "Firm"}
    assert {f for kind, _c, f in entries if kind == "Firm"} == {f for row in _known_firms() for f in row}


def test_listed_short_names_from_a_store_are_found_on_word_boundaries():
    names = KnownNames([("Firm", "潍柴动力股份有限公司", "潍柴动力"), ("Firm", "无锡威孚高科技集团股份有限公司", "威孚高科")])
    x = extract_article(Article("a.txt", "东营化工会议召开\n\n会上，潍柴动力与威孚高科签订合作协议，推动海南发展。"), names)
    assert _firms(x) == ["威孚高科", "潍柴动力"]


def test_store_names_are_found_only_with_the_store():
    text = (DATA / "short_name_zh.txt").read_text(encoding="utf-8")
    names = KnownNames([("Firm", "青岚微电子科技股份有限公司", "青岚微电")])
    assert "青岚微电" in _firms(extract_article(Article("a.txt", text), names))
    assert "青岚微电" not in _firms(extract_article(Article("a.txt", text)))


def test_english_store_names_in_an_english_article():
    names = KnownNames([("Firm", "Bluefin Marine Robotics Co.", "Bluefin Marine Robotics")])
    art = Article("a.txt", "Robotics forum held\n\nOn May 3, Bluefin Marine Robotics signed a deal in Suzhou.")
    assert "Bluefin Marine Robotics" in _firms(extract_article(art, names))


def test_extract_cli_uses_the_store_given_with_db(tmp_path):
    db = tmp_path / "s.db"
    run = lambda *a: subprocess.run([sys.executable, "-c", "import cli; cli.main()", *a],  # noqa: E731
                                    capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run("--db", str(db), "ingest", str(DATA / "store_firms.csv")).returncode == 0
    article = str(DATA / "short_name_zh.txt")
    with_store = json.loads(run("--db", str(db), "extract", article, "--format", "json").stdout)
    without = json.loads(run("extract", article, "--format", "json").stdout)
    assert "青岚微电" in [e["name"] for e in with_store[0]["entities"] if e["type"] == "Firm"]
    assert "青岚微电" not in [e["name"] for e in without[0]["entities"] if e["type"] == "Firm"]


def test_names_walked_back_from_a_suffix_stop_at_words_not_characters():
    from chaingraph.extract.words import trim_left

    def trimmed(phrase, suffix):
        return phrase[trim_left(phrase, 0, len(phrase) - len(suffix)):]

    assert trimmed("县积极打造纺织服装产业集群", "产业集群") == "纺织服装产业集群"
    assert trimmed("装备制造产业集群", "产业集群") == "装备制造产业集群"  # a production verb stays
    assert trimmed("形成一条产业链", "产业链") == "产业链"  # nothing of a name is left
    assert trimmed("机器人及智能装备产业链", "产业链") == "机器人及智能装备产业链"


def test_a_cluster_span_leaves_the_verbs_before_it_out():
    x = extract_article(Article("a.txt", "园区简介\n\n该县积极打造家具制造产业集群，形成一条完整产业链。"))
    clusters = [e.name for e in x.entities if e.type == "Cluster"]
    chains = [e.name for e in x.entities if e.type == "Chain"]
    assert clusters == ["家具制造产业集群"] and "一条" not in chains


def test_a_kind_of_firm_is_not_a_firm_name():
    x = extract_article(Article("a.txt", "汽车新闻\n\n几乎每个合资公司都有自己的体系，海斯克公司则从境外采购。"))
    assert _firms(x) == ["海斯克公司"]


def test_agency_spans_drop_leading_function_words_but_keep_soe_divisions():
    x = extract_article(Article("a.txt", "联盟成立\n\n中建五局与湘江研究院签约，以研究院为平台开展合作。"))
    names = {(e.type, e.name) for e in x.entities}
    assert ("Firm", "中建五局") in names and ("Agency", "以研究院") not in names


def test_special_sessions_and_industrial_agglomeration_zones():
    x = extract_article(Article("a.txt", "配套会\n\n5月8日，协作配套会长沙汽车专场在长沙举行。河西县产业集聚区有企业20家。"))
    kinds = {(e.type, e.name) for e in x.entities}
    assert ("Event", "协作配套会长沙汽车专场") in kinds
    assert any(t == "Cluster" and n.endswith("产业集聚区") for t, n in kinds)


def test_a_traditional_chinese_article_is_read_and_answered_in_its_own_script():
    text = (DATA / "traditional_zh.txt").read_text(encoding="utf-8")
    x = extract_article(Article("t.txt", text))
    names = {(e.type, e.name) for e in x.entities}
    assert ("Firm", "青嵐電子股份有限公司") in names and ("Firm", "北辰精工有限公司") in names
    assert ("City", "寧波") in names
    firm = next(e for e in x.entities if e.name == "青嵐電子股份有限公司")
    m = firm.mentions[0]
    assert x.text[m.start:m.end] == m.text == "青嵐電子股份有限公司"
    assert any(r.type == "SIGNED_WITH" for r in x.relations)


def test_eval_uses_the_store_given_with_db(tmp_path):
    db = tmp_path / "s.db"
    run = lambda *a: subprocess.run([sys.executable, "-c", "import cli; cli.main()", *a],  # noqa: E731
                                    capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run("--db", str(db), "ingest", str(DATA / "store_firms.csv")).returncode == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "short_name_zh.txt.gold.json").write_text(json.dumps(
        {"article": "short_name_zh.txt", "entities": [{"id": "e1", "type": "Firm", "name": "青岚微电"}],
         "relations": []}, ensure_ascii=False), encoding="utf-8")
    recall = lambda *a: json.loads(run(*a, "eval", str(gold), str(DATA), "--format", "json").stdout)[  # noqa: E731
        "total"]["ent_r"]
    assert recall("--db", str(db)) == 1.0 and recall() == 0.0


def test_well_known_firms_named_in_passing_by_a_short_name():
    from news_helpers import extract_news

    x = extract_news("漯河是双汇的总部所在地，产品已进入京东、盒马等渠道。")
    y = extract_news("Tongbo is a qualified supplier of copper foil to Sunwoda and EVE Energy.")
    firms = {e.name for e in x.entities + y.entities if e.type == "Firm"}
    assert {"双汇", "京东", "盒马", "Sunwoda", "EVE Energy"} <= firms


def test_every_known_firm_row_has_a_name_and_no_form_is_shared():
    from chaingraph.extract.names import _known_firms

    rows = _known_firms()
    forms = [f for row in rows for f in row]
    assert len(rows) >= 50 and all(row for row in rows)
    assert len(forms) == len(set(forms))


def test_a_one_word_known_chain_after_another_lowercase_word_is_part_of_a_longer_trade():
    from news_helpers import extract_news, names

    x = extract_news("The zone is forming a rare metal materials industrial cluster of 14 firms.")
    assert "materials" not in names(x, "Chain")


def test_foreign_makers_news_names_in_passing_are_firms():
    x = extract_article(Article("a.txt", "News\n\nIts cathode goes to makers such as BMW, Siemens and Airbus.\n"))
    assert {"BMW", "Siemens", "Airbus"} <= set(_firms(x))
    x = extract_article(Article("a.txt", "新闻\n\n其产品供应宝马、西门子等企业。"))
    assert {"宝马", "西门子"} <= set(_firms(x))
