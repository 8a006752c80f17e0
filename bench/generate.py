"""Synthetic but realistic graphs and firm lists for benchmarks.

Firms get Chinese or English names, real provinces and prefecture-level cities, a
chain and a segment; supply links run from a segment's firms to the next segment's
firms, with suppliers drawn from a heavy-tailed (Zipf-like) distribution, so a few
firms supply very many customers as in real chains. Same ``seed``, same output.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from chaingraph.identity import firm_id, node_id
from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, Record, RelType

PLACES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("湖南", "Hunan"): [("长沙", "Changsha"), ("株洲", "Zhuzhou"), ("湘潭", "Xiangtan"), ("衡阳", "Hengyang"), ("常德", "Changde"), ("娄底", "Loudi")],
    ("江苏", "Jiangsu"): [("南京", "Nanjing"), ("苏州", "Suzhou"), ("常州", "Changzhou"), ("无锡", "Wuxi"), ("徐州", "Xuzhou")],
    ("浙江", "Zhejiang"): [("杭州", "Hangzhou"), ("宁波", "Ningbo"), ("湖州", "Huzhou"), ("温州", "Wenzhou")],
    ("广东", "Guangdong"): [("广州", "Guangzhou"), ("深圳", "Shenzhen"), ("佛山", "Foshan"), ("东莞", "Dongguan")],
    ("山东", "Shandong"): [("济南", "Jinan"), ("青岛", "Qingdao"), ("烟台", "Yantai"), ("潍坊", "Weifang"), ("滨州", "Binzhou")],
    ("河南", "Henan"): [("郑州", "Zhengzhou"), ("洛阳", "Luoyang"), ("商丘", "Shangqiu")],
    ("湖北", "Hubei"): [("武汉", "Wuhan"), ("襄阳", "Xiangyang"), ("十堰", "Shiyan"), ("黄石", "Huangshi")],
    ("安徽", "Anhui"): [("合肥", "Hefei"), ("芜湖", "Wuhu")],
    ("四川", "Sichuan"): [("成都", "Chengdu"), ("宜宾", "Yibin")],
    ("福建", "Fujian"): [("福州", "Fuzhou"), ("宁德", "Ningde"), ("厦门", "Xiamen")],
    ("广西", "Guangxi"): [("柳州", "Liuzhou"), ("玉林", "Yulin")],
    ("云南", "Yunnan"): [("昆明", "Kunming")],
}

CHAINS: dict[str, list[tuple[str, str]]] = {
    "工程机械": [("钢材", "upstream"), ("液压件", "upstream"), ("发动机", "upstream"), ("传动件", "upstream"),
             ("电控系统", "midstream"), ("工程机械整机", "midstream"), ("租赁服务", "downstream"), ("再制造", "downstream")],
    "铝": [("铝土矿", "upstream"), ("氧化铝", "upstream"), ("电解铝", "upstream"), ("铝板带箔", "midstream"),
          ("铝型材", "midstream"), ("汽车轻量化部件", "downstream"), ("建筑铝模板", "downstream"), ("再生铝", "downstream")],
    "动力电池": [("锂矿", "upstream"), ("正极材料", "upstream"), ("负极材料", "upstream"), ("电解液", "upstream"),
             ("隔膜", "upstream"), ("电芯", "midstream"), ("电池包", "midstream"), ("电池回收", "downstream")],
}

_ZH_A = list("恒华中天宏远鑫瑞兴达金博泰盛联新安永长明德富海信诚东方")
_ZH_B = list("立通科创邦力丰源利成宇润隆昌嘉合锐晟鼎威凯星越辉")
_ZH_TRADE = ["液压", "机械", "材料", "科技", "智能装备", "精密", "重工", "电气", "新能源", "铝业", "钢铁", "动力"]
_ZH_SUFFIX = ["股份有限公司", "有限公司", "集团有限公司"]
_EN_A = ["Heng", "Hua", "Zhong", "Tian", "Hong", "Yuan", "Xin", "Rui", "Xing", "Da", "Jin", "Bo", "Tai", "Sheng"]
_EN_B = ["li", "tong", "ke", "chuang", "bang", "feng", "yuan", "cheng", "yu", "run", "long", "chang", "jia"]
_EN_TRADE = ["Hydraulics", "Machinery", "Materials", "Technology", "Equipment", "Precision", "Heavy Industry", "Electric", "Aluminium"]
_EN_SUFFIX = ["Co., Ltd.", "Group Co., Ltd.", "Corporation"]


@dataclass(frozen=True)
class Firm:
    """One generated firm."""

    id: str
    name: str
    short_name: str
    province: str
    city: str
    chain: str
    segment: str
    stage: str


def _cities() -> list[tuple[str, str, str, str]]:
    return [(pz, pe, cz, ce) for (pz, pe), cities in PLACES.items() for cz, ce in cities]


def generate_firms(n_firms: int, seed: int = 0) -> list[Firm]:
    """Return ``n_firms`` firms with unique names, spread over real cities, chains
    and segments. Deterministic for a given ``seed``."""
    rng = np.random.default_rng(seed)
    cities = _cities()
    chain_names = list(CHAINS)
    city_idx = rng.integers(0, len(cities), n_firms)
    chain_idx = rng.integers(0, len(chain_names), n_firms)
    seg_idx = rng.integers(0, 8, n_firms)
    english = rng.random(n_firms) < 0.3
    trade_idx = rng.integers(0, 100, n_firms)
    firms = []
    for i in range(n_firms):
        pz, pe, cz, ce = cities[city_idx[i]]
        # A base-N numbering of the brand keeps every name unique without lookups.
        a, rest = _ZH_A[i % len(_ZH_A)], i // len(_ZH_A)
        b, serial = _ZH_B[rest % len(_ZH_B)], rest // len(_ZH_B)
        if english[i]:
            brand = f"{_EN_A[i % len(_EN_A)]}{_EN_B[(i // len(_EN_A)) % len(_EN_B)]}{serial or ''}"
            short = f"{ce} {brand}-{i}"
            name = f"{short} {_EN_TRADE[trade_idx[i] % len(_EN_TRADE)]} {_EN_SUFFIX[i % len(_EN_SUFFIX)]}"
        else:
            brand = f"{a}{b}{serial if serial else ''}"
            short = f"{brand}{_ZH_TRADE[trade_idx[i] % len(_ZH_TRADE)]}{i}"
            name = f"{cz}{short}{_ZH_SUFFIX[i % len(_ZH_SUFFIX)]}"
        chain = chain_names[chain_idx[i]]
        segment, stage = CHAINS[chain][seg_idx[i]]
        firms.append(Firm(firm_id(name, place=cz), name, short, pz, cz, chain, segment, stage))
    return firms


def supply_links(firms: list[Firm], per_firm: float = 3.0, seed: int = 0) -> list[tuple[int, int]]:
    """Return ``(supplier, customer)`` index pairs, about ``per_firm`` per firm: each
    customer's suppliers come from the previous segment of its chain (the same
    segment for the first one), chosen with heavy-tailed popularity."""
    rng = np.random.default_rng(seed + 1)
    pools: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(firms):
        pools.setdefault((f.chain, f.segment), []).append(i)
    pool_arrays = {k: np.array(v) for k, v in pools.items()}
    counts = rng.poisson(per_firm, len(firms))
    pairs: list[tuple[int, int]] = []
    for i, f in enumerate(firms):
        order = [s for s, _ in CHAINS[f.chain]].index(f.segment)
        upstream = CHAINS[f.chain][max(order - 1, 0)][0]
        pool = pool_arrays.get((f.chain, upstream))
        if pool is None or counts[i] == 0:
            continue
        # Zipf ranks over the pool: a few suppliers serve most customers. Draw
        # until the customer has its count of distinct suppliers (or the pool runs out).
        chosen: set[int] = set()
        want = min(int(counts[i]), len(pool) - (1 if f.segment == upstream else 0))
        for _ in range(8):
            if len(chosen) >= want:
                break
            ranks = np.minimum(rng.zipf(1.6, want * 2) - 1, len(pool) - 1)
            for r in ranks.tolist():
                j = int(pool[r])
                if j != i and len(chosen) < want:
                    chosen.add(j)
        pairs.extend((j, i) for j in sorted(chosen))
    return pairs


def generate_records(n_firms: int, seed: int = 0, per_firm: float = 3.0, *,
                     places: bool = True) -> Iterator[Record]:
    """Yield a whole synthetic graph as records: chains, segments (with stage, order
    and segment SUPPLIES links), provinces, cities, firms with LOCATED_IN and
    BELONGS_TO, and about ``per_firm`` firm SUPPLIES links per firm. With
    ``places=False`` only firms and their supply links (for raw write benchmarks)."""
    source = "source:bench"
    ev = [Evidence(source, row=1)]
    firms = generate_firms(n_firms, seed)
    if places:
        for chain, segments in CHAINS.items():
            cid = node_id(Label.CHAIN, chain)
            yield NodeRecord(cid, Label.CHAIN, chain, {}, ev)
            prev = None
            for order, (seg, stage) in enumerate(segments, start=1):
                sid = node_id(Label.SEGMENT, seg)
                yield NodeRecord(sid, Label.SEGMENT, seg, {"stage": stage, "order": order, "chain": chain}, ev)
                yield EdgeRecord(RelType.BELONGS_TO, sid, cid, {}, ev)
                if prev:
                    yield EdgeRecord(RelType.SUPPLIES, prev, sid, {}, ev)
                prev = sid
        for pz, pe, cz, ce in _cities():
            pid, cid = node_id(Label.PROVINCE, pz), node_id(Label.CITY, cz)
            yield NodeRecord(pid, Label.PROVINCE, pz, {"name_en": pe}, ev)
            yield NodeRecord(cid, Label.CITY, cz, {"name_en": ce, "province": pz}, ev)
            yield EdgeRecord(RelType.LOCATED_IN, cid, pid, {}, ev)
    for row, f in enumerate(firms, start=2):
        fev = [Evidence(source, row=row)]
        yield NodeRecord(f.id, Label.FIRM, f.name, {"province": f.province, "city": f.city, "short_name": f.short_name},
                         fev, [f.short_name])
        if places:
            yield EdgeRecord(RelType.LOCATED_IN, f.id, node_id(Label.CITY, f.city), {}, fev)
            yield EdgeRecord(RelType.BELONGS_TO, f.id, node_id(Label.SEGMENT, f.segment), {}, fev)
    for j, i in supply_links(firms, per_firm, seed):
        yield EdgeRecord(RelType.SUPPLIES, firms[j].id, firms[i].id, {}, [Evidence(source, row=i + 2)])


LIST_COLUMNS = ["name", "short_name", "stock_code", "credit_code", "province", "city", "chain",
                "segment", "stage", "products", "suppliers", "customers", "cluster"]


def write_firm_list(path: Path, n_rows: int, seed: int = 0, per_firm: float = 3.0) -> Path:
    """Write a CSV firm list of ``n_rows`` firms in the sample layout, with suppliers
    named by short name (half) or full name (half), and return ``path``."""
    firms = generate_firms(n_rows, seed)
    suppliers: dict[int, list[int]] = {}
    for j, i in supply_links(firms, per_firm, seed):
        suppliers.setdefault(i, []).append(j)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(LIST_COLUMNS)
        for i, f in enumerate(firms):
            names = [firms[j].short_name if j % 2 else firms[j].name for j in suppliers.get(i, [])]
            writer.writerow([f.name, f.short_name, "", "", f.province, f.city, f.chain, f.segment, f.stage,
                             "", ";".join(names), "", ""])
    return path
