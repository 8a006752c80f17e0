"""Article reading, cleaning and extraction rules, on small texts written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chaingraph.errors import InputError
from chaingraph.extract import extract_article
from chaingraph.extract.batch import extract_files
from chaingraph.extract.clean import clean_text
from chaingraph.extract.facts import deal_amount, find_amounts, participant_count, resolve_date
from chaingraph.extract.reader import Article, read_articles

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def _x(text: str, name: str = "t.txt", date: str | None = None):
    return extract_article(Article(name, text, date=date))


def _names(x, kind: str) -> set[str]:
    return {e.name for e in x.entities if e.type == kind}


def _rel(x, kind: str) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], names[r.tail]) for r in x.relations if r.type == kind}


def test_furniture_is_removed_and_listed():
    raw = ("Title of the news\n\n来源：某某日报   责任编辑：王五\n摘要：repeats the text\n"
           "On May 3, the Steel Forum was held in Wuhan.\n\nShare to:\nQQ: 12345\n"
           "Recommended reading\nAnother story about Sany Heavy Industry Co., Ltd.\n")
    cleaned = clean_text(raw)
    assert "来源" not in cleaned.text and "摘要" not in cleaned.text and "QQ" not in cleaned.text
    assert "Sany" not in cleaned.text  # everything after "Recommended reading" goes
    reasons = {r.reason for r in cleaned.removed}
    assert {"editor/source", "summary", "share", "tail"} <= reasons
    x = _x(raw)
    assert not _names(x, "Firm")  # the recommended story's firm is not news of this article
    assert any(r["reason"] == "tail" for r in x.to_dict()["removed"])


def test_gb18030_file_is_decoded_and_extracted():
    path = DATA / "zh_nev_alliance_gb18030.txt"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    (article,) = list(read_articles(path))
    x = extract_article(article)
    assert x.language == "zh"
    assert "国轩高科股份有限公司" in _names(x, "Firm")
    assert ("国轩高科股份有限公司", "蔚来汽车科技（安徽）有限公司") in _rel(x, "SUPPLIES")


def test_bad_files_are_reported_by_name_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("On May 3, the Steel Summit Forum was held in Wuhan, Hubei Province.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    import random
    rng = random.Random(1)
    (tmp_path / "garbled.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
    (tmp_path / "gbk.txt").write_bytes("2024年3月1日，合肥市新能源汽车产业链大会在合肥举行。".encode("gb18030"))
    result = extract_files([tmp_path])
    assert [a["article"] for a in result.articles] == ["gbk.txt", "good.txt"]
    assert result.articles[0]["language"] == "zh"
    skipped = {Path(s["path"]).name: s["reason"] for s in result.skipped}
    assert skipped["empty.txt"] == "empty file"
    assert "binary" in skipped["binary.txt"]
    assert "too large" in skipped["huge.txt"]
    assert "cannot decode" in skipped["garbled.txt"]
    assert set(skipped) == {"empty.txt", "binary.txt", "huge.txt", "garbled.txt"}


def test_jsonl_articles_language_per_article_and_bad_line_reported():
    result = extract_files([DATA / "articles_batch.jsonl"])
    langs = {a["article"]: a["language"] for a in result.articles}
    assert langs == {"articles_batch.jsonl#a1": "en", "articles_batch.jsonl#a2": "zh"}
    assert result.skipped == [{"path": str(DATA / "articles_batch.jsonl"), "line": 2,
                               "reason": result.skipped[0]["reason"]}]
    assert "malformed JSON" in result.skipped[0]["reason"]


def test_html_main_text_drops_navigation_and_footer():
    (article,) = list(read_articles(DATA / "en_robotics_summit.html"))
    assert "Greater Bay Area Robotics" in article.text
    assert "Ports report record volumes" not in article.text and "All rights reserved" not in article.text
    x = extract_article(article)
    assert x.dateline == "2024-10-11"
    assert {f.kind: f.value for f in x.facts}["date"] == "2024-10-10"


def test_english_aliases_merge_within_an_article():
    text = ("Changsha-Zhuzhou-Xiangtan (CZT) firms met in Changsha on March 2. "
            "Zhou Li, who heads Dongfeng Motor Group Co., Ltd., attended the forum. "
            "DFM will expand. Weiqiao's plan was praised by Weiqiao Pioneering Group staff. "
            "The CZT Machinery Forum was held in Changsha.")
    x = _x(text)
    czt = [e for e in x.entities if e.name == "Changsha-Zhuzhou-Xiangtan"]
    assert len(czt) == 1 and "CZT" in czt[0].aliases and czt[0].type == "City"
    firms = {e.name: e.aliases for e in x.entities if e.type == "Firm"}
    assert "DFM" in firms["Dongfeng Motor Group Co., Ltd"]
    assert "Weiqiao" in firms["Weiqiao Pioneering Group"]
    assert len(firms) == 2
    assert not any(e.type == "Firm" and "Zhou" in e.name for e in x.entities)  # no people


def test_state_bureau_in_a_prefecture_article_is_the_prefectures():
    text = ("On June 1, Enshi Prefecture held a symposium on the tea industry chain. "
            "Officials of the State Bureau of Commerce and the State Council Information Office attended.")
    x = _x(text)
    located = _rel(x, "LOCATED_IN")
    assert ("State Bureau of Commerce", "Enshi Prefecture") in located
    assert not any(a.startswith("State Council") for a, _ in located)


def test_chinese_rules_signing_supply_organiser_counts():
    text = ("2024年4月18日，株洲市轨道交通产业链供需对接会在株洲召开。本次对接会由株洲市工业和信息化局主办，"
            "中车株洲电力机车有限公司与湖南华菱钢铁股份有限公司签订钢材采购协议，80余家企业参加。"
            "据介绍，华菱钢铁为中车株洲电力机车提供钢材。现场签约项目12个，签约金额3.5万元。")
    x = _x(text)
    assert x.language == "zh"
    event = next(e for e in x.entities if e.type == "Event")
    assert event.name == "株洲市轨道交通产业链供需对接会"
    assert ("株洲市工业和信息化局", event.name) in _rel(x, "ORGANIZED")
    signed = _rel(x, "SIGNED_WITH")
    assert len(signed) == 1 and {"中车株洲电力机车有限公司", "湖南华菱钢铁股份有限公司"} == set(next(iter(signed)))
    assert ("湖南华菱钢铁股份有限公司", "中车株洲电力机车有限公司") in _rel(x, "SUPPLIES")
    facts = {f.kind: f.value for f in x.facts}
    assert facts == {"date": "2024-04-18", "participant_count": 80, "deal_count": 12, "deal_amount": 35000.0}


def test_amounts_counts_and_dates():
    assert [a[1] for a in find_amounts("62.3 billion yuan; 623亿元; 3.5万元; RMB 1.2 million")] == \
        [62.3e9, 62.3e9, 35000.0, 1.2e6]
    assert deal_amount("A total of 40 projects worth 8.6 billion yuan were signed") == (8.6e9, "CNY")
    assert deal_amount("The city has 8.6 billion yuan of debt") is None
    assert participant_count("More than 1,100 guests attended the event") == (1100, "guests")
    assert participant_count("The park has 300 companies") is None
    import datetime as dt
    assert resolve_date(None, 12, 28, dt.date(2024, 1, 5)) == "2023-12-28"
    assert resolve_date(None, 5, 17, dt.date(2024, 5, 18)) == "2024-05-17"


def test_evidence_spans_point_into_the_cleaned_text():
    (article,) = list(read_articles(DATA / "en_battery_signing.txt"))
    x = extract_article(article)
    for entity in x.entities:
        for m in entity.mentions:
            assert x.text[m.start:m.end] == m.text
            sent = x.sentences[m.sent]
            assert sent.start <= m.start and m.end <= sent.end
    data = x.to_dict()
    for rel in data["relations"]:
        if rel["evidence"]:
            assert x.text[rel["evidence"]["start"]:rel["evidence"]["end"]] == rel["evidence"]["sentence"]


def test_same_input_same_output():
    (article,) = list(read_articles(DATA / "zh_ceramics_expo.md"))
    first = json.dumps(extract_article(article).to_dict(), ensure_ascii=False, sort_keys=True)
    second = json.dumps(extract_article(article).to_dict(), ensure_ascii=False, sort_keys=True)
    assert first == second


def test_missing_path_is_reported_and_the_rest_goes_on(tmp_path):
    result = extract_files([tmp_path / "nope.txt", DATA / "en_battery_signing.txt"])
    assert [a["article"] for a in result.articles] == ["en_battery_signing.txt"]
    assert result.skipped == [{"path": str(tmp_path / "nope.txt"), "line": None,
                               "reason": "no such file or directory"}]


def test_mangled_text_never_raises():
    import random

    rng = random.Random(7)
    texts = [a.text for p in sorted(DATA.iterdir()) if p.is_file()
             for a in read_articles(p) if not isinstance(a, Exception)]
    for i in range(300):
        text = rng.choice(texts)
        cut = rng.randrange(len(text))
        variants = [text[cut:], text[:cut], " ".join(rng.sample(text.split(), len(text.split()))),
                    "".join(rng.choice(text) for _ in range(200)) + "（(）)" * 3]
        data = _x(variants[i % 4], name=f"m{i}.txt").to_dict()
        assert {e["id"] for e in data["entities"]} >= {r["head"] for r in data["relations"]}


def test_gb2312_html_page_keeps_the_news_and_drops_the_page_around_it():
    path = DATA / "zh_zhuzhou_rail_gb2312.html"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    (article,) = list(read_articles(path))
    assert "热点推荐" not in article.text and "ICP" not in article.text
    x = extract_article(article)
    assert "中联重科股份有限公司" not in _names(x, "Firm")  # a sidebar link, not news
    assert x.dateline == "2024-09-12"
    assert {f.kind: f.value for f in x.facts} == {"date": "2024-09-11", "participant_count": 60, "deal_count": 8,
                                                   "deal_amount": 1.25e9}


def test_newspaper_sources_are_not_organisations():
    zh = _x("长沙召开工程机械产业链大会\n\n来源：湖南日报\n据湖南日报报道，5月6日，长沙市工程机械产业链大会在长沙召开，"
            "三一重工股份有限公司参加。\n来源:湖南日报客户端")
    en = _x("Forum held\n\nHunan Daily reported that the Steel Summit Forum was held in Changsha on May 6, "
            "attended by Hunan Valin Steel Co., Ltd.\nThis story first ran on the provincial portal www.example.gov.cn.")
    for x in (zh, en):
        names = {e.name for e in x.entities}
        assert not any("日报" in n or "Daily" in n for n in names)
        assert not any(e.type == "Agency" for e in x.entities)
    assert _names(zh, "Firm") == {"三一重工股份有限公司"} and _names(en, "Firm") == {"Hunan Valin Steel Co., Ltd"}


def test_extracted_types_are_the_model_enums_and_print_as_their_text():
    from chaingraph.extract.result import Mention
    from chaingraph.model import Label, RelType

    x = _x("Hunan Sanyi Heavy Co., Ltd. signed a supply agreement with Wuxi Tengda Valve Co., Ltd. "
           "in Changsha, Hunan Province.")
    assert x.entities and x.relations
    assert all(type(e.type) is Label for e in x.entities)
    assert all(type(m.type) is Label for e in x.entities for m in e.mentions)
    assert all(type(r.type) is RelType for r in x.relations)
    assert {e["type"] for e in x.to_dict()["entities"]} <= {label.value for label in Label}
    assert str(Label.FIRM) == f"{Label.FIRM}" == "Firm"
    with pytest.raises(KeyError):
        Mention(0, 4, "Wang", "Person", 0)  # not a label of the graph


def test_firms_of_an_article_whose_event_is_named_for_a_chain_are_in_it():
    from tests.extract.news_helpers import extract_news, rels

    x = extract_news("On May 8, the 2024 Wuxi Tyre Industry Chain Matchmaking Conference was held in Wuxi. "
                     "Jiangsu Ruihe Rubber Co., Ltd. showed its new compounds to buyers.")
    assert ("Jiangsu Ruihe Rubber Co., Ltd", "tyre") in rels(x, "BELONGS_TO")


def test_links_to_the_previous_and_next_story_are_furniture():
    from chaingraph.extract.clean import clean_text

    cleaned = clean_text("Title\n\nBody text here.\n\nPrevious: County holds job fair\nNext: Tea gardens harvest\n")
    assert "Tea gardens" not in cleaned.text and "job fair" not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["related", "related"]


def test_a_paragraph_opening_on_a_word_like_print_is_news_not_a_print_link():
    from chaingraph.extract.clean import clean_text

    cleaned = clean_text("Title\n\nPrinted circuit boards form the other half of the chain.\n\nPrint\n\nPrint this page\n")
    assert "Printed circuit boards" in cleaned.text
    assert [r.text for r in cleaned.removed] == ["Print", "Print this page"]


def test_a_bare_recommended_header_ends_the_article_and_sponsor_lines_are_footers():
    from chaingraph.extract.clean import clean_text

    cleaned = clean_text("Title\n\nBody text here.\n\nRecommended\n> Xiaogan auto parts firms sign deals\n\n"
                         "Editor: Xia\n")
    assert "Xiaogan" not in cleaned.text
    footer = clean_text("Title\n\nBody text.\n\nSponsor: General Office of the People's Government | ICP No. 0500\n")
    assert "General Office" not in footer.text
