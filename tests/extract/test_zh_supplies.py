"""A Chinese supplier named after its customer (zh_supplies.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def test_supplier_named_after_its_customer():
    text = "标题\n\n近日，为长岭汽车有限公司配套的青溪精密部件有限公司宣布扩产。"
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    assert ("SUPPLIES", "青溪精密部件有限公司", "长岭汽车有限公司") in rels
