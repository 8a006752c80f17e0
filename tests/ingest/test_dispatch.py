from pathlib import Path

from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestOptions
from chaingraph.store import Store


def test_records_jsonl_rejects_bad_lines_and_keeps_good_ones(store, data_dir, tmp_path):
    rejects = tmp_path / "rejects.csv"
    report = ingest_paths([data_dir / "records_mixed.jsonl"], store, rejects_path=rejects)
    lines = {r.line: r.reason for r in report.rejects}
    assert set(lines) == {5, 7}
    assert "malformed JSON" in lines[5]
    assert "unknown label 'Planet'" in lines[7]
    stats = store.stats()
    assert stats.labels == {"City": 1, "Firm": 2, "Source": 1}
    assert stats.types == {"LOCATED_IN": 1, "SIGNED_WITH": 1, "SUPPLIES": 1}
    text = rejects.read_text(encoding="utf-8")
    assert "records_mixed.jsonl,5,malformed JSON" in text
    # every record keeps the line it came from
    node = store.get_node("firm:name:quote")
    assert [e.row for e in node.evidence] == [2]
    # quotes, backslashes, emoji and Chinese arrive intact
    assert node.name == 'O\'Brien "Quotes" \\ Back\\slash 🚜 Ltd.'
    assert node.props == {"note": "emoji 🚜 and 中文"}


def test_reingest_changes_nothing(store, data_dir):
    ingest_paths([data_dir], store)
    first = store.stats().to_dict()
    ingest_paths([data_dir], store)
    assert store.stats().to_dict() == first
    assert first["labels"]["Firm"] >= 50


def test_unreadable_and_unknown_files_are_reported_and_skipped(store, data_dir, tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "notes.xyz").write_text("hello", encoding="utf-8")
    report = ingest_paths([tmp_path, tmp_path / "missing.csv", data_dir / "records_mixed.jsonl"], store)
    reasons = {Path(s.path).name: (s.reason, s.error) for s in report.skipped}
    assert reasons["empty.csv"] == ("empty file", True)
    assert reasons["blob.bin"] == ("binary file", True)
    assert reasons["notes.xyz"] == ("no ingester takes this kind of file", False)
    assert reasons["missing.csv"] == ("no such file or directory", True)
    assert store.stats().labels["Firm"] == 2  # the good file still went in


def test_sample_list_rows_become_firms_places_segments_and_supply_links(store, data_dir):
    report = ingest_paths([data_dir / "firms_small.csv"], store)
    assert {r.line: r.reason.split(" ")[0] for r in report.rejects} == {7: "row", 8: "15"}
    g = store.to_networkx()
    sany = "firm:stock:600031"
    assert g.nodes[sany]["city"] == "长沙"
    assert g.has_edge(sany, "city:长沙", key="LOCATED_IN")
    assert g.has_edge("city:长沙", "province:湖南", key="LOCATED_IN")
    assert g.has_edge(sany, "segment:工程机械整机", key="BELONGS_TO")
    # 恒立液压's own row was rejected, so the name stays an outside firm, never dropped
    outside = [n for n, a in g.nodes(data=True) if a.get("outside_list")]
    assert "firm:name:恒立液压" in outside
    assert g.has_edge("firm:name:恒立液压", sany, key="SUPPLIES")


def test_supplier_short_names_resolve_to_listed_firms(store, data_dir):
    ingest_paths([data_dir / "firms_sample.csv"], store)
    g = store.to_networkx()
    assert g.has_edge("firm:stock:000932", "firm:stock:600031", key="SUPPLIES")  # 华菱钢铁 -> 三一重工
    assert g.has_edge("firm:stock:601100", "firm:stock:000157", key="SUPPLIES")  # 恒立液压 -> 中联重科
    assert not [n for n, a in g.nodes(data=True) if a.get("outside_list")]


def test_a_per_file_mapping_owns_the_directory_it_is_given_with(store, tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "firms.jsonl").write_text('{"full": "湖南泰嘉新材料科技股份有限公司", "code": "002843"}\n', encoding="utf-8")
    (folder / "README.md").write_text("# A data set\n\nSany Heavy Industry Co., Ltd. supplies nothing here.\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[[file]]\nmatch = "firms.jsonl"\nkind = "firms"\n'
                       'columns = { name = "full", stock_code = "code" }\n', encoding="utf-8")
    report = ingest_paths([folder], store, IngestOptions(mapping=mapping))
    assert [Path(p).name for p, _ in report.files] == ["firms.jsonl"]
    assert [(Path(s.path).name, s.error) for s in report.skipped] == [("README.md", False)]
    assert store.stats().labels.get("Firm") == 1
    # named on the command line, the README is read after all
    report = ingest_paths([folder / "README.md"], store, IngestOptions(mapping=mapping))
    assert [Path(p).name for p, _ in report.files] == ["README.md"]


def test_english_articles_and_a_chinese_list_name_the_same_firms(store):
    root = Path(__file__).resolve().parents[2]
    ingest_paths([root / "data" / "lists", root / "data" / "articles"], store)
    firms = {n.id: n for n in store.iter_nodes()}
    sany = store.get_node("firm:stock:600031")
    kinds = {firms[e.source].props["kind"] for e in sany.evidence}
    assert kinds == {"list", "article"}
    # the article's English sentence is evidence on the list firms' supply link
    link = store.evidence("firm:stock:000932|SUPPLIES|firm:stock:600031")
    assert any(e.sentence and "Valin" in e.sentence for e in link)
    assert not [n for n in store.iter_nodes() if n.name.startswith("Sany Heavy")]


def test_a_folder_holding_the_store_does_not_read_the_store(tmp_path, data_dir):
    # `chaingraph ingest .` where chaingraph.db lives: the store and its -wal/-shm are
    # not input, so they are neither read nor reported as binary files.
    (tmp_path / "firms.csv").write_bytes((data_dir / "firms_small.csv").read_bytes())
    with Store(tmp_path / "chaingraph.db") as store:
        ingest_paths([tmp_path], store)
        (tmp_path / "chaingraph.db-journal").write_bytes(b"\0" * 16)
        report = ingest_paths([tmp_path], store)
    assert [Path(f).name for f, _ in report.files] == ["firms.csv"] and not report.skipped


def test_results_chaingraph_wrote_are_not_read_back(tmp_path, data_dir):
    # `chaingraph ingest .` in a folder that holds a gaps result (CSV and workbook)
    # and a map: reading them back would state the gap's candidates as members of
    # their segments, so they are skipped with a reason and the graph is unchanged.
    from chaingraph.analytics.gaps import find_gaps
    from chaingraph.analytics.placed import PlacedGraph
    from chaingraph.output import write_output
    from chaingraph.render import MapOptions, render_map

    root = data_dir.parent.parent / "data"
    work = tmp_path / "work"
    work.mkdir()
    with Store(tmp_path / "chaingraph.db") as store:
        ingest_paths([root / "lists", root / "articles"], store)
        before = store.to_networkx()
        report = find_gaps(PlacedGraph.from_store(store, "工程机械"), "湖南")
        assert any(s.candidates for s in report.segments)
        write_output(work / "gaps.csv", report.tables(), report.to_dict())
        write_output(work / "gaps.xlsx", report.tables(), report.to_dict())
        render_map(store, MapOptions(), work / "map.html")
        run = ingest_paths([work], store)
        after = store.to_networkx()
    skipped = {Path(s.path).name: s.reason for s in run.skipped}
    assert set(skipped) == {"gaps.csv", "gaps-candidates.csv", "gaps-local_firms.csv", "gaps.xlsx", "map.html"}
    assert "chaingraph wrote" in skipped["gaps-candidates.csv"] and "chaingraph wrote" in skipped["map.html"]
    assert not run.files
    assert sorted(after.edges(keys=True)) == sorted(before.edges(keys=True))
    assert after.number_of_nodes() == before.number_of_nodes()
