import os
import sqlite3

import networkx as nx

import pytest

from chaingraph.errors import NotFoundError, StoreError
from chaingraph.model import BATCH_END, EdgeRecord, Evidence, Label, NodeRecord, RelType
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


def test_signed_with_stays_one_edge_when_an_end_is_merged_and_signed_again(store):
    # "firm:z" sorts after "firm:b"; merged into "firm:a", the edge must turn round to a → b
    store.upsert([NodeRecord(i, Label.FIRM, i[-1].upper(), {}, [EV1]) for i in ("firm:a", "firm:b", "firm:z")]
                 + [EdgeRecord(RelType.SIGNED_WITH, "firm:b", "firm:z", {}, [EV1])])
    assert store.merge([("firm:z", "firm:a")]) == 1
    store.upsert([EdgeRecord(RelType.SIGNED_WITH, "firm:a", "firm:b", {}, [EV2])])
    edges = [e for e in store.edges_of("firm:a") if e.type is RelType.SIGNED_WITH]
    assert [(e.src, e.dst) for e in edges] == [("firm:a", "firm:b")]
    assert set(edges[0].evidence) == {EV1, EV2}


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


def _old_store(path, script):
    """Write a store of an older schema by hand; return its path."""
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.commit()
    conn.close()
    return path


def test_v1_store_is_migrated_with_its_evidence(tmp_path):
    path = _old_store(tmp_path / "v1.db", """
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


def test_v2_store_is_migrated_to_numbered_nodes(tmp_path):
    path = _old_store(tmp_path / "v2.db", """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '2');
        CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL,
                            evidence TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX nodes_label ON nodes(label);
        CREATE INDEX nodes_name ON nodes(name);
        CREATE TABLE edges (src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
                            evidence TEXT NOT NULL, PRIMARY KEY (src, type, dst)) WITHOUT ROWID;
        CREATE INDEX edges_dst ON edges(dst, type);
        CREATE TABLE names (label TEXT NOT NULL, key TEXT NOT NULL, node_id TEXT NOT NULL, surface TEXT NOT NULL,
            PRIMARY KEY (label, key, node_id)) WITHOUT ROWID;
        INSERT INTO nodes VALUES ('firm:a', 'Firm', 'A', '{"city":"长沙"}', '[["source:a",3,-1,-1,"",""]]'),
                                 ('firm:b', 'Firm', 'B', '{}', '[]');
        INSERT INTO edges VALUES ('firm:a', 'SUPPLIES', 'firm:b', '{"weight":2}', '[["source:b",-1,0,13,"","A supplies B."]]'),
                                 ('firm:b', 'SUPPLIES', 'firm:gone', '{}', '[]');
        INSERT INTO names VALUES ('Firm', 'a', 'firm:a', 'A');
    """)
    with Store(path) as store:
        assert store.conn.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.stats().to_dict() == {"nodes": 2, "edges": 2, "evidence": 2, "labels": {"Firm": 2},
                                           "types": {"SUPPLIES": 2}}
        assert store.evidence("firm:a|SUPPLIES|firm:b") == [EV2]
        assert store.get_node("firm:a").props == {"city": "长沙"} and store.resolve("A").id == "firm:a"
        graph = store.to_networkx()
        assert graph.edges["firm:a", "firm:b", "SUPPLIES"]["weight"] == 2 and graph.has_edge("firm:b", "firm:gone")
        # the dangling end is a placeholder until its own record arrives
        assert store.get_node("firm:gone") is None
        store.upsert([NodeRecord("firm:gone", Label.FIRM, "Gone Ltd", {}, [EV1])])
        assert store.get_node("firm:gone").name == "Gone Ltd" and store.stats().labels == {"Firm": 3}


def test_edges_before_their_nodes_and_writer_errors(store):
    store.upsert([EdgeRecord(RelType.SUPPLIES, "firm:x", "firm:y", {}, [EV1])], batch_size=1)
    assert store.stats().nodes == 0 and store.stats().edges == 1
    store.upsert([NodeRecord("firm:y", Label.FIRM, "Y", {}, [EV1]), NodeRecord("firm:x", Label.FIRM, "X")])
    assert [n.id for n in store.iter_nodes()] == ["firm:x", "firm:y"]
    assert [(e.src, e.dst) for e in store.edges_of("firm:x")] == [("firm:x", "firm:y")]

    def records():
        yield NodeRecord("firm:z", Label.FIRM, "Z")
        yield "not a record"
    with pytest.raises(StoreError, match="not str"):
        store.upsert(records(), batch_size=1)
    assert store.get_node("firm:z") is not None  # the batch before the bad one stays written


def test_a_read_or_an_upsert_inside_an_upsert_raises(store):
    # The writer thread holds the connection while an upsert runs: a read made by
    # the records' producer would see part of the write, so it is refused, as is
    # an upsert inside another (ingesters read through a Resolver instead).
    attempts = {"read": lambda: store.stats(), "get_node": lambda: store.get_node("firm:0"),
                "upsert": lambda: store.upsert([NodeRecord("firm:inner", Label.FIRM, "Inner")])}
    for what, attempt in attempts.items():
        def records():
            for i in range(20):
                if i == 12:
                    attempt()
                yield NodeRecord(f"firm:{i}", Label.FIRM, f"F{i}")
        with pytest.raises(StoreError, match="while an upsert is under way") as caught:
            store.upsert(records(), batch_size=5)
        assert str(store.path) in str(caught.value), what
        # the batches before it stay written, and the store is usable again
        assert store.get_node("firm:9") is not None and store.get_node("firm:inner") is None, what
    store.upsert([NodeRecord("firm:after", Label.FIRM, "After")])
    assert store.get_node("firm:after").name == "After"


def test_a_reader_sees_the_store_as_it_was_before_the_write(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.upsert([NodeRecord("firm:old", Label.FIRM, "Old Co", {}, [EV1])])
        reader = store.reader()
        seen = []
        with reader.snapshot():
            assert not reader.is_empty()  # the first read fixes the snapshot

            def records():
                for i in range(30):
                    seen.append((reader.stats().nodes, reader.get_node("firm:0") is None))
                    yield NodeRecord(f"firm:{i}", Label.FIRM, f"F{i}")
            store.upsert(records(), batch_size=4)
            assert reader.stats().nodes == 1
        assert seen == [(1, True)] * 30
        assert reader.stats().nodes == 31  # a new snapshot sees the write
        reader.close()


def test_batch_end_ends_a_batch_and_the_next_starts_small(store, monkeypatch):
    monkeypatch.setattr("chaingraph.store.write.FIRST_BATCH", 3)
    sizes = []
    records = ([NodeRecord(f"firm:{i}", Label.FIRM, f"F{i}") for i in range(7)] + [BATCH_END, BATCH_END]
               + [NodeRecord(f"firm:b{i}", Label.FIRM, f"B{i}") for i in range(5)] + [BATCH_END])
    stats = store.upsert(records, batch_size=10, progress=sizes.append)
    assert sizes == [3, 4, 3, 2] and stats.nodes == 12 and store.stats().nodes == 12


def test_batches_are_committed_when_the_upsert_ends(tmp_path):
    # The writer keeps one transaction over many batches; the upsert's end commits
    # it, so other connections see what was written.
    path = tmp_path / "s.db"
    with Store(path) as store:
        other = sqlite3.connect(path)
        store.upsert((NodeRecord(f"firm:{i}", Label.FIRM, f"F{i}") for i in range(30)), batch_size=5)
        assert other.execute("SELECT count(*) FROM nodes").fetchone()[0] == 30
        assert not store.conn.in_transaction
        other.close()


def _mixed_records():
    records = []
    for i in range(60):
        records.append(NodeRecord(f"firm:{i % 25}", Label.FIRM, f"Firm {i % 25}" + (" Co., Ltd." if i % 2 else ""),
                                  {"n": i % 7} if i % 3 else {}, [Evidence("source:l", row=i)]))
        records.append(EdgeRecord(RelType.SUPPLIES, f"firm:{i % 25}", f"firm:{(i * 7) % 31}", {"w": i % 4},
                                  [Evidence("source:l", row=i)]))
        records.append(NodeRecord("city:cs", Label.CITY, "长沙", {}, [Evidence("source:l", row=i % 40)]))
    return records


def _contents(store):
    return ([(n.id, n.label, n.name, n.props, n.aliases, sorted(store.evidence(n.id), key=repr)) for n in store.iter_nodes()],
            sorted((e.key, e.props, sorted(store.evidence(e.key), key=repr)) for e in store.iter_edges()),
            store.stats().to_dict())


def test_writer_process_gives_what_one_batch_gives(tmp_path):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "many.db") as many:
        one.upsert(_mixed_records(), batch_size=10_000)
        many.upsert(_mixed_records(), batch_size=7)  # 26 batches: all but the first go to the writer thread
        assert _contents(many) == _contents(one)
        assert len(one.get_node("city:cs").evidence) == 40
        many.upsert(_mixed_records(), batch_size=7)
        assert _contents(many) == _contents(one)


def test_writer_process_error_keeps_earlier_batches(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.conn.execute("CREATE TRIGGER no_about BEFORE INSERT ON edges WHEN NEW.type = 'ABOUT' "
                           "BEGIN SELECT RAISE(ABORT, 'no ABOUT edges here'); END")
        records = [NodeRecord(f"firm:{i}", Label.FIRM, f"F{i}") for i in range(30)]
        records.insert(25, EdgeRecord(RelType.ABOUT, "source:s", "firm:1"))
        with pytest.raises(StoreError, match="no ABOUT edges here"):
            store.upsert(records, batch_size=5)
        # batches 1-5 were written; the failing sixth and everything after it were not
        assert store.stats().nodes == 25 and store.stats().edges == 0


def test_batches_in_one_transaction_keep_those_before_a_failure(tmp_path):
    from chaingraph.store.write import KnownIds, prepare_batch
    from chaingraph.store.writer import write_batch
    with Store(tmp_path / "s.db") as store:
        store.conn.execute("CREATE TRIGGER no_about BEFORE INSERT ON edges WHEN NEW.type = 'ABOUT' "
                           "BEGIN SELECT RAISE(ABORT, 'no ABOUT edges here'); END")
        known = KnownIds()
        batches = [prepare_batch([NodeRecord("firm:a", Label.FIRM, "A"), EdgeRecord(RelType.SUPPLIES, "firm:a", "firm:b")], known),
                   prepare_batch([NodeRecord("firm:c", Label.FIRM, "C"), EdgeRecord(RelType.ABOUT, "source:s", "firm:c")], known)]
        answers = [write_batch(store.conn, batch, store.path) for batch in batches]
        assert store.conn.in_transaction  # the caller commits
        store.conn.execute("COMMIT")
        assert [a[0] for a in answers] == ["ok", "error"] and "no ABOUT edges here" in answers[1][1]
        assert [n.id for n in store.iter_nodes()] == ["firm:a"] and store.stats().edges == 1


def test_a_failed_write_forgets_the_ids_it_would_have_written(tmp_path):
    # Edges find their ends by id; an id remembered from a batch that was rolled
    # back would leave a later edge without its end.
    with Store(tmp_path / "s.db") as store:
        store.conn.execute("CREATE TRIGGER no_c BEFORE INSERT ON nodes WHEN NEW.id = 'firm:c' "
                           "BEGIN SELECT RAISE(ABORT, 'no firm:c here'); END")
        with pytest.raises(StoreError, match="no firm:c here"):
            store.upsert([NodeRecord("firm:b", Label.FIRM, "B"), NodeRecord("firm:c", Label.FIRM, "C")])
        store.conn.execute("DROP TRIGGER no_c")
        store.upsert([EdgeRecord(RelType.SUPPLIES, "firm:b", "firm:c", {}, [EV1])])
        assert [(e.src, e.dst) for e in store.iter_edges()] == [("firm:b", "firm:c")]


def test_evidence_merges_with_quotes_control_characters_and_emoji(tmp_path):
    odd = ['q"uote', "back\\slash", "tab\tnew\nline", "ctl\x01\x1f", "emoji 😀 中文", "br]acket", "x/y"]
    with Store(tmp_path / "s.db") as store:
        for round_ in range(2):
            for i, text in enumerate(odd):
                store.upsert([NodeRecord("firm:x", Label.FIRM, "X", {}, [Evidence(f"source:{text}", row=i, note=text,
                                                                                   sentence=f"{text} {round_}")]),
                              EdgeRecord(RelType.SUPPLIES, "firm:x", "firm:y", {},
                                         [Evidence(f"source:{text}", row=i, note=text)])])
            items = store.evidence("firm:x")
            assert [(e.source, e.note) for e in items] == sorted((f"source:{t}", t) for t in odd)
            assert len(store.evidence("firm:x|SUPPLIES|firm:y")) == len(odd)
        # the first sentence seen for an item stays; a repeat adds nothing
        assert {e.sentence for e in items} == {f"{t} 0" for t in odd}


def _indexes(store):
    return {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")}


def test_a_long_write_drops_the_edge_end_index_and_builds_it_again(tmp_path, monkeypatch):
    import chaingraph.store.writer as store_write
    monkeypatch.setattr(store_write, "BULK_MIN", 20)  # so that a small write counts as long
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "many.db") as many:
        one.upsert(_mixed_records(), batch_size=10_000)
        indexes = _indexes(one)
        assert "edges_dst" in indexes
        seen_during = []
        drop = store_write.drop_bulk_index

        def watching(conn):  # the indexes left once the writer thread has dropped it
            drop(conn)
            seen_during.append({r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")})

        monkeypatch.setattr(store_write, "drop_bulk_index", watching)
        many.upsert(_mixed_records(), batch_size=7)
        assert "edges_dst" not in seen_during[0] and "names_node" in seen_during[0]
        assert _indexes(many) == indexes
        assert many.conn.execute("SELECT count(*) FROM meta WHERE key='bulk_writer_pid'").fetchone()[0] == 0
        assert _contents(many) == _contents(one)
        # the queries that use it answer as before
        assert many.edges_of("city:cs") == one.edges_of("city:cs")


def test_an_index_left_dropped_by_a_killed_writer_is_built_at_open(tmp_path):
    import subprocess
    import sys

    from chaingraph.store.schema import writer_token
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.upsert(_mixed_records())
        before = store.edges_of("city:cs")
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout.strip()
        store.conn.execute("DROP INDEX edges_dst")
        store.conn.execute("INSERT INTO meta VALUES ('bulk_writer_pid', ?)", (dead,))
    with Store(path) as store:
        assert "edges_dst" in _indexes(store)
        # a number now used by a later process (here our parent, started at another time) is not a writer
        store.conn.execute("DROP INDEX edges_dst")
        store.conn.execute("INSERT OR REPLACE INTO meta VALUES ('bulk_writer_pid', ?)", (f"{os.getppid()}:1",))
    with Store(path) as store:
        assert "edges_dst" in _indexes(store)
    # a writer still at work is left to finish: its index is not built under it
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with Store(path) as store:
            store.conn.execute("DROP INDEX edges_dst")
            store.conn.execute("INSERT OR REPLACE INTO meta VALUES ('bulk_writer_pid', ?)", (writer_token(writer.pid),))
        with Store(path) as store:
            assert "edges_dst" not in _indexes(store)
            assert store.edges_of("city:cs") == before  # right without it, only slower
    finally:
        writer.kill()
        writer.wait()
    with Store(path) as store:
        assert "edges_dst" in _indexes(store)


def test_a_chinese_name_is_kept_over_its_translation_in_either_order(tmp_path):
    def chain(name: str) -> NodeRecord:
        return NodeRecord(id="chain:工程机械", label=Label.CHAIN, name=name,
                          evidence=[Evidence(source="source:t", row=len(name))])

    names = []
    for order in (["工程机械", "construction machinery"], ["construction machinery", "工程机械"]):
        with Store(tmp_path / f"{order[0][:4]}.db") as store:
            for name in order:
                store.upsert([chain(name)])
            names.append(store.get_node("chain:工程机械").name)
    assert names == ["工程机械", "工程机械"]
