"""Bad and hostile input within bounds: invisible characters and overlong names,
corrupt workbooks, zip bombs, oversized cells and fields. Bombs are made here, in
tmp_path, not kept as files."""

from __future__ import annotations

import csv
from pathlib import Path

from chaingraph.identity import MAX_NAME_CHARS, fold, name_key
from chaingraph.store import Store
from ingest import ingest_paths


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _firms(store: Store) -> dict[str, dict]:
    g = store.to_networkx()
    return {n: a for n, a in g.nodes(data=True) if a["label"] == "Firm"}


def test_invisible_characters_are_left_out_of_keys():
    plain = "湘潭电机股份有限公司"
    for hidden in ("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202a", "\u202e",
                   "\u2066", "\u2069", "\u00ad", "\U000e0041"):
        assert name_key(plain[:2] + hidden + plain[2:]) == name_key(plain) == "湘潭电机"
        assert fold("Sany" + hidden + " Heavy") == "sany heavy"


def test_names_differing_by_invisible_characters_are_one_firm_without_bidi_controls(store, tmp_path):
    path = _write_csv(tmp_path / "firms.csv", [
        ["企业名称", "所在城市", "主要供应商"],
        ["湘潭电机股份有限公司", "湘潭", ""],
        ["湘潭\u200b电机股份有限公司", "湘潭", "\u202e司公限有料材达恒\u202c"],
        ["\u2067Evil\u2069 Corp", "长沙", ""],
    ])
    report = ingest_paths([path], store)
    assert not report.rejects and not report.skipped
    names = sorted(a["name"] for a in _firms(store).values())
    assert names == ["Evil Corp", "司公限有料材达恒", "湘潭电机股份有限公司"]


def test_overlong_names_are_cut_with_a_warning_and_kept_whole(store, tmp_path):
    long_name = "湖南" + "超长名称" * 700 + "有限公司"
    long_supplier = "S" * 2804
    path = _write_csv(tmp_path / "firms.csv", [
        ["企业名称", "所在城市", "主要供应商"],
        [long_name, "长沙", long_supplier],
        ["三一重工股份有限公司", "长沙", ""],
    ])
    report = ingest_paths([path], store)
    assert not report.rejects and not report.skipped
    firms = _firms(store)
    assert len(firms) == 3
    assert max(len(a["name"]) for a in firms.values()) <= MAX_NAME_CHARS
    full = {a.get("full_name") for a in firms.values()} - {None}
    assert full == {long_name, long_supplier}
    cut = [w for w in report.warnings if "cut to" in w.reason]
    assert [(Path(w.path).name, w.line) for w in cut] == [("firms.csv", 2), ("firms.csv", 2)]


def test_the_format_character_class_is_every_cf_character():
    import unicodedata

    from chaingraph.identity import _FORMAT_CHARS

    every = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    matched = {chr(c) for c in range(0x110000) if _FORMAT_CHARS.fullmatch(chr(c))}
    assert matched == every
