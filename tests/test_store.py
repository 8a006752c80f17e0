import sqlite3

import networkx as nx

import pytest

from chaingraph.errors import NotFoundError, StoreError
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
from chaingraph.store import SCHEMA_VERSION, Store

EV1 = Evidence("source:a", row=3)
EV2 = Evidence("source:b", sentence="A supplies B.", start=0, end=13)


def _graph():
    return [
        NodeRecord("firm:a", Label.FIRM, "A Co., Ltd.", {"city": "长沙"}, [EV1], ["A"]),
        NodeRecord("firm:b", Label.FIRM, "B", {}, [EV1]),
        NodeRecord("firm:c", Label.FIRM, "C", {}, [EV1]),
        EdgeRecord(RelType.SUPPLIES, "firm:a", "firm:b", {"weight": 1}, [EV1]),
        EdgeRecord(RelType.SUPPLIES, "firm:b", "firm:c", {}, [EV1]),
    ]


def test_upsert_twice_changes_nothing(store):
    store.upsert(_graph())
    before = store.stats().to_dict()
    store.upsert(_graph())
    assert store.stats().to_dict() == before
    assert before["nodes"] == 3 and before["edges"] == 2 and before["evidence"] == 5


def test_merge_keeps_all_evidence_and_merges_props(store):
    store.upsert(_graph())
    store.upsert([NodeRecord("firm:a", Label.FIRM, "A", {"province": "湖南", "city": "长沙市"}, [EV2]),
                  EdgeRecord(RelType.SUPPLIES, "firm:a", "firm:b", {"amount": 5}, [EV2])])
    node = store.get_node("firm:a")
    assert node.props == {"city": "长沙市", "province": "湖南"}
    assert node.name == "A Co., Ltd."  # the fuller name is kept whatever the order
    assert set(node.evidence) == {EV1, EV2}
    edge = [e for e in store.edges_of("firm:a") if e.type is RelType.SUPPLIES][0]
    assert edge.props == {"weight": 1, "amount": 5}
    assert set(edge.evidence) == {EV1, EV2}


def test_signed_with_is_undirected(store):
    store.upsert([EdgeRecord(RelType.SIGNED_WITH, "firm:b", "firm:a"),
                  EdgeRecord(RelType.SIGNED_WITH, "firm:a", "firm:b")])
    assert store.stats().types == {"SIGNED_WITH": 1}


def test_networkx_whole_and_neighbourhood(store):
    store.upsert(_graph())
    g = store.to_networkx()
    assert set(g.nodes) == {"firm:a", "firm:b", "firm:c"}
    assert g.nodes["firm:a"]["city"] == "长沙" and g.nodes["firm:a"]["label"] == "Firm"
    assert g.has_edge("firm:a", "firm:b", key="SUPPLIES")
    assert g.edges["firm:a", "firm:b", "SUPPLIES"]["weight"] == 1
    near = store.to_networkx(around=["firm:a"], depth=1)
    assert set(near.nodes) == {"firm:a", "firm:b"} and near.number_of_edges() == 1
    assert set(store.to_networkx(around=["firm:c"], depth=2).nodes) == {"firm:a", "firm:b", "firm:c"}
    with pytest.raises(NotFoundError):
        store.to_networkx(around=["firm:nope"])


def test_resolve_by_alias_and_key(store):
    store.upsert(_graph())
    assert store.resolve("A").id == "firm:a"
    assert store.resolve("a co ltd").id == "firm:a"
    with pytest.raises(NotFoundError):
        store.resolve("Zed")


def test_hostile_names_round_trip(store):
    names = ["a'}) DETACH DELETE n //", "back`tick", 'quo"te', "back\\slash", "🚜 emoji", "三一重工", "<img src=x onerror=alert(1)>"]
    store.upsert([NodeRecord(f"firm:{i}", Label.FIRM, n, {"alias": n}) for i, n in enumerate(names)])
    got = {n.name for n in store.iter_nodes()}
    assert got == set(names)
    assert {n.props["alias"] for n in store.iter_nodes()} == set(names)


def test_schema_version_and_foreign_files(tmp_path):
    path = tmp_path / "old.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a chaingraph store"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store(junk)
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.db", create=False)


def test_v1_store_is_migrated_with_its_evidence(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE edges (src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
                            PRIMARY KEY (src, type, dst)) WITHOUT ROWID;
        CREATE TABLE evidence (owner TEXT NOT NULL, source TEXT NOT NULL, row INTEGER NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, note TEXT NOT NULL, sentence TEXT NOT NULL,
            PRIMARY KEY (owner, source, row, start, "end", note)) WITHOUT ROWID;
        CREATE TABLE names (label TEXT NOT NULL, key TEXT NOT NULL, node_id TEXT NOT NULL, surface TEXT NOT NULL,
            PRIMARY KEY (label, key, node_id)) WITHOUT ROWID;
        INSERT INTO nodes VALUES ('firm:a', 'Firm', 'A', '{}'), ('firm:b', 'Firm', 'B', '{}');
        INSERT INTO edges VALUES ('firm:a', 'SUPPLIES', 'firm:b', '{}');
        INSERT INTO evidence VALUES ('firm:a', 'source:a', 3, -1, -1, '', ''),
                                    ('firm:a|SUPPLIES|firm:b', 'source:b', -1, 0, 13, '', 'A supplies B.');
    """)
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.evidence("firm:a") == [EV1]
        assert store.evidence("firm:a|SUPPLIES|firm:b") == [EV2]
        assert store.stats().evidence == 2
    with Store(path) as store:  # opening again finds v2 and changes nothing
        assert store.stats().evidence == 2


def test_repeated_records_in_one_batch_are_merged(store):
    records = [NodeRecord("city:x", Label.CITY, "X", {"a": i}, [Evidence("source:a", row=i)]) for i in range(5)]
    records += [NodeRecord("city:x", Label.CITY, "X City", {"b": 1}, [Evidence("source:a", row=0)])]
    store.upsert(records, batch_size=3)
    node = store.get_node("city:x")
    assert node.name == "X City" and node.props == {"a": 4, "b": 1}
    assert [e.row for e in node.evidence] == [0, 1, 2, 3, 4]
    assert store.rows_by_source("source:a") == {"city:x": [0, 1, 2, 3, 4]}


def test_fast_edge_loading_matches_networkx_own(store):
    store.upsert(_graph() + [EdgeRecord(RelType.SIGNED_WITH, "firm:a", "firm:b"),
                             EdgeRecord(RelType.SUPPLIES, "firm:a", "firm:dangling")])
    fast = store.to_networkx()
    slow = nx.MultiDiGraph()
    slow.add_nodes_from(fast.nodes(data=True))
    slow.add_edges_from((e.src, e.dst, e.type.value, {**e.props, "type": e.type.value}) for e in store.iter_edges())
    assert nx.utils.edges_equal(fast.edges(keys=True, data=True), slow.edges(keys=True, data=True))
    assert sorted(fast.pred["firm:b"]) == ["firm:a"] and set(fast.succ["firm:a"]["firm:b"]) == {"SIGNED_WITH", "SUPPLIES"}
    assert "firm:dangling" in fast and fast.in_degree("firm:dangling") == 1


def test_degree_counts_and_edge_pairs(store):
    store.upsert(_graph() + [NodeRecord("source:s", Label.SOURCE, "s.csv"),
                             EdgeRecord(RelType.ABOUT, "source:s", "firm:a"),
                             EdgeRecord(RelType.BELONGS_TO, "firm:a", "segment:x")])
    degree, n_edges = store.degree_counts()
    assert (degree["firm:a"], degree["firm:b"], n_edges) == (3, 2, 4)
    degree, n_edges = store.degree_counts(leave_out=["source:s"])
    assert (degree["firm:a"], degree["source:s"], n_edges) == (2, 0, 3)
    assert store.edge_pairs(["firm:a", "firm:b"], RelType.SUPPLIES) == [("firm:a", "firm:b"), ("firm:b", "firm:c")]
    assert store.node_labels()["source:s"] == "Source"
