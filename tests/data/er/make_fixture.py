"""Builds tests/data/er: a SYNTHETIC chainkg-style firm table (chainkg/company.jsonl)
and a planner-style list naming 110 of its firms by registered name, name variant or
short name plus province, with decoys of the same core name in other provinces.

The data is synthetic on purpose. The test used to take a subset of the shared
chainkg data set (../shared/data/chainkg), whose README says it must not be copied
into chaingraph; this script never reads it. It makes ~170 fictional listed firms
of chainkg's shape (name = short name, fullname = registered name, code = stock
code sometimes with .SH/.SZ, location = exchange, time = listing date) from parts:

* a leading place for most of them: a province or a prefecture-level city from
  chaingraph's own gazetteer (real places are facts), written as real registered
  names write it (湖南, 湖南省, 常州, 深圳市);
* an invented core name of 2-4 characters, unique, and checked not to be a word
  (jieba's dictionary), nor to contain a place name, a legal or trade word, a chain
  name or any word the extraction code treats specially, nor to occur in any real
  listed firm's registered or short name (read from ../shared/data/chainkg, which
  must be there when this script runs; only used to keep clear of real firms);
* an industry word (重工, 电子, 新材料 ...) and a legal ending (股份有限公司,
  有限公司, 集团股份有限公司);
* fictional codes: six digits beginning with 9, which no A-share code does.

Short names have four characters, as listed firms' do: core + industry word, place +
core, or the province's one-character abbreviation + a three-character core.

From there the list is built as before: the firms whose registered name begins with
a place and has a core name are shuffled, 110 named in the list (registered name,
name key + another legal ending, or short name with only the province), the first 30
of them also as decoys (another province + the core name), and 60 more firms the
list does not name. Fixed seed; run from the repository root; the output is
committed.
"""

import csv
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import jieba

from chaingraph.extract import chinese, lexicon, words
from chaingraph.gazetteer import NOT_IN_NAMES, gazetteer
from chaingraph.identity import _ZH_SUFFIXES, name_key
from chaingraph.ingest.resolve import core_aliases

random.seed(17)
OUT = Path("tests/data/er")
KNOWN = Path("../shared/data/chainkg/company.jsonl")
PROVINCES = ["湖南", "四川", "江苏", "广东", "浙江", "山东", "河南", "湖北", "福建", "安徽"]
N_FIRMS, N_PLACED = 170, 145

# -- the parts -----------------------------------------------------------------------
# Characters firm names are made of; a core is two to four of them.
CHARS = ("鑫瑞恒泰锐博拓达宏盛晟弘翔隆辉昊钧琨璟澜骏旭邦嘉迈汇峰岳鼎铭驰诺凯宸铂晖珑煜垚逸捷睿"
         "坤淼森彤蔚韬曜珂琦瀚骐骅麒赫烨昱晔珩璞琛锦翊钰铎镕铠磊岚峻崧沣溥渤澄湛浩瑾璇琪奕"
         "霖霏雯颢赟崇鸿麟杰楷栩桦柘楠榕橙柏枫朔宁沛泓洵涵汐")
INDUSTRIES = {"重工": "重工", "电子": "电子", "新材料": "新材", "液压": "液压", "机械": "机械", "化工": "化工",
              "制药": "制药", "科技": "科技", "精密": "精密", "电气": "电气", "环保": "环保", "光电": "光电",
              "装备": "装备", "生物": "生物"}
ENDINGS = ["股份有限公司"] * 6 + ["有限公司"] * 1 + ["集团股份有限公司"] * 2
ABBREVIATIONS = {"湖南": "湘", "四川": "川", "江苏": "苏", "广东": "粤", "浙江": "浙", "山东": "鲁", "河南": "豫",
                 "湖北": "鄂", "福建": "闽", "安徽": "皖", "江西": "赣", "河北": "冀", "山西": "晋", "辽宁": "辽",
                 "吉林": "吉", "陕西": "陕", "甘肃": "甘", "贵州": "黔", "云南": "滇", "广西": "桂", "北京": "京",
                 "上海": "沪", "天津": "津", "重庆": "渝"}
EXCHANGES = [("上海证券交易所", ".SH"), ("深圳证券交易所", ".SZ")]

gaz = gazetteer()
provinces = [p for p in gaz.places if p.level == "province" and p.short in ABBREVIATIONS]
cities = [p for p in gaz.places if p.level == "city" and p.code.endswith("00") and p.short not in NOT_IN_NAMES
          and p.short not in chinese._AMBIGUOUS_PLACES and len(p.short) >= 2
          and p.province_code in {q.code for q in provinces}]

# -- words a core name must not be or contain ------------------------------------------
places = {k for k in gaz._zh if len(k) >= 2}
special = (set(_ZH_SUFFIXES) | {"集团", "控股", "股份", "有限", "公司", "中国", "中华"} | set(chinese._BOUNDARY)
           | set(chinese._GENERIC_CORES) | set(chinese._TRADE_WORDS) | set(chinese._KEEP_AFTER_HE)
           | set(words._ACTIVITY) | set(words._NOT_COMPOUND) | set(INDUSTRIES) | set(INDUSTRIES.values())
           | {f for forms in list(lexicon.CHAINS.values()) + list(lexicon.WEAK_CHAINS.values()) for f in forms
              if re.search(r"[\u4e00-\u9fff]", f)})
known = set()
for line in KNOWN.open(encoding="utf-8"):
    real = json.loads(line)
    known.update(name_key(n) for n in (real.get("fullname"), real.get("name")) if n)
known_text = "\n".join(sorted(known))
jieba.setLogLevel(60)
jieba.initialize()  # its dictionary, for get_FREQ


def usable(core: str, taken: list[str]) -> bool:
    """True when ``core`` is no word, holds no special word or place, is in no known
    firm's name, and neither holds nor is held by a core already taken."""
    if jieba.get_FREQ(core) or any(w in core for w in special | places):
        return False
    if core in known_text or gaz.leading_place(core) or gaz.is_place_name(core):
        return False
    return not any(core in t or t in core for t in taken)


def make_firms() -> list[dict]:
    firms, cores, shorts, codes = [], [], set(), set()
    day0, days = date(1992, 1, 1), (date(2022, 12, 31) - date(1992, 1, 1)).days
    while len(firms) < N_FIRMS:
        placed = len(firms) < N_PLACED
        length = random.choice([2] * 6 + [3] * 3 + [4]) if placed else random.choice([2] * 3 + [4])
        core = "".join(random.sample(CHARS, length))
        if not usable(core, cores):
            continue
        industry = random.choice(list(INDUSTRIES))
        ending = random.choice(ENDINGS)
        lead, province = "", ""
        if placed:
            how = random.random()
            if how < 0.55:
                p = random.choice(provinces)
                lead, province = p.short + ("省" if random.random() < 0.1 and not p.short.endswith("京") else ""), p.short
            else:
                c = random.choice(cities)
                lead, province = c.short + ("市" if random.random() < 0.4 else ""), gaz.by_code[c.province_code].short
        fullname = lead + core + industry + ending
        if length == 2:
            short = (province + core) if placed and lead == province and random.random() < 0.3 \
                else core + INDUSTRIES[industry]
        elif length == 3:
            short = ABBREVIATIONS[province] + core
        else:
            short = core
        code = "9" + "".join(random.choices("0123456789", k=5))
        if short in shorts or code in codes or name_key(short) in known:
            continue
        # the parts must read back as meant: the place found, the core name left
        found = gaz.leading_place(name_key(fullname))
        if placed and (found.province is None or found.province.short != province
                       or core_aliases(fullname) != [core + industry]):
            continue
        if not placed and (found or core_aliases(fullname)):
            continue
        exchange, suffix = random.choice(EXCHANGES)
        cores.append(core)
        shorts.add(short)
        codes.add(code)
        firms.append({"name": short, "fullname": fullname, "code": code + (suffix if random.random() < 0.6 else ""),
                      "location": exchange, "time": (day0 + timedelta(days=random.randrange(days))).isoformat()})
    random.shuffle(firms)
    return firms


# -- the list, as it was built from chainkg -----------------------------------------------
firms = make_firms()
good = [f for f in firms if not any(x in f["name"] for x in ("ST", "退", "Ｂ", "B"))
        and f["fullname"].endswith("有限公司")]
placed = []
for f in good:
    lead = gazetteer().leading_place(name_key(f["fullname"]))
    if lead.province is not None and core_aliases(f["fullname"]):
        placed.append((f, lead.province.short, lead.city.short if lead.city else ""))
random.shuffle(placed)
chosen = placed[:110]
extra = [f for f in good if f not in [c[0] for c in chosen]][:60]  # firms the list does not name
rows, truth = [], []
for n, (f, province, city) in enumerate(chosen):
    way = n % 3
    if way == 0:
        name = f["fullname"]
    elif way == 1:
        key = name_key(f["fullname"])
        name = key + random.choice(["有限公司", "股份公司", "集团有限公司", "(集团)股份有限公司"])
    else:
        name = f["name"]
    rows.append([name, "", city if way != 2 else "", province, "测试链", "环节"])
    truth.append({"name": name, "code": f["code"].split(".")[0], "province": province,
                  "city": city if way != 2 else "", "decoy": False})
for f, province, city in chosen[:30]:
    other = random.choice([p for p in PROVINCES if p != province])
    name = other + core_aliases(f["fullname"])[0] + "有限公司"
    rows.append([name, "", "", other, "测试链", "环节"])
    truth.append({"name": name, "code": f["code"].split(".")[0], "province": other, "city": "", "decoy": True})
with open(OUT / "planner_list.csv", "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["企业名称", "统一社会信用代码", "城市", "省份", "产业链", "环节"])
    writer.writerows(rows)
(OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=0), encoding="utf-8")
with open(OUT / "chainkg" / "company.jsonl", "w", encoding="utf-8") as handle:
    for f in [c[0] for c in chosen] + extra:
        handle.write(json.dumps(f, ensure_ascii=False) + "\n")
