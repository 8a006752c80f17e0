"""Enterprise lists: encodings, Chinese and English headers, Excel, JSON Lines,
mapping files, relation lists, bad rows, place inference, name resolution and
re-ingest. Fixtures are made by tests/data/lists/make_fixtures.py."""

from __future__ import annotations

import csv
import itertools
import shutil
from pathlib import Path

import pytest

from chaingraph.errors import InputError
from chaingraph.model import Label, RelType
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
from chaingraph.ingest.base import IngestContext, IngestOptions, IngestReport
from chaingraph.ingest.resolve import Resolver
from chaingraph.ingest.firm_list import FirmListIngester
from chaingraph.ingest.encodings import detect_encoding

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture
def lists(data_dir) -> Path:
    return data_dir / "lists"


def firms(store: Store) -> dict[str, dict]:
    g = store.to_networkx()
    return {n: a for n, a in g.nodes(data=True) if a["label"] == "Firm"}


@pytest.mark.parametrize("name, encoding", [
    ("lists_gb18030.csv", "gb18030"), ("lists_gbk.csv", "gb18030"), ("lists_utf8_bom.csv", "utf-8-sig"),
    ("lists_broken.csv", "utf-8"), ("lists_custom_layout.csv", "utf-8"),
])
def test_encoding_is_detected(lists, name, encoding):
    assert detect_encoding((lists / name).read_bytes()) == encoding


def test_other_encodings_are_not_taken_for_gb18030(lists):
    text = (lists / "lists_gbk.csv").read_bytes().decode("gbk") * 20
    assert detect_encoding(text.encode("big5", "ignore")) == "big5"
    assert detect_encoding(text.encode("utf-16")) == "utf-16"
    assert detect_encoding(text.encode("gb18030")) == "gb18030"


def test_gb18030_list_keeps_characters_gbk_lacks(store, lists):
    report = ingest_paths([lists / "lists_gb18030.csv"], store)
    assert not report.rejects and not report.skipped
    node = store.get_node("firm:uscc:91430100MA4L0000X1")
    assert node.name == "湖南𠀾䶮精工机械有限公司"
    assert node.props["city"] == "株洲" and node.props["province"] == "湖南"
    # a supplier given by a short name with those characters resolves to the listed firm
    g = store.to_networkx()
    assert g.has_edge("firm:uscc:91430100MA4L0000X1", "firm:name:三一重工@长沙", key="SUPPLIES")


def test_a_list_saved_from_excel_as_unicode_text_is_read_as_a_list(store, tmp_path):
    # Excel's "Unicode Text" is UTF-16 with tabs, in a .txt file like an article
    listed = tmp_path / "firms.txt"
    listed.write_text("企业名称\t所在城市\t产业链\n山河智能装备股份有限公司\t长沙\t工程机械\n"
                      "湖南示例精工有限公司\t株洲\t工程机械\n", encoding="utf-16")
    article = tmp_path / "news.txt"
    article.write_text("Forum held\n\n\tOn May 17, the Steel Summit Forum was held in Wuhan.\n", encoding="utf-8")
    report = ingest_paths([tmp_path], store)
    assert not report.rejects and not report.skipped
    read_by = {Path(path).name: ingester for path, ingester in report.files}
    assert read_by == {"firms.txt": "firm-list", "news.txt": "article"}
    cities = {store.get_node(d).name for s, d, k in store.to_networkx().edges(keys=True)
              if k == "LOCATED_IN" and s.startswith("firm:")}
    assert {"长沙市", "株洲市"} <= cities


def test_gbk_list_with_a_title_line_and_chinese_headers(store, lists):
    report = ingest_paths([lists / "lists_gbk.csv"], store)
    assert not report.rejects
    node = store.get_node("firm:stock:002097")
    assert node.name == "山河智能装备股份有限公司"
    assert [e.row for e in node.evidence] == [4]  # line numbers count the title line
    g = store.to_networkx()
    assert g.has_edge("firm:stock:000157", "segment:工程机械整机", key="BELONGS_TO")
    assert g.has_edge("segment:工程机械整机", "chain:工程机械", key="BELONGS_TO")
    assert g.has_edge("firm:stock:000157", "cluster:长沙高新区", key="BELONGS_TO")


def test_wrong_encoding_override_rejects_rows_instead_of_failing(store, lists, tmp_path):
    report = ingest_paths([lists / "lists_gbk.csv"], store, IngestOptions(encoding="utf-8"))
    assert report.skipped[0].reason == "no line can be read as utf-8; check --encoding"
    # GBK lacks the 4-byte characters of lines 2 and 3: those rows go, the rest comes in
    report = ingest_paths([lists / "lists_gb18030.csv"], store, IngestOptions(encoding="gbk"))
    assert [(r.line, r.reason.split(" at ")[0]) for r in report.rejects] == [
        (2, "undecodable byte 0x95"), (3, "undecodable byte 0x95")]
    assert store.get_node("firm:name:江苏恒立液压").name == "江苏恒立液压股份有限公司"
    report = ingest_paths([lists / "lists_gbk.csv"], store, IngestOptions(encoding="gbk"))
    assert store.get_node("firm:stock:000157").name == "中联重科股份有限公司"
    report = ingest_paths([lists / "lists_gbk.csv"], store, IngestOptions(encoding="klingon"))
    assert report.skipped[0].reason == "unknown encoding 'klingon'"


def test_english_headers_with_bom_and_english_short_names(store, lists):
    ingest_paths([lists / "lists_utf8_bom.csv"], store)
    g = store.to_networkx()
    sany = "firm:stock:600031"
    assert g.nodes[sany]["name"] == "Sany Heavy Industry Co., Ltd."
    assert g.nodes[sany]["city"] == "长沙"  # Changsha and 长沙 are one city
    assert g.has_edge(sany, "city:长沙", key="LOCATED_IN")
    assert g.has_edge("firm:stock:601100", sany, key="SUPPLIES")  # "Hengli" (its short name)
    assert g.has_edge("firm:stock:000338", sany, key="SUPPLIES")  # "Weichai" (first word of its name)
    assert g.nodes["firm:name:zoomlion"]["outside_list"] is True  # unknown customer kept, marked
    assert g.has_edge("firm:stock:601100", "firm:name:zoomlion", key="SUPPLIES")
    assert g.nodes["firm:stock:601100"]["city"] == "常州"  # Changzhou in Jiangsu, not 长洲 county


def test_short_names_resolve_against_the_store(store, lists):
    ingest_paths([lists / "lists_firms.xlsx"], store)
    ingest_paths([lists / "lists_supply_pairs.csv"], store)
    g = store.to_networkx()
    # 恒立液压 is known from the workbook; 三一重工 from no list: it becomes an outside firm
    assert g.has_edge("firm:stock:601100", "firm:name:三一重工", key="SUPPLIES")
    assert g.nodes["firm:name:三一重工"]["outside_list"] is True
    assert g.edges["firm:name:未知钢厂", "firm:name:三一重工", "SUPPLIES"]["weight"] == 1.0


def test_excel_every_sheet_or_one(store, lists, tmp_path):
    report = ingest_paths([lists / "lists_firms.xlsx"], store)
    assert not report.rejects and not report.skipped
    found = firms(store)
    assert {"firm:stock:000157", "firm:stock:601100", "firm:stock:000338", "firm:name:铁建重工@长沙"} <= set(found)
    assert found["firm:stock:000338"]["stock_code"] == "000338"  # a number cell, zero-padded
    # the supplier on sheet 整机 resolves to the firm listed on sheet 配套
    assert store.to_networkx().has_edge("firm:stock:601100", "firm:stock:000157", key="SUPPLIES")
    with Store(tmp_path / "one.db") as one:
        ingest_paths([lists / "lists_firms.xlsx"], one, IngestOptions(sheet="配套"))
        assert set(firms(one)) == {"firm:stock:601100", "firm:stock:000338"}
        report = ingest_paths([lists / "lists_firms.xlsx"], one, IngestOptions(sheet="Sheet9"))
        assert report.skipped[0].reason == "no sheet 'Sheet9'; sheets: 整机, 配套, 空"


def test_jsonl_firms_with_places_inferred(store, lists):
    report = ingest_paths([lists / "lists_firms.jsonl"], store)
    assert [(r.line, r.reason) for r in report.rejects] == [(3, "a line must hold one JSON object")]
    amd = store.get_node("firm:stock:002623")  # 常州亚玛顿: place from its registered name
    assert (amd.props["province"], amd.props["city"]) == ("江苏", "常州")
    assert amd.props["inferred"] == ["province", "city"]
    g = store.to_networkx()
    assert g.has_edge("firm:stock:002623", "city:常州", key="LOCATED_IN")
    notes = [e.note for e in store.evidence("firm:stock:002623|LOCATED_IN|city:常州")]
    assert notes == ["inferred: city 常州, province 江苏 from registered name"]
    addr = store.get_node("firm:name:长沙未名新材料")  # from its address, down to the county
    assert (addr.props["city"], addr.props["county"]) == ("长沙", "岳麓区")
    english = store.get_node("firm:name:hunan nonexistent machinery")
    assert english.props["province"] == "湖南" and "city" not in english.props
    assert g.has_edge("firm:name:hunan nonexistent machinery", "province:湖南", key="LOCATED_IN")


def test_short_names_and_link_rows_never_give_a_place(store, tmp_path):
    (tmp_path / "short.csv").write_text("证券简称,股票代码\n朝阳科技,002981\n", encoding="utf-8")
    ingest_paths([tmp_path / "short.csv"], store)
    node = store.get_node("firm:stock:002981")
    assert node.name == "朝阳科技" and "province" not in node.props and "city" not in node.props


def test_given_places_are_not_marked_inferred(store, lists):
    ingest_paths([lists / "lists_gbk.csv"], store)
    node = store.get_node("firm:stock:000157")
    assert "inferred" not in node.props
    assert store.get_node("city:长沙").name == "长沙市"
    assert store.get_node("city:长沙").props["code"] == "430100"


def test_mapping_file_describes_an_unknown_layout(store, lists):
    report = ingest_paths([lists / "lists_custom_layout.csv"], store)
    assert "describe the layout with --mapping" in report.skipped[0].reason
    options = IngestOptions(mapping=lists / "lists_custom.mapping.toml")
    report = ingest_paths([lists / "lists_custom_layout.csv"], store, options)
    assert not report.skipped and not report.rejects
    g = store.to_networkx()
    gear = "firm:uscc:91430200MA4Q0000Y2"
    assert g.nodes[gear]["city"] == "株洲" and g.nodes[gear]["province"] == "湖南"
    assert g.has_edge("firm:name:湖南湘钢@湘潭", gear, key="SUPPLIES")


def test_bad_mapping_files_are_one_clear_error(store, lists, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[columns]\nnmae = "单位"\n', encoding="utf-8")
    report = ingest_paths([lists / "lists_custom_layout.csv"], store, IngestOptions(mapping=bad))
    assert "unknown field 'nmae'" in report.skipped[0].reason
    bad.write_text('[columns]\nname = "公司"\n', encoding="utf-8")
    report = ingest_paths([lists / "lists_custom_layout.csv"], store, IngestOptions(mapping=bad))
    assert "names column '公司', which is not in the header" in report.skipped[0].reason


def test_bad_rows_are_rejected_with_line_and_reason(store, lists, tmp_path):
    rejects = tmp_path / "x.rejects.csv"
    report = ingest_paths([lists / "lists_broken.csv"], store, rejects_path=rejects)
    reasons = {r.line: r.reason for r in report.rejects}
    assert reasons[4] == "row has no name"
    assert reasons[5] == "5 columns where the header has 3"
    assert reasons[6].startswith("undecodable byte 0xff")
    assert reasons[7] == "broken quote: a quoted cell is never closed"
    assert set(reasons) == {4, 5, 6, 7}
    names = sorted(a["name"] for a in firms(store).values())
    assert names == ["湖南好企业一号有限公司", "湖南好企业三号有限公司", "湖南好企业二号有限公司", "湖南好企业四号有限公司"]
    assert rejects.read_bytes().startswith(b"\xef\xbb\xbffile,line,reason,raw")  # a BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(rejects.open(encoding="utf-8-sig")))
    assert [(Path(r["file"]).name, r["line"]) for r in rows] == [("lists_broken.csv", str(n)) for n in (4, 5, 6, 7)]


def test_empty_and_binary_lists_are_one_clear_error(store, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "empty.csv").write_bytes(b"\n\n")
    (tmp_path / "blob.csv").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (tmp_path / "fake.xlsx").write_bytes(b"this is not a workbook")
    report = ingest_paths([tmp_path], store)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons == {"empty.csv": "empty file", "blob.csv": "binary file, not a text table",
                       "fake.xlsx": "not a readable .xlsx workbook (BadZipFile)"}


def test_relation_lists_become_edges(store, lists):
    ingest_paths([lists / "lists_industries.tsv"], store)
    g = store.to_networkx()
    assert g.has_edge("segment:工程机械整机", "segment:工程机械", key="BELONGS_TO")
    assert g.has_edge("segment:工程机械", "segment:机械设备", key="BELONGS_TO")
    assert g.edges["segment:液压件", "segment:工程机械整机", "SUPPLIES"]["weight"] == 2.0
    assert g.edges["segment:钢材", "segment:液压件", "SUPPLIES"]["weight"] == 1.0
    assert g.nodes["segment:工程机械整机"]["code"] == "640601"


def test_reingest_and_an_interrupted_ingest_change_nothing(store, lists, tmp_path):
    files = [lists / n for n in ("lists_gb18030.csv", "lists_firms.xlsx", "lists_utf8_bom.csv")]
    with Store(tmp_path / "fresh.db") as fresh:
        ingest_paths(files, fresh)
        expected = fresh.stats().to_dict()
    # a run killed part-way: only some of the first file's records got written
    ctx = IngestContext(files[0], Resolver(), IngestOptions(), IngestReport())
    store.upsert(itertools.islice(FirmListIngester().read(ctx), 5))
    ingest_paths(files, store)
    assert store.stats().to_dict() == expected
    ingest_paths(files, store)
    assert store.stats().to_dict() == expected


def test_memory_bound_gives_the_same_graph(store, lists, tmp_path, monkeypatch):
    files = [lists / n for n in ("lists_gb18030.csv", "lists_firms.xlsx", "lists_utf8_bom.csv")]
    ingest_paths(files, store)
    expected = store.to_networkx()
    monkeypatch.setattr("chaingraph.ingest.firm_list.RESOLVER_LIMIT", 1)  # names resolved by key
    monkeypatch.setattr("chaingraph.ingest.resolve.INDEX_LIMIT", 1)  # the nodes given kept in a temporary file
    with Store(tmp_path / "bounded.db") as bounded:
        ingest_paths(files, bounded)
        got = bounded.to_networkx()
    assert sorted(got.edges(keys=True)) == sorted(expected.edges(keys=True))
    assert dict(got.nodes(data="name")) == dict(expected.nodes(data="name"))


def test_list_directory_with_several_layouts(store, lists, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    for name in ("lists_gbk.csv", "lists_firms.xlsx", "lists_supply_pairs.csv"):
        shutil.copy(lists / name, tmp_path / name)
    report = ingest_paths([tmp_path], store)
    assert len(report.files) == 3 and not report.skipped
    # the same firm from two files with two layouts is one node
    node = store.get_node("firm:stock:000157")
    assert len({e.source for e in node.evidence}) == 2


@pytest.mark.skipif(not (SHARED / "data" / "chainkg").exists(), reason="needs ../shared/data/chainkg")
def test_chainkg_data_set_with_its_mapping(store, tmp_path):
    root = Path(__file__).resolve().parents[2]
    options = IngestOptions(mapping=root / "data" / "mappings" / "chainkg.toml")
    report = ingest_paths([SHARED / "data" / "chainkg"], store, options, rejects_path=tmp_path / "r.csv")
    assert not report.rejects
    assert sorted(Path(p).name for p, by in report.files if by == "firm-list") == [
        "company.jsonl", "company_industry.jsonl", "industry.jsonl", "industry_industry.jsonl", "industry_up.jsonl"]
    stats = store.stats()
    assert stats.labels["Segment"] >= 511  # 511 industries + 2 upstream names the list lacks
    g = store.to_networkx()
    assert g.has_edge("segment:种子", "segment:种植业", key="BELONGS_TO")
    assert g.has_edge("segment:工程机械整机", "segment:大众出版", key="SUPPLIES")
    # links to firms missing from company.jsonl are kept as outside firms and reported
    unlisted = [w for w in report.warnings if "not in any list read so far" in w.reason]
    assert len(unlisted) == 103
    assert g.nodes["firm:stock:600031"]["outside_list"] is True
    assert g.has_edge("firm:stock:600031", "segment:工程机械整机", key="BELONGS_TO")
    duplicates = [w for w in report.warnings if "merged into one firm" in w.reason]
    assert len(duplicates) == 53
    # the sample list gives 三一重工 its place: one node with city and industry
    ingest_paths([root / "data" / "lists" / "chain_firms_sample.csv"], store)
    sany = store.to_networkx()
    assert sany.nodes["firm:stock:600031"]["city"] == "长沙"
    assert sany.nodes["firm:stock:600031"]["outside_list"] is False
    assert sany.has_edge("firm:stock:600031", "segment:工程机械整机", key="BELONGS_TO")
    assert sany.has_edge("firm:stock:600031", "city:长沙", key="LOCATED_IN")


def test_a_notes_sheet_is_reported_and_the_list_sheets_go_in(store, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["说明：本表由各区县工信局填报"])
    sheet = book.create_sheet("企业")
    sheet.append(["企业名称", "所在城市", "细分领域"])
    sheet.append(["湖南示例液压有限公司", "长沙", "液压件"])
    book.save(tmp_path / "名录.xlsx")
    report = ingest_paths([tmp_path / "名录.xlsx"], store)
    assert not report.skipped and "firm:name:湖南示例液压@长沙" in firms(store)
    assert [w.reason.split(":")[0] for w in report.warnings] == ["名录.xlsx[填表说明] not read"]
    del book["企业"]
    book.save(tmp_path / "说明.xlsx")  # nothing but notes: the file is refused, as before
    report = ingest_paths([tmp_path / "说明.xlsx"], store)
    assert "no column names a firm" in report.skipped[0].reason


def test_rejects_are_written_in_line_order(store, tmp_path):
    """Line 6 opens a quote never closed: the lines after it are read ahead, so line
    11's bad byte was found (and rejected) before lines 7 and 8 were looked at."""
    rows = [f"湖南测试{i}号有限公司,长沙".encode() for i in range(2, 15)]
    rows[4], rows[5], rows[6] = '"湖南测试,长沙'.encode(), ",长沙".encode(), ",长沙".encode()
    rows[9] += b"\xff"
    (tmp_path / "list.csv").write_bytes(b"\n".join(["企业名称,所在城市".encode(), *rows]) + b"\n")
    rejects = tmp_path / "r.csv"
    report = ingest_paths([tmp_path / "list.csv"], store, rejects_path=rejects)
    assert [r.line for r in report.rejects] == [6, 7, 8, 11]
    assert [r["line"] for r in csv.DictReader(rejects.open(encoding="utf-8-sig"))] == ["6", "7", "8", "11"]


def test_every_reject_of_a_workbook_names_its_sheet(store, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "长沙"
    for row in (["企业名称", "所在城市"], ["湖南示例一号有限公司", "长沙"], ["", "长沙"]):
        first.append(row)
    second = book.create_sheet("株洲")
    for row in (["企业名称", "所在城市"], ["湖南示例二号有限公司", "株洲"], ["", "株洲"],
                ["湖南示例三号有限公司", "株洲", "多", "余"]):
        second.append(row)
    book.save(tmp_path / "两表.xlsx")
    report = ingest_paths([tmp_path / "两表.xlsx"], store, rejects_path=tmp_path / "r.csv")
    assert [(r.line, r.reason, r.sheet) for r in report.rejects] == [
        (3, "row has no name (sheet 长沙)", "长沙"), (3, "row has no name (sheet 株洲)", "株洲"),
        (4, "4 columns where the header has 2 (sheet 株洲)", "株洲")]
    # A CSV has no sheets: its reasons are as they were.
    (tmp_path / "one.csv").write_text("企业名称,所在城市\n,长沙\n", encoding="utf-8")
    assert [r.reason for r in ingest_paths([tmp_path / "one.csv"], store).rejects] == ["row has no name"]


def test_layout_errors_name_the_file(lists, store):
    ctx = IngestContext(lists / "lists_custom_layout.csv", Resolver(), IngestOptions(), IngestReport())
    with pytest.raises(InputError, match="no column names a firm"):
        list(FirmListIngester().read(ctx))


def _write_rows(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["企业名称", "简称", "城市", "供应商", "客户"], *rows])
    return path


@pytest.mark.parametrize("pending_limit", [100_000, 1])
def test_names_given_before_their_firm_row_resolve_to_it(store, tmp_path, monkeypatch, pending_limit):
    # 恒立液压 and Sany are named as supplier/customer on row 2, listed on rows 3 and 4;
    # with a limit of 1 the waiting names go through the temporary file.
    monkeypatch.setattr("chaingraph.ingest.firm_list.PENDING_LIMIT", pending_limit)
    path = _write_rows(tmp_path / "order.csv", [
        ["三一重工股份有限公司", "三一重工", "长沙", "恒立液压；未列明供应商有限公司", "Sany"],
        ["江苏恒立液压股份有限公司", "恒立液压", "常州", "", ""],
        ["Sany Heavy Industry Co., Ltd.", "Sany", "Changsha", "三一重工", ""],
    ])
    report = ingest_paths([path], store)
    assert not report.rejects
    sany_cn, hengli = "firm:name:三一重工@长沙", "firm:name:江苏恒立液压@常州"
    sany_en = "firm:name:sany heavy industry@长沙"
    pairs = set(store.edge_pairs([hengli, sany_cn, sany_en], RelType.SUPPLIES))
    assert (hengli, sany_cn) in pairs and (sany_cn, sany_en) in pairs
    outside = [n for n in store.iter_nodes(Label.FIRM) if n.props.get("outside_list")]
    assert [n.name for n in outside] == ["未列明供应商有限公司"]
    assert store.stats().labels["Firm"] == 4


@pytest.mark.parametrize("bits", [1 << 16, 8])
def test_a_firm_on_two_rows_is_reported_once_with_both_rows(store, tmp_path, monkeypatch, bits):
    # 8 bits: nearly every id is a candidate, and only the real repeat may be reported
    monkeypatch.setattr("chaingraph.ingest.firm_list.bits_for", lambda size: bits)
    path = _write_rows(tmp_path / "twice.csv", [
        ["湖南华联瓷业股份有限公司", "华联瓷业", "株洲", "", ""],
        ["三一重工股份有限公司", "三一重工", "长沙", "", ""],
        ["中联重科股份有限公司", "中联重科", "长沙", "", ""],
        ["湖南华联瓷业有限公司", "", "株洲", "", ""],
    ])
    report = ingest_paths([path], store)
    assert len(report.warnings) == 1
    warning = report.warnings[0]
    assert warning.line == 2 and warning.path == str(path)
    assert warning.reason.startswith("firm:name:湖南华联瓷业@株洲 is given on rows 2,5 (华联瓷业 / ")
    assert warning.reason.endswith("); merged into one firm")


# Ingests a generated list in a child process that commits every few thousand
# records and drops the edge-end index early, so that a kill leaves some batches
# committed, the last ones not, and the index missing.
_KILLED_INGEST = """
import sys
from pathlib import Path
import chaingraph.store.writer as store_write
from chaingraph.store import Store
from chaingraph.ingest import ingest_paths
store_write.COMMIT_RECORDS, store_write.BULK_MIN = 3000, 1000
with Store(Path(sys.argv[1])) as store:
    ingest_paths([Path(sys.argv[2])], store)
"""


def _graph_rows(store: Store) -> tuple[list, list]:
    nodes = sorted((n.id, n.label.value, n.name, sorted(n.props.items()), sorted(map(repr, n.evidence)))
                   for n in store.iter_nodes(evidence=True))
    edges = sorted((e.src, e.type.value, e.dst, sorted(e.props.items()), sorted(map(repr, e.evidence)))
                   for e in store.iter_edges(evidence=True))
    return nodes, edges


def test_an_ingest_killed_part_way_finishes_when_run_again(tmp_path):
    import signal
    import sqlite3
    import subprocess
    import sys
    import time
    from contextlib import closing

    root = Path(__file__).resolve().parents[2]
    listing = tmp_path / "firms.csv"
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from bench.generate import "
                    "write_firm_list; write_firm_list(Path(sys.argv[1]), 20000, seed=3)", str(listing)],
                   cwd=root, check=True, timeout=300)
    with Store(tmp_path / "fresh.db") as fresh:
        ingest_paths([listing], fresh)
        expected = _graph_rows(fresh)
    db = tmp_path / "killed.db"
    child = subprocess.Popen([sys.executable, "-c", _KILLED_INGEST, str(db), str(listing)], cwd=root)
    committed = 0
    try:
        deadline = time.monotonic() + 120
        while committed < 5000 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                with closing(sqlite3.connect(db, timeout=1)) as peek:
                    committed = peek.execute("SELECT count(*) FROM nodes").fetchone()[0]
            except sqlite3.OperationalError:
                pass  # not created yet
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    with closing(sqlite3.connect(db)) as peek:  # the killed writer had dropped it
        assert not peek.execute("SELECT 1 FROM sqlite_master WHERE name='edges_dst'").fetchall()
    with Store(db) as store:
        written = store.stats()
        assert written.nodes > 0 and written.edges < len(expected[1])  # part of it was written
        ingest_paths([listing], store)
        assert _graph_rows(store) == expected
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "edges_dst" in indexes
