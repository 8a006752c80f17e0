"""Chinese project lines (zh_projects.py) and a park's full and short names as one
item (zh_merge.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def _extract(text: str):
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    return x.entities, {(e.type, e.name) for e in x.entities}, rels


TEXT = ("标题\n\n5月8日，江西赣州召开2024赣州招商洽谈会，现场签约项目32个。赣州经济技术开发区负责人介绍了园区。"
        "此次洽谈会签约的新能源汽车项目还包括：杭州瑞驰动力在赣州经开区投资的电驱系统生产基地项目、"
        "合肥星途电控在赣州经开区投资的整车控制器项目等。")


def test_investors_of_project_lines_are_firms_with_their_home_city():
    _ents, types, rels = _extract(TEXT)
    assert {("Firm", "杭州瑞驰动力"), ("Firm", "合肥星途电控")} <= types
    assert ("BELONGS_TO", "杭州瑞驰动力", "赣州经济技术开发区") in rels
    assert ("LOCATED_IN", "合肥星途电控", "赣州") in rels
    assert any(t == "PARTICIPATED_IN" and h == "合肥星途电控" for t, h, _d in rels)


def test_a_parks_short_name_is_an_alias():
    ents, types, _rels = _extract(TEXT)
    parks = [e for e in ents if e.type == "Cluster"]
    assert len(parks) == 1 and "赣州经开区" in parks[0].aliases
