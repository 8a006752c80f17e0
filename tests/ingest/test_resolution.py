"""Entity resolution against the real store: one firm, one node, in any order."""

import json
from pathlib import Path

import pytest

from chaingraph.identity import firm_id
from chaingraph.model import Label
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions

DATA = Path(__file__).parent.parent / "data" / "er"
MAPPING = Path(__file__).parent.parent.parent / "data" / "mappings" / "chainkg.toml"
CHAINKG = DATA / "chainkg"
LIST = DATA / "planner_list.csv"
TRUTH = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


def _ingest(store, *paths):
    for path in paths:
        options = IngestOptions(mapping=MAPPING) if path == CHAINKG else IngestOptions()
        ingest_paths([path], store, options)


def _survivors(store):
    """Where each truth row's list node ended up: the id of the node holding it."""
    out = {}
    for row in TRUTH:
        fid = firm_id(row["name"], place=row["city"] or row["province"])
        node = store.get_node(fid)
        out[row["name"]] = node.id if node else None
    return out


def _graph(store):
    nodes = {n.id: (n.name, n.props.get("province"), n.props.get("stock_code")) for n in store.iter_nodes(Label.FIRM)}
    edges = sorted((e.src, e.type.value, e.dst) for e in store.iter_edges())
    return nodes, edges


@pytest.mark.parametrize("order", ["chainkg-first", "list-first"])
def test_listed_firms_merge_with_chainkg_and_decoys_do_not(tmp_path, order):
    paths = (CHAINKG, LIST) if order == "chainkg-first" else (LIST, CHAINKG)
    with Store(tmp_path / "s.db") as store:
        _ingest(store, *paths)
        found = _survivors(store)
    real = [r for r in TRUTH if not r["decoy"]]
    decoys = [r for r in TRUTH if r["decoy"]]
    assert len(real) >= 100 and len(decoys) >= 20
    merged = [r for r in real if found[r["name"]] == f"firm:stock:{r['code']}"]
    assert len(merged) / len(real) >= 0.95, [r["name"] for r in real if r not in merged]
    wrong = [r["name"] for r in decoys if not found[r["name"]].startswith("firm:name:")]
    assert wrong == []


def test_ingest_order_gives_the_same_graph(tmp_path):
    graphs = []
    for n, paths in enumerate([(CHAINKG, LIST), (LIST, CHAINKG), (LIST, CHAINKG, LIST)]):
        with Store(tmp_path / f"{n}.db") as store:
            _ingest(store, *paths)
            graphs.append(_graph(store))
    assert graphs[0] == graphs[1] == graphs[2]


def test_place_guards_the_core_name_and_an_ambiguous_short_name_is_reported(tmp_path):
    data = tmp_path / "list.csv"
    data.write_text("企业名称,省份,城市\n湖南天微电子有限公司,湖南,长沙\n四川天微电子股份有限公司,四川,成都\n"
                    "天微电子,,\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest_paths([data], store)
        firms = {n.id for n in store.iter_nodes(Label.FIRM)}
    assert {"firm:name:湖南天微电子@长沙", "firm:name:四川天微电子@成都"} <= firms
    assert any("天微电子" in w.reason and "several firms" in w.reason for w in report.warnings)
    assert "firm:name:天微电子" in firms  # fits both: kept apart, not merged into either


def test_old_ids_find_the_survivor_and_later_records_join_it(tmp_path):
    with Store(tmp_path / "s.db") as store:
        _ingest(store, LIST, CHAINKG)
        row = TRUTH[0]
        old = firm_id(row["name"], place=row["city"] or row["province"])
        assert store.get_node(old).id == f"firm:stock:{row['code']}"
        assert store.resolve(old).id == f"firm:stock:{row['code']}"
        before = store.stats().to_dict()
        _ingest(store, LIST)  # the list again: its rows go to the survivors
        assert store.stats().to_dict()["nodes"] == before["nodes"]
        assert store.conn.execute("SELECT count(*) FROM nodes WHERE id=?", (old,)).fetchone()[0] == 0


@pytest.mark.skipif(not Path("../shared/data/chainkg/company.jsonl").exists(), reason="shared data set absent")
def test_full_chainkg_with_the_issue_example(tmp_path):
    data = tmp_path / "plan.csv"
    data.write_text("企业名称,统一社会信用代码,城市,省份,产业链,环节\n中联重科股份有限公司,,长沙,湖南,工程机械,整机制造\n",
                    encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest_paths([Path("../shared/data/chainkg")], store, IngestOptions(mapping=MAPPING))
        ingest_paths([data], store)
        node = store.resolve("中联重科", Label.FIRM)
        assert node.id == "firm:stock:000157" and node.props["city"] == "长沙"
        assert len({e.source for e in node.evidence}) == 3  # company, company_industry and the list
        assert any(e.dst == "segment:工程机械整机" for e in store.edges_of(node.id))


def test_merge_rate_figures(tmp_path, capsys):
    """Not a check of its own: prints the figures the report quotes."""
    with Store(tmp_path / "s.db") as store:
        _ingest(store, LIST, CHAINKG)
        found = _survivors(store)
    real = [r for r in TRUTH if not r["decoy"]]
    merged = sum(found[r["name"]] == f"firm:stock:{r['code']}" for r in real)
    decoys = sum(not found[r["name"]].startswith("firm:name:") for r in TRUTH if r["decoy"])
    with capsys.disabled():
        print(f"\nmerged {merged}/{len(real)}; decoys merged {decoys}/{len(TRUTH) - len(real)}")
    assert merged <= len(real)
