"""Chinese chains named after a coordinated phrase (zh_merge.name_coordinated_chains)
and chains whose last word jieba tags as a numeral (零部件)."""

from tests.extract.news_helpers import extract_news, names, rels


def test_a_chain_phrase_an_event_is_named_after_is_one_chain():
    x = extract_news("6月3日，荆门市船舶及配套产业链对接会在荆门举行。多家船舶企业参会。")
    assert "船舶及配套" in names(x, "Chain")
    assert ("荆门市船舶及配套产业链对接会", "船舶及配套") in rels(x, "ABOUT")


def test_a_coordinated_chain_no_name_is_made_of_is_its_first_chain():
    named = extract_news("荆门市船舶及配套产业链对接会举行。荆门大力发展船舶及配套产业链，船舶产业产值增长。")
    unnamed = extract_news("荆门大力发展船舶及配套产业链，船舶产业产值增长。")
    assert len(names(named, "Chain")) == 2
    assert len(names(unnamed, "Chain")) == 1


def test_parts_after_a_chain_word_stay_in_the_chain_name():
    x = extract_news("4月2日，襄阳市汽车及零部件产业链供需对接会在襄阳举行。")
    assert "汽车及零部件" in names(x, "Chain")


def test_a_short_name_that_is_the_whole_core_of_a_full_name_joins_it():
    from news_helpers import extract_news, names

    # 翠屏 is also a district of 宜宾, so the core after the places is only 新材料
    x = extract_news("其中，四川青岚锂能科技有限公司（以下简称“青岚锂能”）与宜宾翠屏新材料有限公司签订年度采购协议，"
                     "翠屏新材料将向青岚锂能供应磷酸铁锂正极材料3万吨。")
    assert "翠屏新材料" not in names(x, "Firm")
