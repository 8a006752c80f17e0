"""Facts of English company news that names no event: the date and money go to the
firm or park the article is about; page dates after "Updated:" and with a two-digit
year; month-only dates; money spent on a purchase."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _facts(text: str):
    x = extract_article(Article("a.txt", text))
    name = {e.id: e.name for e in x.entities}
    return sorted((f.kind, name[f.event], f.value) for f in x.facts)


def test_company_news_dates_and_amounts_belong_to_the_headline_firm():
    facts = _facts("Maple Silicon signs wafer order with Birch Solar\n\n"
                   "On March 3, 2023, Maple Silicon Co., Ltd. signed a wafer order with Birch Solar Co., Ltd. "
                   "worth 2.5 billion yuan. Birch Solar Co., Ltd. said the deal would help it.")
    assert ("date", "Maple Silicon Co., Ltd", "2023-03-03") in facts
    assert ("deal_amount", "Maple Silicon Co., Ltd", 2.5e9) in facts


def test_an_updated_line_gives_the_year_and_money_spent_is_an_amount():
    facts = _facts("Chipmaker widens its capacity\n\nHome> News\n\n(site.cn)Updated: 2020-05-14\n\n"
                   "On May 2, Cedar Chips Co., Ltd. said it spends US$3 billion to purchase new lithography tools. "
                   "Cedar Chips Co., Ltd. makes chips.")
    assert ("date", "Cedar Chips Co., Ltd", "2020-05-02") in facts
    assert ("deal_amount", "Cedar Chips Co., Ltd", 3e9) in facts


def test_a_month_only_date_takes_the_year_of_a_short_page_date():
    facts = _facts("Weaver joins a cotton programme\n\n4 Sep '18\n\n"
                   "Oak Weaving Co., Ltd. has joined the Cotton Trust Programme after a launch event in Shanghai "
                   "in July. Oak Weaving Co., Ltd. makes denim.")
    assert [v for k, _n, v in facts if k == "date"] == ["2018-07"]


def test_a_bare_count_of_those_invited_is_the_events_participant_count():
    x = extract_article(Article("a.txt", "News\n\nOn May 4, 2021, Zenith Motors invited its suppliers to a "
                                         "\"Partner Supplier Summit\" in Hefei. From a pool of 3,000 makers, "
                                         "only 45 have been invited."))
    assert [(f.kind, f.value) for f in x.facts if f.kind == "participant_count"] == [("participant_count", 45)]


def test_firms_that_signed_projects_are_counted_as_participants_not_deals():
    x = extract_article(Article("a.txt", "News\n\nOn May 4, the Lake Parts Matchmaking Conference was held in "
                                         "Hefei. At the conference, 17 enterprises signed cooperation projects."))
    counts = sorted((f.kind, f.value) for f in x.facts if f.kind != "date")
    assert counts == [("participant_count", 17)]


def test_a_firm_without_a_dated_headline_takes_the_date_of_the_deal_it_entered_into():
    facts = _facts("Chipmaker secures tools\n\nCedar Chips Co., Ltd. is to pay US$2 billion for new tools. "
                   "Analysts said the deal helps. Demand for chips is high. Prices are stable. "
                   "In a filing, Cedar Chips Co., Ltd. said it had entered into a purchase agreement with "
                   "Delta Optics Co., Ltd. on March 9.")
    assert ("date", "Cedar Chips Co., Ltd", "--03-09") in facts


def test_a_page_line_opening_on_its_date_gives_the_year():
    x = extract_article(Article("a.txt", "Qinglan Vanadium to Supply Electrolyte\n\n2024-11-05 16:20    Source: Sichuan "
                                         "Daily Online    Font size: L M S\n\nQinglan Vanadium Co., Ltd. announced on "
                                         "November 4 that it had signed a supply agreement with Bishan Power Co., Ltd."))
    assert x.dateline == "2024-11-05"
    assert ("date", "2024-11-04") in {(f.kind, f.value) for f in x.facts}
