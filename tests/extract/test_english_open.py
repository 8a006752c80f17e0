"""English extraction beyond head words: page furniture after a comment prompt,
holidays that are not events, firms named by their role in a sentence, foreign
places, document-level relations (coreference to the article's firm, plants and
bases, an event referred to by its head word, lists), open-vocabulary chains."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _x(body: str, title: str = "News"):
    return extract_article(Article("a.txt", f"{title}\n\n{body}"))


def _names(x, kind):
    return sorted(e.name for e in x.entities if e.type == kind)


def _rels(x, kind):
    name = {e.id: e.name for e in x.entities}
    return sorted((name[r.head], name[r.tail]) for r in x.relations if r.type == kind)


def test_a_comment_prompt_ends_the_article_and_a_holiday_is_no_event():
    x = _x("During the Spring Festival, Hill Battery Co., Ltd. shipped more packs.\n\n"
           "Leave your Comments\n\nOur Partners\nRiver Paper Co., Ltd.\nLake Glass Company Limited")
    assert _names(x, "Firm") == ["Hill Battery Co., Ltd"]
    assert _names(x, "Event") == []


def test_firms_named_by_their_role_and_foreign_cities():
    x = _x("Korean cell maker Hanul Energy said on Monday it signed a three-year agreement with Brightway "
           "and Coastal Motors Co., Ltd. It will also build a plant in Szeged, Hungary. The battery maker "
           "will offer its packs to the Kestrel carmaker. It ships cells to Ostara by 2027. Yellow River Machinery "
           "(Group) Co., Ltd. was not part of the deal.")
    firms = _names(x, "Firm")
    assert {"Hanul Energy", "Brightway", "Ostara", "Coastal Motors Co., Ltd",
            "Yellow River Machinery (Group) Co., Ltd"} <= set(firms)
    assert "Kestrel" not in firms  # a capitalised word before a noun modifies it
    assert _names(x, "City") == ["Szeged"]
    assert "cell" in _names(x, "Chain")
    assert not {"Hungary", "Monday"} & set(firms)


def test_a_described_firm_gives_its_product_chain_only_with_a_nationality():
    x = _x("The Chinese denim manufacturer opened a new line. The battery maker said sales rose.")
    assert _names(x, "Chain") == ["denim"]
