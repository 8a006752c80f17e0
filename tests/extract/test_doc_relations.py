"""Relations read from the whole article rather than one verb pattern: a park named
for a chain belongs to it, and a firm of that park with no chain of its own too."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _rels(x, kind):
    name = {e.id: e.name for e in x.entities}
    return sorted((name[r.head], name[r.tail]) for r in x.relations if r.type == kind)


def test_a_park_named_for_a_chain_and_its_firms_belong_to_the_chain():
    x = extract_article(Article("a.txt", "Park news\n\nThe county is growing its textile dyeing industrial chain. "
                                         "Last year Hill Weaving Co., Ltd. settled in the Lakeside Textile Dyeing "
                                         "Industrial Park after a long search."))
    belongs = _rels(x, "BELONGS_TO")
    chain = next(e.name for e in x.entities if e.type == "Chain")
    assert ("Lakeside Textile Dyeing Industrial Park", chain) in belongs
    assert ("Hill Weaving Co., Ltd", "Lakeside Textile Dyeing Industrial Park") in belongs
    assert ("Hill Weaving Co., Ltd", chain) in belongs
    notes = {r.note for r in x.relations if r.type == "BELONGS_TO"}
    assert "a firm of a park of this chain" in notes
