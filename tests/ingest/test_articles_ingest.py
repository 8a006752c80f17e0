"""Articles into the store: one node per firm, place and chain across articles and
lists, facts on the Event, sentence evidence, idempotent re-runs, bad files skipped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from chaingraph.model import Label, RelType
from chaingraph.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "data" / "articles"
SAMPLE_LIST = ROOT / "data" / "lists" / "chain_firms_sample.csv"
ZH_SAMPLE = ROOT / "data" / "articles" / "changsha_supply_docking_zh.txt"
EN_SAMPLE = ROOT / "data" / "articles" / "czt_machinery_alliance.txt"


def test_chinese_article_firms_join_the_list_firms_in_one_run(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    # the article sorts before the list; it must still be read after it
    shutil.copy(ZH_SAMPLE, tmp_path / "a_article.txt")
    shutil.copy(SAMPLE_LIST, tmp_path / "z_list.csv")
    report = ingest_paths([tmp_path], store)
    assert [i for _, i in report.files][-1] == "article"
    edges = store.edges_of("firm:stock:600031")  # 三一重工 from the list
    kinds = {(e.type, e.dst) for e in edges}
    event = next(dst for typ, dst in kinds if typ is RelType.PARTICIPATED_IN)
    assert (RelType.SIGNED_WITH, "firm:stock:601100") in kinds or any(
        e.type is RelType.SIGNED_WITH and e.src == "firm:stock:601100" for e in store.edges_of("firm:stock:601100"))
    node = store.get_node(event)
    assert node.label is Label.EVENT
    assert node.props["deal_count"] == 23 and node.props["deal_amount"] == 15.6e9
    assert node.props["date"] == "2024-04-18" and node.props["participant_count"] == 120
    signed = [e for e in edges if e.type is RelType.PARTICIPATED_IN][0]
    ev = signed.evidence[0]
    assert ev.sentence and "三一重工" in ev.sentence and ev.end > ev.start
    assert not store.ids_by_key("三一重工", Label.FIRM) == []
    assert len(store.ids_by_key("三一重工", Label.FIRM)) == 1  # no second Sany node


def test_places_and_chains_are_one_node_across_languages(store):
    ingest_paths([ZH_SAMPLE, EN_SAMPLE], store)
    city = store.get_node("city:长沙")
    assert city is not None and {"长沙市", "Changsha"} & ({city.name, *city.aliases}) == {"长沙市", "Changsha"} - set()
    chain = store.get_node("chain:工程机械")
    assert chain is not None
    sources = {ev.source for ev in chain.evidence}
    assert len(sources) == 2  # both articles name it


def test_reingest_changes_nothing(store):
    ingest_paths([ARTICLES], store)
    first = store.stats().to_dict()
    ingest_paths([ARTICLES], store)
    assert store.stats().to_dict() == first
    assert first["labels"].get("Event", 0) == 26  # one main event per article that has one


def test_bad_files_and_lines_are_reported_and_the_rest_goes_in(tmp_path, store):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    shutil.copy(ARTICLES / "articles_batch.jsonl", tmp_path / "batch.jsonl")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01" * 500)
    (tmp_path / "huge.txt").write_bytes(b"The alliance met in Changsha. " * (50 * 1024 * 1024 // 30))
    report = ingest_paths([tmp_path], store)
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(skipped) == {"empty.txt", "binary.txt", "huge.txt"}
    assert "too large" in skipped["huge.txt"]
    assert [(Path(r.path).name, r.line) for r in report.rejects] == [("batch.jsonl", 2)]
    assert store.stats().labels["Event"] == 2


def test_extract_cli_writes_nothing_and_eval_cli_scores(tmp_path):
    db = tmp_path / "never.db"
    run = lambda *a: subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--db", str(db), *a],  # noqa: E731
                                    capture_output=True, text=True, cwd=ROOT, timeout=300)
    out = run("extract", str(ARTICLES / "en_battery_signing.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data[0]["article"] == "en_battery_signing.txt" and data[0]["language"] == "en"
    entity = data[0]["entities"][0]
    assert {"id", "type", "name", "aliases", "evidence"} <= set(entity)
    assert any(r["reason"] == "tail" for r in data[0]["removed"])
    assert not db.exists()
    bad = run("extract", str(ARTICLES), str(tmp_path / "missing.txt"))
    assert bad.returncode == 1 and "missing.txt: no such file or directory" in bad.stderr
    assert len(json.loads(run("extract", str(ARTICLES), "--format", "json").stdout)) == 27
    scored = run("eval", str(ARTICLES / "gold"), str(ARTICLES), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    total = json.loads(scored.stdout)["total"]
    assert total["article"] == "TOTAL" and total["ent_f1"] >= 0.85 and total["rel_f1"] >= 0.6


def test_relative_body_names_stay_apart_across_provinces(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    for province, city in (("Hunan", "Changsha"), ("Hubei", "Wuhan")):
        (folder / f"{city}.txt").write_text(
            f"{province} holds chain forum\n\nOn May 3, {province} Province held a forum on the steel industry chain "
            f"in {city}. Officials of the Provincial Department of Commerce attended the forum.\n", encoding="utf-8")
    ingest_paths([folder], store)
    ids = sorted(n.id for n in store.iter_nodes(Label.AGENCY))
    assert ids == ["agency:provincial department of commerce@湖北", "agency:provincial department of commerce@湖南"]
    events = sorted(n.id for n in store.iter_nodes(Label.EVENT))
    assert len(events) == 2 and len({store.get_node(e).props["date"] for e in events}) == 1


def test_reingest_in_a_new_process_changes_nothing(tmp_path):
    """Names that only articles brought into the store are not looked for when
    articles are read (on a second run they found more mentions than on the first,
    and each run added evidence); a fresh Store object stands for a new process."""
    from chaingraph.store import Store
    from chaingraph.store.export import export_store

    db = tmp_path / "again.db"
    exports = []
    for run in range(2):
        with Store(db) as store:
            ingest_paths([ARTICLES, SAMPLE_LIST], store)
            out = tmp_path / f"export{run}.json"
            export_store(store, "json", out)
        exports.append(json.loads(out.read_text(encoding="utf-8")))
    assert exports[0] == exports[1]


def test_the_province_a_firm_name_gives_is_an_edge_of_the_graph(tmp_path, store):
    from chaingraph.extract.pipeline import extract_article
    from chaingraph.extract.reader import Article

    text = ("Pump fair\n\nThe Anhui Pump Industry Matchmaking Conference was held in Hefei, Anhui Province. "
            "Anhui Lanshan Pump Co., Ltd. signed three orders.\n")
    x = extract_article(Article("pumps.txt", text))
    firm = next(e for e in x.entities if e.type == "Firm")
    assert not any(r.type == "LOCATED_IN" and r.head == firm.id for r in x.relations)
    (tmp_path / "pumps.txt").write_text(text, encoding="utf-8")
    ingest_paths([tmp_path / "pumps.txt"], store)
    firm_id = next(n.id for n in store.iter_nodes(Label.FIRM) if "Lanshan" in n.name)
    located = [e for e in store.edges_of(firm_id) if e.type is RelType.LOCATED_IN and e.src == firm_id]
    assert [store.get_node(e.dst).label for e in located] == [Label.PROVINCE]
    assert located[0].evidence[0].note == "inferred: the province in its name"
    assert "province_by_name" not in store.get_node(firm_id).props


def test_a_list_and_an_article_give_the_same_nodes_in_either_order(tmp_path):
    from chaingraph.store import Store

    graphs = []
    for n, paths in enumerate([(SAMPLE_LIST, EN_SAMPLE), (EN_SAMPLE, SAMPLE_LIST)]):
        with Store(tmp_path / f"{n}.db") as store:
            for path in paths:
                ingest_paths([path], store)
            graphs.append(sorted((node.id, node.name, json.dumps(node.props, sort_keys=True, ensure_ascii=False))
                                 for label in Label for node in store.iter_nodes(label)))
    assert graphs[0] == graphs[1]
    assert any(node_id == "city:长沙" and '"province": "湖南"' in props for node_id, _n, props in graphs[0])
