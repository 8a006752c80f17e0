"""Loading the store into a real Neo4j: same graph back, evidence kept, idempotent,
incremental, resumable, retried over a dropped connection, and safe with hostile names."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from chaingraph.model import Label
from chaingraph.neo4j.load import load_store
from chaingraph.neo4j.props import evidence_from_columns
from chaingraph.neo4j.readback import graph_from_neo4j
from chaingraph.neo4j.connect import Neo4jSettings, open_driver
from chaingraph.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "neo4j"


def dump(driver) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (ends, type, properties),
    sorted: two equal dumps mean two equal graphs."""
    nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p").records
    key = lambda value: json.dumps(value, sort_keys=True, ensure_ascii=False)  # noqa: E731
    return (sorted(key([sorted(r["l"]), r["p"]]) for r in nodes),
            sorted(key([r["a"], r["t"], r["b"], r["p"]]) for r in rels))


def same_graph(store: Store, driver) -> None:
    ours, theirs = store.to_networkx(), graph_from_neo4j(driver)
    assert dict(theirs.nodes(data=True)) == dict(ours.nodes(data=True))
    key = lambda e: (e[0], e[2], e[1])  # noqa: E731
    assert sorted(theirs.edges(keys=True, data=True), key=key) == sorted(ours.edges(keys=True, data=True), key=key)


def ingest(store: Store, path: Path, tmp_path: Path) -> None:
    from chaingraph.ingest import ingest_paths
    from chaingraph.ingest.base import IngestOptions

    report = ingest_paths([path], store, IngestOptions(), rejects_path=tmp_path / "rejects.csv")
    assert not report.rejects


def test_load_gives_back_the_same_graph_with_constraints_first(graph_store, neo4j_driver):
    report = load_store(graph_store, neo4j_driver, batch_size=7)
    stats = graph_store.stats()
    assert (report.nodes, report.edges, report.skipped_edges) == (stats.nodes, stats.edges, 0)
    assert report.nodes_created == stats.nodes and report.relationships_created == stats.edges
    assert report.batches > len(Label)  # small batches: many of them
    same_graph(graph_store, neo4j_driver)
    constraints = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS l, properties AS p, type").records
    unique_ids = {r["l"] for r in constraints if r["p"] == ["id"] and "UNIQUE" in r["type"]}
    assert unique_ids == {label.value for label in Label}


def test_evidence_of_every_node_and_edge_is_kept(graph_store, neo4j_driver):
    load_store(graph_store, neo4j_driver)
    rows = neo4j_driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p").records
    assert rows
    for row in rows:
        key = f"{row['a']}|{row['t']}|{row['b']}"
        assert sorted(evidence_from_columns(row["p"]), key=repr) == sorted(graph_store.evidence(key), key=repr), key
    nodes = neo4j_driver.execute_query("MATCH (n) RETURN n.id AS id, properties(n) AS p").records
    for row in nodes:
        assert sorted(evidence_from_columns(row["p"]), key=repr) == sorted(graph_store.evidence(row["id"]), key=repr)
    # The sentence and its span survive for the article evidence of one supply link.
    ev = graph_store.evidence("firm:test:steel1|SUPPLIES|firm:test:hyd1")
    assert any(e.sentence and e.start == 120 for e in ev) and any(e.row == 7 for e in ev)


def test_loading_twice_changes_nothing(graph_store, neo4j_driver):
    load_store(graph_store, neo4j_driver)
    before = dump(neo4j_driver)
    again = load_store(graph_store, neo4j_driver)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert dump(neo4j_driver) == before


def test_loading_after_a_new_ingest_adds_only_what_is_new(graph_store, neo4j_driver, tmp_path):
    load_store(graph_store, neo4j_driver)
    nodes_before = graph_store.stats().nodes
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        json.dumps({"kind": "node", "id": "firm:test:new", "label": "Firm", "name": "New Firm"}) + "\n" +
        json.dumps({"kind": "edge", "type": "SUPPLIES", "src": "firm:test:new", "dst": "firm:test:oem1"}) + "\n",
        encoding="utf-8")
    ingest(graph_store, extra, tmp_path)
    report = load_store(graph_store, neo4j_driver)
    # the new firm and the new file's Source node; one new supply link
    assert report.nodes_created == graph_store.stats().nodes - nodes_before == 2
    assert report.relationships_created == 1
    same_graph(graph_store, neo4j_driver)


def test_a_load_cut_off_half_way_finishes_when_run_again(graph_store, neo4j_driver, tmp_path):
    load_store(graph_store, neo4j_driver)
    complete = dump(neo4j_driver)
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    sent = []

    def cut(n: int) -> None:
        sent.append(n)
        if sum(sent) > 40:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_store(graph_store, neo4j_driver, batch_size=10, progress=cut)
    partial = dump(neo4j_driver)
    assert 0 < len(partial[0]) + len(partial[1]) < len(complete[0]) + len(complete[1])
    load_store(graph_store, neo4j_driver, batch_size=10)
    assert dump(neo4j_driver) == complete


class DroppingProxy:
    """A TCP proxy to Neo4j that cuts every open connection once, after the client
    has sent ``cut_after`` bytes in all; with ``stay_down`` it then takes no more
    connections, as if the server had stopped."""

    def __init__(self, port: int, cut_after: int, stay_down: bool = False):
        self.target = port
        self.cut_after = cut_after
        self.stay_down = stay_down
        self.sent = 0
        self.cut = False
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, counts: bool) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
                if counts:
                    with self.lock:
                        self.sent += len(data)
                        trip = not self.cut and self.sent > self.cut_after
                        if trip:
                            self.cut = True
                            pairs = list(self.pairs)
                    if trip:
                        if self.stay_down:
                            self.close()
                        for a, b in pairs:
                            for s in (a, b):
                                try:
                                    s.shutdown(socket.SHUT_RDWR)
                                except OSError:
                                    pass
        except OSError:
            pass

    def close(self) -> None:
        try:
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        except OSError:
            pass
        self.server.close()


def _load_through(proxy: DroppingProxy, settings: Neo4jSettings, store: Store):
    via_proxy = Neo4jSettings(f"bolt://127.0.0.1:{proxy.port}", settings.user, settings.password)
    try:
        with open_driver(via_proxy) as driver:
            return load_store(store, driver, batch_size=5)
    finally:
        proxy.close()


def test_a_dropped_connection_is_retried_and_the_load_completes(graph_store, neo4j_driver, neo4j_settings):
    port = int(neo4j_settings.uri.rsplit(":", 1)[1])
    # A first load through the proxy, never cut, measures how many bytes a load sends.
    measuring = DroppingProxy(port, cut_after=10**12)
    _load_through(measuring, neo4j_settings, graph_store)
    complete = dump(neo4j_driver)
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    # The second is cut half-way through those bytes.
    proxy = DroppingProxy(port, cut_after=measuring.sent // 2)
    report = _load_through(proxy, neo4j_settings, graph_store)
    assert proxy.cut, "the proxy never cut the connection: the test proved nothing"
    assert dump(neo4j_driver) == complete
    assert report.nodes + report.edges == graph_store.stats().nodes + graph_store.stats().edges


def test_hostile_names_arrive_intact_and_nothing_else_changes(graph_store, neo4j_driver, tmp_path):
    load_store(graph_store, neo4j_driver)
    before_nodes, before_rels = dump(neo4j_driver)
    ingest(graph_store, DATA / "nasty.jsonl", tmp_path)
    report = load_store(graph_store, neo4j_driver)
    nasty = [json.loads(line) for line in (DATA / "nasty.jsonl").read_text(encoding="utf-8").splitlines()]
    nasty_nodes = [r for r in nasty if r["kind"] == "node"]
    assert report.nodes_created == len(nasty_nodes) + 1  # and the file's Source node
    after_nodes, after_rels = dump(neo4j_driver)
    assert set(before_nodes) <= set(after_nodes) and set(before_rels) <= set(after_rels)
    assert len(after_nodes) == len(before_nodes) + len(nasty_nodes) + 1
    for record in nasty_nodes:
        found = neo4j_driver.execute_query("MATCH (n:Firm {id: $id}) RETURN n.name AS name, n.note AS note, "
                                           "n.list AS list", id=record["id"]).records
        assert len(found) == 1
        assert found[0]["name"] == record["name"] == found[0]["note"]
        assert found[0]["list"] == [record["name"], "ok"]
    untouched = neo4j_driver.execute_query("MATCH (n) WHERE n.name = 'pwned' RETURN count(n) AS c").records
    assert untouched[0]["c"] == 0
    same_graph(graph_store, neo4j_driver)


def test_cli_load_and_load_from_neo4j_round_trip(graph_store, neo4j_env, tmp_path):
    db = str(graph_store.path)
    run = lambda *a, **kw: subprocess.run([sys.executable, "-c", "import cli; cli.main()", *a],  # noqa: E731
                                          capture_output=True, text=True, env=neo4j_env, timeout=600, **kw)
    first = run("--db", db, "load", "--format", "json")
    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)
    assert counts["nodes_created"] == graph_store.stats().nodes
    second = json.loads(run("--db", db, "load", "--format", "json").stdout)
    assert second["nodes_created"] == 0 and second["relationships_created"] == 0
    back = str(tmp_path / "back.db")
    pulled = run("--db", back, "load", "--from-neo4j", "--format", "json")
    assert pulled.returncode == 0, pulled.stderr
    with Store(back) as copy:
        assert copy.stats().to_dict() == graph_store.stats().to_dict()
        ours, theirs = graph_store.to_networkx(), copy.to_networkx()
        assert dict(theirs.nodes(data=True)) == dict(ours.nodes(data=True))
        assert sorted(theirs.edges(keys=True)) == sorted(ours.edges(keys=True))
        key = "firm:test:steel1|SUPPLIES|firm:test:hyd1"
        assert sorted(copy.evidence(key), key=repr) == sorted(graph_store.evidence(key), key=repr)


def test_an_element_id_that_names_no_node_of_that_id_makes_the_batch_go_again_by_id(
        graph_store, neo4j_driver, monkeypatch):
    import chaingraph.neo4j.load as loader

    real = loader.write_batch
    spoiled = []

    def spoil_first_edge_batch(driver, query, rows, report, database=None):
        # Stand in for a node deleted and its element id reused during the load:
        # the first relationship row's start points at another node (its end).
        if "elementId(a)" in query and not spoiled:
            rows = [[rows[0][1], *rows[0][1:]], *rows[1:]]
            spoiled.append(rows[0][2])
        return real(driver, query, rows, report, database)

    monkeypatch.setattr(loader, "write_batch", spoil_first_edge_batch)
    report = load_store(graph_store, neo4j_driver, batch_size=5)
    assert spoiled and report.fallbacks == 1
    assert report.relationships_created == graph_store.stats().edges
    same_graph(graph_store, neo4j_driver)


def _firm(node_id: str, name: str):
    from chaingraph.model import Evidence, NodeRecord

    return NodeRecord(id=node_id, label=Label.FIRM, name=name, evidence=[Evidence("source:list", row=1)])


def test_a_name_too_long_to_index_is_cut_and_an_id_too_long_skipped_and_the_rest_loads(
        tmp_path, neo4j_driver, neo4j_env):
    from chaingraph.model import EdgeRecord, Evidence, RelType
    from chaingraph.neo4j.props import MAX_INDEXED_BYTES

    long_name = "湖南长沙工程机械" * 351  # 2,808 characters, 8,424 bytes of UTF-8
    long_id = "firm:" + "x" * 9000
    with Store(tmp_path / "long.db") as store:
        store.upsert([_firm(f"firm:{i:02d}", f"企业{i}") for i in range(50)] +
                     [_firm("firm:long", long_name), _firm(long_id, "Long id"),
                      EdgeRecord(RelType.SUPPLIES, long_id, "firm:01", evidence=[Evidence("source:list", row=2)]),
                      EdgeRecord(RelType.SUPPLIES, "firm:long", "firm:01", evidence=[Evidence("source:list", row=3)])])
        report = load_store(store, neo4j_driver)
    assert (report.truncated_names, report.skipped_nodes, report.skipped_edges) == (1, 1, 1)
    assert any("'firm:long'" in w and "cut" in w for w in report.warnings)
    assert any("'firm:xxxx" in w and "not loaded" in w for w in report.warnings)
    rows = neo4j_driver.execute_query("MATCH (n:Firm) RETURN n.id AS id, n.name AS name").records
    names = {r["id"]: r["name"] for r in rows}
    assert len(names) == 51 and names["firm:07"] == "企业7"
    assert long_name.startswith(names["firm:long"]) and 0 < MAX_INDEXED_BYTES - len(names["firm:long"].encode()) < 4
    assert neo4j_driver.execute_query("MATCH (:Firm {id: 'firm:long'})-[r:SUPPLIES]->() RETURN count(r) AS c"
                                      ).records[0]["c"] == 1
    # the command says so on stderr and exits 0
    result = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(tmp_path / "long.db"),
                             "load", "--format", "json"], capture_output=True, text=True, env=neo4j_env, timeout=300)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 2 and "Firm node 'firm:long': name of 8424 bytes cut" in result.stderr


def test_a_server_gone_mid_load_is_one_line_of_error(graph_store, neo4j_settings, neo4j_env):
    port = int(neo4j_settings.uri.rsplit(":", 1)[1])
    proxy = DroppingProxy(port, cut_after=3000, stay_down=True)
    try:
        result = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(graph_store.path),
                                 "load", "--batch-size", "5"], capture_output=True, text=True, timeout=600,
                                env=dict(neo4j_env, NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}"))
    finally:
        proxy.close()
    assert proxy.cut, "the proxy never cut the connection: the test proved nothing"
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_a_load_after_a_merge_removes_the_merged_away_node(neo4j_driver, tmp_path):
    from chaingraph.model import EdgeRecord, Evidence, NodeRecord, Label, RelType
    from chaingraph.resolution import resolve_firms

    ev = [Evidence("source:test", 1)]
    with Store(tmp_path / "m.db") as store:
        store.upsert([NodeRecord("firm:stock:000157", Label.FIRM, "中联重科股份有限公司", {"stock_code": "000157"}, ev),
                      NodeRecord("firm:name:中联重科@长沙", Label.FIRM, "中联重科股份有限公司", {"province": "湖南"}, ev),
                      NodeRecord("city:长沙", Label.CITY, "长沙市", {}, ev),
                      EdgeRecord(RelType.LOCATED_IN, "firm:name:中联重科@长沙", "city:长沙", {}, ev)])
        load_store(store, neo4j_driver)
        assert resolve_firms(store).merged == 1
        load_store(store, neo4j_driver)
        ids = {r["id"] for r in neo4j_driver.execute_query("MATCH (n:Firm) RETURN n.id AS id").records}
        assert ids == {"firm:stock:000157"}
        rels = neo4j_driver.execute_query(
            "MATCH (f:Firm)-[:LOCATED_IN]->(c:City) RETURN f.id AS f, c.id AS c").records
        assert [(r["f"], r["c"]) for r in rels] == [("firm:stock:000157", "city:长沙")]
