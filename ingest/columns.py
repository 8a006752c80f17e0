"""Which column holds what: the built-in table of header synonyms (Chinese and
English), mapping files for other layouts, and the kind of list a header describes.

Fields a list may have:

- a firm: ``name``, ``short_name``, ``english_name``, ``credit_code``, ``stock_code``, ``province``,
  ``city``, ``county``, ``address``, ``chain``, ``segment``, ``segment_code``,
  ``stage``, ``products``, ``suppliers``, ``customers``, ``cluster``;
- an industry (segment) list: ``segment``, ``segment_code``, ``parent_segment``,
  ``parent_code``, ``upstream_segments``, ``downstream_segments``, ``stage``, ``chain``;
- a supply-pair list: ``suppliers`` and ``customers`` without a firm name column;
  ``weight`` on any relation list.

A mapping file (TOML) names the header for each field, optionally per file::

    [columns]                 # field = "header in the file"
    name = "单位名称"
    city = "所在市"
    [props]                   # other columns kept as properties
    employees = "从业人数"

    [[file]]                  # or one block per file of a set, matched by name
    match = "company*.jsonl"
    role = "links"            # firms named here are references to firms listed elsewhere
    columns = { stock_code = "company_code", segment = "industry_name" }

>>> layout_for(["企业名称", "所在城市", "主营产品", "备注"], None, "x.csv").fields
{'name': '企业名称', 'city': '所在城市', 'products': '主营产品'}
"""

from __future__ import annotations

import fnmatch
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "公司名称", "公司全称", "企业全称", "单位名称", "名称", "注册名称", "全称", "企业",
             "name", "company", "company name", "firm", "firm name", "enterprise", "enterprise name",
             "full name", "fullname", "registered name", "organisation", "organization"),
    "short_name": ("简称", "企业简称", "公司简称", "证券简称", "股票简称", "short name", "shortname",
                   "abbreviation", "alias"),
    "english_name": ("英文名称", "英文名", "英文全称", "企业英文名称", "english name", "name en", "name in english"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "credit code", "uscc",
                    "unified social credit code"),
    "stock_code": ("股票代码", "证券代码", "上市代码", "stock code", "ticker", "security code"),
    "province": ("省份", "省", "所在省份", "所属省份", "所在省", "province"),
    "city": ("城市", "所在城市", "所在地", "所在市", "地市", "市", "所属城市", "city"),
    "county": ("区县", "县区", "所在区县", "区", "县", "county", "district"),
    "address": ("地址", "注册地址", "办公地址", "企业地址", "通讯地址", "经营地址", "注册地", "address",
                "registered address"),
    "chain": ("产业链", "所属产业链", "chain", "industry chain", "industrial chain"),
    "segment": ("环节", "细分领域", "行业", "所属行业", "产业环节", "细分行业", "产业链环节", "segment",
                "industry", "sector", "industry name"),
    "segment_code": ("行业代码", "industry code", "segment code"),
    "stage": ("上中下游", "产业链位置", "stage", "position"),
    "products": ("主营产品", "主要产品", "产品", "主营业务", "products", "main products", "product"),
    "suppliers": ("供应商", "上游", "上游企业", "主要供应商", "供方", "供应方", "suppliers", "supplier"),
    "customers": ("客户", "下游", "下游企业", "主要客户", "需方", "采购方", "customers", "customer"),
    "cluster": ("所属园区", "园区", "集群", "产业集群", "产业园区", "cluster", "park", "industrial park"),
    "parent_segment": ("上级行业", "父行业", "上级环节", "所属大类", "parent", "parent industry",
                       "parent segment"),
    "parent_code": ("上级行业代码", "父行业代码", "parent code", "parent industry code"),
    "upstream_segments": ("上游行业", "上游环节", "upstream industries", "upstream segments", "ups"),
    "downstream_segments": ("下游行业", "下游环节", "downstream industries", "downstream segments"),
    "weight": ("权重", "强度", "weight", "strength"),
}
FIELDS = tuple(SYNONYMS)
FIRM_KEYS = ("name", "short_name", "stock_code", "credit_code")
ROLES = ("list", "links")
KINDS = ("firms", "supply", "segments")

_NOISE = re.compile(r"[\s_\-:：*＊/\\]+|[(（][^)）]*[)）]")


def header_key(text: str) -> str:
    """Return a header cell as compared with the synonyms: NFKC, case folded, without
    spaces, underscores, bracketed remarks or stars.

    >>> header_key(" Company_Name "), header_key("企业名称（全称）*")
    ('companyname', '企业名称')
    """
    return _NOISE.sub("", unicodedata.normalize("NFKC", str(text)).casefold())


_LOOKUP = {header_key(s): f for f, syns in SYNONYMS.items() for s in (*syns, f)}


@dataclass
class Layout:
    """How to read one table: ``fields`` maps each field to its header, ``props``
    maps extra property names to headers, ``kind`` is firms, supply or segments and
    ``role`` is list (firms listed here) or links (firms merely referred to)."""

    fields: dict[str, str]
    props: dict[str, str] = field(default_factory=dict)
    kind: str = "firms"
    role: str = "list"

    def has(self, name: str) -> bool:
        """True when the table has a column for field ``name``."""
        return name in self.fields


@dataclass
class Mapping:
    """A parsed mapping file: default columns/props/kind/role and per-file blocks."""

    path: Path
    default: dict[str, Any]
    files: list[dict[str, Any]]

    def block_for(self, filename: str) -> dict[str, Any] | None:
        """Return the settings for ``filename``: the first ``[[file]]`` block whose
        ``match`` pattern fits, else the top-level settings when they name columns,
        else None (then the built-in synonyms alone are used)."""
        for block in self.files:
            if fnmatch.fnmatch(filename, block.get("match", "")):
                return block
        return self.default if self.default.get("columns") else None


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; raise :class:`InputError` naming the problem."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such mapping file", str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a valid TOML mapping ({exc})", str(path)) from None
    files = data.get("file", [])
    if not isinstance(files, list):
        raise InputError("'file' must be an array of tables ([[file]])", str(path))
    for block in [data, *files]:
        _check_block(block, path)
    for block in files:
        if "match" not in block:
            raise InputError("every [[file]] block needs a 'match' pattern", str(path))
    default = {k: v for k, v in data.items() if k != "file"}
    return Mapping(Path(path), default, files)


def _check_block(block: dict[str, Any], path: Path) -> None:
    for key in block.get("columns", {}):
        if key not in FIELDS:
            raise InputError(f"unknown field {key!r} in [columns]; fields: {', '.join(FIELDS)}", str(path))
    for key in ("columns", "props"):
        table = block.get(key, {})
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise InputError(f"[{key}] must map names to header strings", str(path))
    if block.get("role", "list") not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}", str(path))
    if block.get("kind") is not None and block["kind"] not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}", str(path))


def match_synonyms(header: list[str]) -> dict[str, str]:
    """Return field -> header for the header cells the synonym table knows; the
    first column wins when two mean the same field."""
    found: dict[str, str] = {}
    for cell in header:
        name = _LOOKUP.get(header_key(cell))
        if name and name not in found:
            found[name] = cell
    return found


def score_header(header: list[str]) -> int:
    """Rate a candidate header row: how many cells the synonym table knows."""
    return len(match_synonyms(header))


def layout_for(header: list[str], mapping: Mapping | None, filename: str) -> Layout:
    """Return the :class:`Layout` of a table with ``header`` in file ``filename``:
    the mapping's columns where it has a block for the file, the synonyms for the
    rest. Raise :class:`InputError` when a mapped header is missing or nothing in
    the header says what the table holds."""
    block = mapping.block_for(filename) if mapping else None
    fields = match_synonyms(header)
    props: dict[str, str] = {}
    if block:
        missing = [h for h in [*block.get("columns", {}).values(), *block.get("props", {}).values()]
                   if h not in header]
        if missing:
            raise InputError(f"mapping {mapping.path.name} names column {missing[0]!r}, which is not in the "
                             f"header ({', '.join(header[:12])})")
        mapped = block.get("columns", {})
        fields = {f: h for f, h in fields.items() if h not in mapped.values()}
        fields.update(mapped)
        props = dict(block.get("props", {}))
    kind = (block or {}).get("kind") or guess_kind(fields)
    if kind is None:
        raise InputError("no column names a firm, a segment or a supply pair "
                         f"(header: {', '.join(header[:12])}); describe the layout with --mapping")
    return Layout(fields, props, kind, (block or {}).get("role", "list"))


def guess_kind(fields: dict[str, str]) -> str | None:
    """Return what a table with ``fields`` lists: firms when a column names a firm,
    supply when only supplier and customer columns do, segments when only a
    segment does; None when none of these.

    >>> guess_kind({"suppliers": "供方", "customers": "需方"}), guess_kind({"segment": "行业"})
    ('supply', 'segments')
    """
    if any(k in fields for k in FIRM_KEYS):
        return "firms"
    if "suppliers" in fields and "customers" in fields:
        return "supply"
    if "segment" in fields:
        return "segments"
    return None
