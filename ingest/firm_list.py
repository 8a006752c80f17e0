"""Enterprise lists: CSV, TSV, Excel and JSON Lines files of firms (or of supply
pairs and industries, see :mod:`ingest.relations`), with Chinese or English headers
in any common encoding.

Columns are recognised by the synonym table in :mod:`ingest.columns` or named by a
mapping file (``--mapping``). Each firm row gives a Firm (id from its credit code,
stock code, or name and place, see :mod:`chaingraph.identity`), LOCATED_IN its City
(and the City in its Province) as given or inferred (:mod:`ingest.places`),
BELONGS_TO its Chain, Segment and Cluster, and SUPPLIES links from its supplier and
customer cells (supplier -> customer).

The file is streamed twice: the first pass writes the firms, so that the second
can resolve the names in supplier and customer cells, short names included, to
firms of this file or of the store (:mod:`ingest.resolve`). A name that matches no
firm becomes a Firm marked ``outside_list``, never a silent drop.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chaingraph.identity import firm_id, fold, has_cjk, name_key, node_id, normalise_stock_code
from chaingraph.model import EdgeRecord, Label, NodeRecord, Record, RelType
from ingest.base import IngestContext
from ingest.columns import Layout, Mapping, layout_for, load_mapping, match_synonyms
from ingest.places import PlaceNodes, locate
from ingest.relations import read_segments, read_supply_pairs, split_names, stage_of
from ingest.resolve import NameResolver, core_aliases
from ingest.tables import Table, is_excel, is_jsonl, is_text_table, open_excel_tables, open_jsonl_table, \
    open_text_table

#: How many names and rows of one file the resolver keeps in memory; beyond that it
#: asks the store, so memory stays bounded however long the list.
RESOLVER_LIMIT = 300_000
FIRM_PROPS = ("short_name", "english_name", "stock_code", "credit_code", "products", "address")
_STOCK_PREFIXES = ("*ST", "S*ST", "ST", "SST", "XD", "XR", "DR", "N", "C")


class FirmListIngester:
    """Reads enterprise lists; see the module docstring."""

    name = "firm-list"

    def __init__(self) -> None:
        self._mappings: dict[Path, Mapping] = {}

    def accepts(self, path: Path, head: bytes) -> bool:
        """Take CSV/TSV files, Excel workbooks, and JSON Lines whose objects are not
        typed node/edge records (those go to the records ingester)."""
        if is_text_table(path) or is_excel(path):
            return True
        if is_jsonl(path):
            from ingest.records import first_json_object

            first = first_json_object(head)
            return first is not None and first.get("kind") not in ("node", "edge")
        return False

    def read(self, ctx: IngestContext) -> Iterator[Record]:
        """Yield the records of every table in ``ctx.path``; bad rows go to ``ctx.reject``."""
        mapping = self._mapping(ctx.options.mapping)
        yield ctx.source_node("list")
        tables = [(t, layout_for(t.header, mapping, ctx.path.name)) for t in self._tables(ctx, mapping)]
        firm_tables = [(t, layout) for t, layout in tables if layout.kind == "firms"]
        if firm_tables:
            yield from read_firms(ctx, firm_tables)
        for table, layout in tables:
            if layout.kind == "supply":
                yield from read_supply_pairs(ctx, table, layout)
            elif layout.kind == "segments":
                yield from read_segments(ctx, table, layout)

    def _mapping(self, path: Path | None) -> Mapping | None:
        if path is None:
            return None
        path = Path(path)
        if path not in self._mappings:
            self._mappings[path] = load_mapping(path)
        return self._mappings[path]

    @staticmethod
    def _tables(ctx: IngestContext, mapping: Mapping | None) -> list[Table]:
        block = mapping.block_for(ctx.path.name) if mapping else None
        mapped = set((block or {}).get("columns", {}).values())

        def score(cells: list[str]) -> int:
            return len(match_synonyms(cells)) + 2 * len(mapped.intersection(cells))

        with open(ctx.path, "rb") as handle:
            head = handle.read(65536)
        if is_excel(ctx.path):
            return open_excel_tables(ctx.path, ctx.options.sheet, score)
        if is_jsonl(ctx.path):
            return [open_jsonl_table(ctx.path, head, ctx.options.encoding)]
        return [open_text_table(ctx.path, head, ctx.options.encoding, score)]


def _text(value: Any) -> str:
    if value.__class__ is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def short_name_fits(short: str, name: str) -> bool:
    """True when ``short`` can be a short form of ``name``: for Chinese, half its
    characters occur in the name (ST and other trading prefixes ignored); for
    English, its first word does.

    >>> short_name_fits("*ST德豪", "广东德豪润达电气股份有限公司"), short_name_fits("龙软科技", "三一重工股份有限公司")
    (True, False)
    """
    text = short.strip()
    if text in name:
        return True
    for prefix in _STOCK_PREFIXES:
        if text.upper().startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix):]
            break
    if has_cjk(text):
        chars = [c for c in text if "\u3400" <= c <= "\u9fff"]
        return sum(c in name for c in chars) * 2 >= len(chars)
    words = fold(text).split()
    return not words or words[0] in fold(name)


def read_firms(ctx: IngestContext, tables: list[tuple[Table, Layout]]) -> Iterator[Record]:
    """Read the firm tables of one file (the sheets of a workbook): write their
    firms (first pass), then yield their supply links (second pass), so a supplier
    named on one sheet and listed on another resolves. With ``role == "links"`` the
    firms are references: those no list has given yet are kept as outside firms and
    reported."""
    resolver = NameResolver(ctx.store, RESOLVER_LIMIT)
    places = PlaceNodes()
    shared: dict[tuple, str] = {}
    for table, layout in tables:
        stats = ctx.store.upsert(_firm_rows(ctx, table, layout, resolver, places, shared))
        ctx.report.written.add(stats)
    for table, layout in tables:
        if layout.has("suppliers") or layout.has("customers"):
            yield from _supply_rows(ctx, table, layout, resolver)
    for name, ids in resolver.ambiguous[:1000]:
        ctx.warn(None, f"supplier/customer name {name!r} fits several firms ({', '.join(ids[:4])}); "
                       "kept as an outside firm")
    if any(layout.role == "list" for _, layout in tables):
        _report_duplicates(ctx)


def _identity(ctx: IngestContext | None, line: int, cell: dict[str, str]) -> tuple[str, str, str, dict]:
    """Return (name, short name, firm id, props) of a firm row; a short name that
    does not fit the registered name wins, and the registered name is kept aside."""
    name = cell.get("name", "")
    short = cell.get("short_name", "")
    props: dict[str, Any] = {}
    if name and short and not short_name_fits(short, name):
        if ctx is not None:
            ctx.warn(line, f"short name {short!r} does not fit registered name {name!r} "
                           f"(code {cell.get('stock_code') or cell.get('credit_code') or '-'}); "
                           "the registered name is kept as conflicting_name")
        props["conflicting_name"] = name
        name = short
    name = name or short
    given_place = (cell.get("city") or cell.get("province") or "").strip() or None
    fid = firm_id(name, credit_code=cell.get("credit_code"), stock_code=cell.get("stock_code"), place=given_place)
    return name, short, fid, props


def _firm_rows(ctx: IngestContext, table: Table, layout: Layout, resolver: NameResolver,
               places: PlaceNodes, shared: dict[tuple, str]) -> Iterator[Record]:
    f = layout.fields
    links = layout.role == "links"
    for line, row in table.rows(ctx.reject):
        cell = {k: _text(row.get(h)) for k, h in f.items()}
        if not cell.get("name") and ("name" in f or not cell.get("short_name")):
            ctx.reject(line, "row has no name", _raw(row))
            continue
        name, short, fid, props = _identity(ctx, line, cell)
        # Only a registered name tells a place (朝阳科技, a short name, is not in 朝阳), and
        # a reference to a firm listed elsewhere must not overwrite that list's place.
        registered = cell.get("name", "") if not links and "conflicting_name" not in props else ""
        where = locate(registered, cell.get("province", ""), cell.get("city", ""), cell.get("county", ""),
                       cell.get("address", ""))
        ev = [ctx.evidence(row=line)]
        for key in FIRM_PROPS:
            if cell.get(key):
                props[key] = cell[key]
        if "stock_code" in props and (code := normalise_stock_code(props["stock_code"])):
            props["stock_code"] = code
        for prop, header in layout.props.items():
            if _text(row.get(header)):
                props[prop] = _text(row.get(header))
        if links:
            if ctx.store.get_node(fid) is None:
                ctx.warn(line, f"firm {name!r} ({fid}) is not in any list read so far; kept as an outside firm")
                props["outside_list"] = True
        else:
            props.update(in_list=True, outside_list=False)
        for key in ("province", "city", "county"):
            if getattr(where, key):
                props[key] = getattr(where, key)
        if where.inferred:
            props["inferred"] = where.inferred
        aliases = [short] if short and short != name else []
        if not short:  # without a short name, the core name (恒立液压, Sany) stands in for one
            aliases += core_aliases(name)
        if cell.get("english_name"):  # so that English articles name the same firm
            aliases.append(cell["english_name"])
        yield NodeRecord(fid, Label.FIRM, name, props, ev, aliases)
        for surface in (name, short, *aliases):
            if surface:
                resolver.remember(surface, fid)
        if cell.get("suppliers") or cell.get("customers"):
            resolver.remember_row((table.name, line), fid)
        yield from _place_links(ctx, fid, where, places, ev, line)
        yield from _memberships(fid, cell, ev, shared)


def _place_links(ctx: IngestContext, fid: str, where, places: PlaceNodes, ev, line: int) -> Iterator[Record]:
    place_ev = [ctx.evidence(row=line, note=where.note)] if where.note else ev
    if where.city:
        yield from places.city(where.city, where.province, ev)
        yield EdgeRecord(RelType.LOCATED_IN, fid, node_id(Label.CITY, where.city), {}, place_ev)
    elif where.province:
        yield from places.province(where.province, ev)
        yield EdgeRecord(RelType.LOCATED_IN, fid, node_id(Label.PROVINCE, where.province), {}, place_ev)


def _memberships(fid: str, cell: dict[str, str], ev, shared: dict[tuple, str]) -> Iterator[Record]:
    """Yield the firm's BELONGS_TO links; each Chain, Segment and Cluster node is
    yielded once per file (``shared`` maps (label, name) to the ids already made)."""
    chain_id = None
    if cell.get("chain"):
        chain_id = shared.get((Label.CHAIN, cell["chain"]))
        if chain_id is None:
            chain_id = shared[(Label.CHAIN, cell["chain"])] = node_id(Label.CHAIN, cell["chain"])
            yield NodeRecord(chain_id, Label.CHAIN, cell["chain"], {}, ev)
        yield EdgeRecord(RelType.BELONGS_TO, fid, chain_id, {}, ev)
    if cell.get("segment"):
        seg_id = shared.get((Label.SEGMENT, cell["segment"]))
        if seg_id is None:
            seg_id = shared[(Label.SEGMENT, cell["segment"])] = node_id(Label.SEGMENT, cell["segment"])
            props = {}
            if stage_of(cell.get("stage", "")):
                props["stage"] = stage_of(cell["stage"])
            if cell.get("segment_code"):
                props["code"] = cell["segment_code"]
            yield NodeRecord(seg_id, Label.SEGMENT, cell["segment"], props, ev)
            if chain_id:
                yield EdgeRecord(RelType.BELONGS_TO, seg_id, chain_id, {}, ev)
        yield EdgeRecord(RelType.BELONGS_TO, fid, seg_id, {}, ev)
    if cell.get("cluster"):
        cluster_id = shared.get((Label.CLUSTER, cell["cluster"]))
        if cluster_id is None:
            cluster_id = shared[(Label.CLUSTER, cell["cluster"])] = node_id(Label.CLUSTER, cell["cluster"])
            yield NodeRecord(cluster_id, Label.CLUSTER, cell["cluster"], {}, ev)
        yield EdgeRecord(RelType.BELONGS_TO, fid, cluster_id, {}, ev)


def _supply_rows(ctx: IngestContext, table: Table, layout: Layout, resolver: NameResolver) -> Iterator[Record]:
    f = layout.fields
    wanted = [k for k in ("name", "short_name", "stock_code", "credit_code", "province", "city") if k in f]
    for line, row in table.rows():  # rows rejected in the first pass are not read again
        if not any(_text(row.get(f[c])) for c in ("suppliers", "customers") if c in f):
            continue
        fid = resolver.row_firm((table.name, line))
        if fid is None:  # more rows than the resolver keeps: work the id out again
            cell = {k: _text(row.get(f[k])) for k in wanted}
            if not cell.get("name") and ("name" in f or not cell.get("short_name")):
                continue
            fid = _identity(None, line, cell)[2]
        ev = [ctx.evidence(row=line)]
        for column, supplier_side in (("suppliers", True), ("customers", False)):
            if column not in f:
                continue
            for other in split_names(_text(row.get(f[column]))):
                other_id = resolver.resolve(other)
                if other_id is None:
                    other_id = firm_id(other)
                    known = ctx.store.get_node(other_id) is not None  # e.g. a name several firms share
                    yield NodeRecord(other_id, Label.FIRM, other, {} if known else {"outside_list": True}, ev)
                    resolver.remember(other, other_id)
                if other_id == fid:
                    continue
                src, dst = (other_id, fid) if supplier_side else (fid, other_id)
                yield EdgeRecord(RelType.SUPPLIES, src, dst, {}, ev)


def _report_duplicates(ctx: IngestContext) -> None:
    """Warn about firms given on more than one row of this file (the same code or
    name and place twice): the rows are merged into one firm, not dropped."""
    for owner, lines in ctx.store.rows_by_source(ctx.source_id, Label.FIRM).items():
        if len(lines) < 2:
            continue
        node = ctx.store.get_node(owner)
        names = sorted({node.name, *node.aliases})
        ctx.warn(lines[0], f"{owner} is given on rows {','.join(map(str, lines))} ({' / '.join(names[:4])}); "
                           "merged into one firm")


def _raw(row: dict[str, Any]) -> str:
    return ",".join(_text(v) for v in row.values())[:300]

