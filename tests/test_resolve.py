"""chaingraph resolve on the real store: old stores' duplicates, review and apply."""

import csv

from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
from chaingraph.resolution import resolve_firms, run_resolve
from chaingraph.store import Store


def _old_store(store):
    """Duplicates as a store built before resolution holds them."""
    ev, ev2 = [Evidence("source:list", 2)], [Evidence("source:kg", 7)]
    store.upsert([
        NodeRecord("firm:stock:000157", Label.FIRM, "中联重科股份有限公司", {"stock_code": "000157"}, ev2, ["中联重科"]),
        NodeRecord("firm:name:中联重科@长沙", Label.FIRM, "中联重科股份有限公司", {"province": "湖南", "city": "长沙"}, ev),
        NodeRecord("firm:name:恒立液压@常州", Label.FIRM, "恒立液压", {"province": "江苏"}, ev),
        NodeRecord("firm:stock:601100", Label.FIRM, "江苏恒立液压股份有限公司", {}, ev2, ["恒立液压"]),
        NodeRecord("firm:name:长沙中联重科", Label.FIRM, "长沙中联重科有限公司", {}, ev),  # placed by its name
        NodeRecord("firm:stock:600031", Label.FIRM, "三一重工股份有限公司", {}, ev2),
        NodeRecord("firm:name:北京三一重工", Label.FIRM, "北京三一重工有限公司", {}, ev),  # 三一重工's place unknown
        NodeRecord("city:长沙", Label.CITY, "长沙市", {}, ev),
        EdgeRecord(RelType.LOCATED_IN, "firm:name:中联重科@长沙", "city:长沙", {}, ev),
        EdgeRecord(RelType.SUPPLIES, "firm:name:恒立液压@常州", "firm:name:中联重科@长沙", {"x": 1}, ev),
        EdgeRecord(RelType.SUPPLIES, "firm:stock:601100", "firm:stock:000157", {}, ev2),
    ])


def _evidence_count(store):
    return store.stats().evidence


def test_resolve_merges_an_old_stores_duplicates_once_and_loses_nothing(tmp_path):
    with Store(tmp_path / "s.db") as store:
        _old_store(store)
        before = _evidence_count(store)
        assert resolve_firms(store).merged == 3
        node = store.get_node("firm:name:中联重科@长沙")
        assert node.id == "firm:stock:000157" and node.props["city"] == "长沙"
        assert {e.source for e in node.evidence} == {"source:list", "source:kg"}
        edges = {(e.src, e.type.value, e.dst): e for e in store.edges_of("firm:stock:000157")}
        supply = edges[("firm:stock:601100", "SUPPLIES", "firm:stock:000157")]
        assert {e.source for e in supply.evidence} == {"source:list", "source:kg"} and supply.props == {"x": 1}
        assert ("firm:stock:000157", "LOCATED_IN", "city:长沙") in edges
        assert _evidence_count(store) == before - 1  # the two SUPPLIES edges' list item became one
        snapshot = (store.stats().to_dict(), sorted(store.merged_ids().items()))
        assert resolve_firms(store).merged == 0
        assert (store.stats().to_dict(), sorted(store.merged_ids().items())) == snapshot


def test_review_lists_the_uncertain_variant_and_apply_keeps_the_decision(tmp_path):
    pairs = tmp_path / "pairs.csv"
    with Store(tmp_path / "s.db") as store:
        _old_store(store)
        result = run_resolve(store, review=pairs)
        assert result["merged"] == 3
        rows = list(csv.DictReader(open(pairs, encoding="utf-8-sig")))
        variant = [r for r in rows if r["id_b"] == "firm:name:北京三一重工"]
        assert variant and variant[0]["id_a"] == "firm:stock:600031"
        assert store.get_node("firm:name:北京三一重工").id == "firm:name:北京三一重工"  # not merged silently
        assert store.get_node("firm:name:长沙中联重科").id == "firm:stock:000157"  # its name places it in Hunan
        variant[0]["decision"] = "reject"
        with open(pairs, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.DictWriter(handle, list(rows[0]))
            writer.writeheader()
            writer.writerows(variant)
        result = run_resolve(store, apply=pairs, review=tmp_path / "again.csv")
        assert result["rejected"] == 1 and result["merged"] == 0
        again = list(csv.DictReader(open(tmp_path / "again.csv", encoding="utf-8-sig")))
        assert not [r for r in again if r["id_b"] == "firm:name:北京三一重工"]  # decided: not asked again
        variant[0]["decision"] = "accept"
        with open(pairs, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.DictWriter(handle, list(rows[0]))
            writer.writeheader()
            writer.writerows(variant)
        assert run_resolve(store, apply=pairs)["merged"] == 1
        assert store.get_node("firm:name:北京三一重工").id == "firm:stock:600031"
        assert "北京三一重工有限公司" in store.get_node("firm:stock:600031").aliases


def test_a_decision_not_understood_is_one_line_naming_file_and_line(tmp_path):
    import pytest

    from chaingraph.errors import ChainGraphError

    pairs = tmp_path / "pairs.csv"
    pairs.write_text("id_a,id_b,decision\nfirm:a,firm:b,perhaps\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store, pytest.raises(ChainGraphError, match=r"pairs.csv:2: decision 'perhaps'"):
        run_resolve(store, apply=pairs)
