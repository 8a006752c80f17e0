#!/usr/bin/env python3
"""Build ``chaingraph/data/gazetteer.tsv``: China's provinces, prefecture-level cities
and counties with short names, pinyin and coordinates.

Run by hand when the sources change (the output is committed, so chaingraph never
needs these packages or the network at run time)::

    pip install cpca pypinyin
    python scripts/build_gazetteer.py

The administrative codes, names and coordinates come from the ``adcodes.csv`` that the
``cpca`` package ships; the pinyin is made with ``pypinyin``. Columns of the output:
``code level name short pinyin province_code city_code lng lat`` (tab-separated).
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

OUT = Path(__file__).resolve().parent.parent / "chaingraph" / "data" / "gazetteer.tsv"
MUNICIPALITIES = {"11", "12", "31", "50"}
# Conventional spellings that plain pinyin gets wrong or that differ by tone only.
PINYIN_FIXES = {"陕西": "shaanxi", "内蒙古": "inner mongolia", "西藏": "tibet", "香港": "hong kong",
                "澳门": "macau", "台湾": "taiwan", "六安": "luan", "乐清": "yueqing", "番禺": "panyu",
                "丽水": "lishui", "蚌埠": "bengbu", "厦门": "xiamen", "单县": "shanxian", "漯河": "luohe", "昌都": "changdu"}
# Characters whose usual reading is not the one place names use.
CHAR_FIXES = {"长": "chang", "朝": "chao", "重": "chong", "解": "xie", "柏": "bai"}
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "盟",
            "县", "区", "旗")


def cpca_resource(name: str) -> Path:
    """Return the path of a data file shipped inside the installed ``cpca`` package,
    without importing it (its import pulls in pandas and a matcher)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("cpca is not installed: pip install cpca pypinyin")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / name


def short_name(name: str, nations: list[str]) -> str:
    """Return the name without its administrative suffix and ethnic-group words
    (广西壮族自治区 -> 广西, 湘西土家族苗族自治州 -> 湘西); names that would be left
    with one character keep their suffix (矿区 stays 矿区)."""
    text = name
    for suffix in SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            text = text[: -len(suffix)]
            break
    changed = True
    while changed:
        changed = False
        for nation in nations:
            if text.endswith(nation) and len(text) - len(nation) >= 2:
                text = text[: -len(nation)]
                changed = True
    return text


def pinyin(short: str) -> str:
    """Return the pinyin of a short place name, one word, lower case."""
    if short in PINYIN_FIXES:
        return PINYIN_FIXES[short]
    syllables = lazy_pinyin(short, style=Style.NORMAL)
    return "".join(CHAR_FIXES.get(ch, syl) for ch, syl in zip(short, syllables)).replace("ü", "v")


def main() -> None:
    """Read cpca's adcodes, derive levels, parents, short names and pinyin, write the TSV."""
    nations = [n.strip() for n in cpca_resource("56_nations.csv").read_text(encoding="utf-8").split()
               if n.strip()]
    nations = sorted({n for n in nations} | {n.removesuffix("族") for n in nations if len(n) > 2},
                     key=len, reverse=True)
    with open(cpca_resource("adcodes.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {r["adcode"][:6]: r for r in rows}
    out = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code = r["adcode"][:6]
        name = r["name"]
        prov, city = code[:2] + "0000", code[:4] + "00"
        if code.endswith("0000"):
            out.append((code, "province", name, prov, ""))
            if code[:2] in MUNICIPALITIES:  # a municipality is its own city as well
                out.append((code[:2] + "0100", "city", name, prov, ""))
            continue
        if code.endswith("00"):
            continue  # prefecture rows are added below, pseudo-prefectures never
        parent = by_code.get(city)
        if code[:2] in MUNICIPALITIES:
            out.append((code, "county", name, prov, code[:2] + "0100"))
        elif parent is None or parent["name"] in ("省直辖县级行政区划", "自治区直辖县级行政区划"):
            # county-level units directly under a province count as cities of their own
            out.append((code, "city" if name.endswith("市") else "county", name, prov, ""))
        else:
            out.append((code, "county", name, prov, city))
    for r in rows:
        code = r["adcode"][:6]
        if code.endswith("00") and not code.endswith("0000") and code[:2] not in MUNICIPALITIES \
                and r["name"] not in ("省直辖县级行政区划", "自治区直辖县级行政区划", "市辖区", "县"):
            out.append((code, "city", r["name"], code[:2] + "0000", ""))
    coords = {r["adcode"][:6]: (r["longitude"], r["latitude"]) for r in rows}
    coords.update({k[:2] + "0100": coords[k] for k in coords if k[:2] in MUNICIPALITIES and k.endswith("0000")})
    out.sort()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        handle.write("# generated by scripts/build_gazetteer.py from cpca's adcodes.csv and pypinyin\n")
        handle.write("code\tlevel\tname\tshort\tpinyin\tprovince_code\tcity_code\tlng\tlat\n")
        for code, level, name, prov, city in out:
            short = short_name(name, nations)
            lng, lat = coords.get(code, ("", ""))
            handle.write("\t".join((code, level, name, short, pinyin(short), prov, city, lng, lat)) + "\n")
    print(f"wrote {len(out)} places to {OUT}")


if __name__ == "__main__":
    main()
