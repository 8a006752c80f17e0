"""Chinese market towns and trade "cities" as clusters (zh_clusters.py)."""

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article


def test_a_trade_city_is_a_cluster_in_the_place_named_before_it():
    text = ("标题\n\n近日，由吴江区华东轻纺城管理委员会主办的面料对接会在苏州举行。"
            "对接会现场，“锦程纺织”“云帆布业”等20多家来自华东轻纺城的面料商洽谈合作。多家面料企业表示满意。")
    x = extract_article(Article("a.txt", text))
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.head], names[r.tail]) for r in x.relations}
    assert ("Cluster", "华东轻纺城") in {(e.type, e.name) for e in x.entities}
    assert ("BELONGS_TO", "锦程纺织", "华东轻纺城") in rels
    place = next(d for t, h, d in rels if t == "LOCATED_IN" and h == "华东轻纺城")
    assert place.startswith("吴江")
    assert ("LOCATED_IN", "云帆布业", place) in rels


def test_a_count_a_scale_a_year_or_a_verb_before_a_park_is_not_its_name():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n江城重点打造汽车和电子信息两大产业集群，培育千亿级食品加工产业集群。"
                                         "2024江城工业园区新增企业30家。江城新区布局建设青岚锂电产业园。"))
    clusters = {e.name for e in x.entities if e.type == "Cluster"}
    assert "江城工业园区" in clusters and "青岚锂电产业园" in clusters
    assert not any(c.startswith(("级", "2024")) or "两大" in c or "布局" in c for c in clusters)
    y = extract_article(Article("a.txt", "标题\n\n园区已聚集青岚、望岳等动力电池全产业链项目80余个。"))
    assert {e.name for e in y.entities if e.type == "Chain"} == {"动力电池"}


def test_a_demonstration_park_is_a_park():
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    x = extract_article(Article("a.txt", "标题\n\n位于广西百色新山铝产业示范园的企业参加了对接会。"))
    assert "广西百色新山铝产业示范园" in {e.name for e in x.entities if e.type == "Cluster"}


def test_a_park_named_with_a_rare_preposition_glyph_first_keeps_it():
    from news_helpers import extract_news, names

    x = extract_news("园区内的顺科智能家电产业园已投产，为了省内企业配套。")
    assert names(x, "Cluster") == ["顺科智能家电产业园"]


def test_a_firm_written_after_of_the_park_belongs_to_the_articles_one_park():
    from news_helpers import extract_news, rels

    x = extract_news("龙游特种纸产业园去年新增企业8家。园区内的浙江恒达纸业有限公司年产特种纸20万吨，"
                     "另一家园区企业衢州华丰包装有限公司为其配套生产纸箱。")
    belongs = rels(x, "BELONGS_TO")
    assert ("浙江恒达纸业有限公司", "龙游特种纸产业园") in belongs
    assert ("衢州华丰包装有限公司", "龙游特种纸产业园") in belongs


def test_a_base_or_cluster_a_place_is_said_to_be_names_no_base():
    x = extract_article(Article("a.txt", "标题\n\n曲靖是云南省重要的绿色能源产业基地。长沙是全国最大的工程机械产业集群。"))
    assert [e.name for e in x.entities if e.type == "Cluster"] == []


def test_an_industrial_area_is_a_park():
    x = extract_article(Article("a.txt", "园区\n\n青岚循环经济工业区已形成完整产业链，区内有青岚再生资源科技有限公司等企业。"))
    assert "青岚循环经济工业区" in {e.name for e in x.entities if e.type == "Cluster"}
