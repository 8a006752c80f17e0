"""Builds tests/data/er from the chainkg data set (../shared/data/chainkg): a subset
of company.jsonl and a planner-style list naming 110 of its firms by registered
name, name variant or short name plus province, with decoys of the same core name
in other provinces. Run from the repository root; the output is committed."""

import csv
import json
import random
from pathlib import Path

from chaingraph.gazetteer import gazetteer
from chaingraph.identity import name_key
from chaingraph.ingest.resolve import core_aliases

random.seed(17)
SRC = Path("../shared/data/chainkg/company.jsonl")
OUT = Path("tests/data/er")
PROVINCES = ["湖南", "四川", "江苏", "广东", "浙江", "山东", "河南", "湖北", "福建", "安徽"]
firms = [json.loads(line) for line in SRC.open(encoding="utf-8")]
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
