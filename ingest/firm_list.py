"""Enterprise lists: CSV, TSV, Excel and JSON Lines files of firms (or of supply
pairs and industries, see :mod:`ingest.relations`), with Chinese or English headers
in any common encoding.

Columns are recognised by the synonym table in :mod:`ingest.columns` or named by a
mapping file (``--mapping``). Each firm row gives a Firm (id from its credit code,
stock code, or name and place, see :mod:`chaingraph.identity`), LOCATED_IN its City
(and the City in its Province) as given or inferred (:mod:`ingest.places`),
BELONGS_TO its Chain, Segment and Cluster, and SUPPLIES links from its supplier and
customer cells (supplier -> customer).

The file is streamed once: the firms are yielded as their rows are read, while
each row's supplier and customer cells wait in a queue (in memory, then in a
temporary file). Once every firm row is read, the names in them, short names
included, resolve to firms of this file or of the store (:mod:`ingest.resolve`),
as if the whole list had been read first. A name that matches no firm becomes a
Firm marked ``outside_list``, never a silent drop.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chaingraph.identity import MAX_NAME_CHARS, cap_name, clean_display_name, firm_id, fold, has_cjk, node_id, \
    normalise_stock_code
from chaingraph.files import first_json_object
from chaingraph.output import result_table
from chaingraph.errors import InputError
from chaingraph.model import BATCH_END, EdgeRecord, Evidence, Label, NodeRecord, Record, RelType
from chaingraph.ingest.base import IngestContext
from chaingraph.ingest.columns import Layout, Mapping, layout_for, load_mapping, match_synonyms
from chaingraph.ingest.places import PlaceNodes, locate
from chaingraph.ingest.repeats import RepeatFilter, bits_for, report_repeats
from chaingraph.ingest.relations import outside_firm, read_segments, read_supply_pairs, split_names, stage_of
from chaingraph.ingest.resolve import PendingNames, Resolver, core_aliases
from chaingraph.ingest.excel import open_excel_tables
from chaingraph.ingest.tables import Table, is_excel, is_jsonl, is_text_table, looks_tabular, open_jsonl_table, \
    open_text_table

#: How many names of one file the resolver keeps in memory; beyond that it asks the
#: store, so memory stays bounded however long the list.
RESOLVER_LIMIT = 300_000
#: How many rows' supplier and customer cells wait in memory; the rest wait in a
#: temporary file.
PENDING_LIMIT = 50_000  # some 600 bytes a row
FIRM_PROPS = ("short_name", "english_name", "stock_code", "credit_code", "products", "address")
_GROUPS = ((Label.CHAIN, "chain"), (Label.SEGMENT, "segment"), (Label.CLUSTER, "cluster"))
# Read once: an Enum member looked up on its class costs a Python call each time.
_FIRM, _CITY, _PROVINCE = Label.FIRM, Label.CITY, Label.PROVINCE
_SUPPLIES, _BELONGS_TO, _LOCATED_IN = RelType.SUPPLIES, RelType.BELONGS_TO, RelType.LOCATED_IN
_STOCK_PREFIXES = ("*ST", "S*ST", "ST", "SST", "XD", "XR", "DR", "N", "C")


class FirmListIngester:
    """Reads enterprise lists; see the module docstring."""

    name = "firm-list"

    def __init__(self) -> None:
        self._mappings: dict[Path, Mapping] = {}

    def accepts(self, path: Path, head: bytes) -> bool:
        """Take CSV/TSV files, .txt files of tab-separated rows, Excel workbooks, and
        JSON Lines whose objects are not typed node/edge records (those go to the
        records ingester)."""
        if is_text_table(path) or is_excel(path) or looks_tabular(path, head):
            return True
        if is_jsonl(path):
            first = first_json_object(head)
            return first is not None and first.get("kind") not in ("node", "edge")
        return False

    def read(self, ctx: IngestContext) -> Iterator[Record]:
        """Yield the records of every table in ``ctx.path``; bad rows go to ``ctx.reject``."""
        mapping = self._mapping(ctx.options.mapping)
        found = self._tables(ctx, mapping)
        tables, unread = [], []
        for table in found:
            try:
                result = None if mapping else result_table(table.header)
                if result:  # a result read back would state an inference as a fact
                    raise InputError(f"{table.name} is a {result} table chaingraph wrote; results are not read "
                                     "back as sources (give --mapping to read it anyway)", str(ctx.path))
                tables.append((table, layout_for(table.header, mapping, ctx.path.name)))
            except InputError as exc:
                # A workbook's notes sheet (填表说明) names no column; its list sheets still go in.
                if len(found) == 1:
                    raise
                unread.append((table, exc))
        if not tables:
            raise unread[0][1]
        for table, exc in unread:
            ctx.warn(table.header_line, f"{table.name} not read: {exc}")
        for table, _ in tables:
            for columns in table.repeated:
                ctx.warn(table.header_line, f"the header repeats {columns}: only the first is read; "
                                            "give the columns' meaning with --mapping")
        firm_tables = [(t, layout) for t, layout in tables if layout.kind == "firms"]
        if firm_tables:
            yield from read_firms(ctx, firm_tables)
        else:
            yield ctx.source_node("list")
        for table, layout in tables:
            ctx.sheet = table.sheet
            if layout.kind == "supply":
                yield from read_supply_pairs(ctx, table, layout)
            elif layout.kind == "segments":
                yield from read_segments(ctx, table, layout)
        ctx.sheet = None

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
    """Yield the records of the firm tables of one file (the sheets of a workbook):
    each table's firms and the supply links to firms already read, then the file's
    Source node, then the supply links whose names had to wait, so a supplier named
    on one sheet and listed on another (or further down) resolves. Each table ends
    with a :data:`~chaingraph.model.BATCH_END`, so the store numbers its firms before
    what follows. With ``role == "links"`` the firms are references: those no list
    has given yet are kept as outside firms and reported."""
    resolver = ctx.resolver
    places = PlaceNodes()
    shared: dict[Label, dict[str, str]] = {Label.CHAIN: {}, Label.SEGMENT: {}, Label.CLUSTER: {}}
    pending = PendingNames(PENDING_LIMIT)
    repeats = RepeatFilter(bits_for(ctx.path.stat().st_size))
    resolver.limit = RESOLVER_LIMIT
    for table, layout in tables:
        ctx.sheet = table.sheet
        yield from _firm_rows(ctx, table, layout, resolver, places, shared, pending, repeats)
        yield BATCH_END
    ctx.sheet = None
    yield ctx.source_node("list")
    yield from _pending_links(ctx, resolver, pending, repeats)
    for name, ids in resolver.ambiguous[:1000]:
        ctx.warn(None, f"supplier/customer name {name!r} fits several firms ({', '.join(ids[:4])}); "
                       "kept as an outside firm")
    if any(layout.role == "list" for _, layout in tables):
        ctx.after_write.append(lambda store: report_repeats(ctx, store, repeats.candidates))


def _identity(ctx: IngestContext | None, line: int, cell: dict[str, str]) -> tuple[str, str, str, dict]:
    """Return (name, short name, firm id, props) of a firm row; a short name that
    does not fit the registered name wins, and the registered name is kept aside.
    Bidi controls and zero-width spaces are taken out of both names; a name longer
    than :data:`MAX_NAME_CHARS` is cut, kept whole as ``full_name``, with a warning."""
    name = clean_display_name(cell.get("name", ""))
    short = clean_display_name(cell.get("short_name", ""))
    props: dict[str, Any] = {}
    if name and short and not short_name_fits(short, name):
        if ctx is not None:
            ctx.warn(line, f"short name {short!r} does not fit registered name {name!r} "
                           f"(code {cell.get('stock_code') or cell.get('credit_code') or '-'}); "
                           "the registered name is kept as conflicting_name")
        props["conflicting_name"] = name
        name = short
    name = name or short
    name, full = cap_name(name)
    if full is not None:
        if ctx is not None:
            ctx.warn(line, f"firm name of {len(full)} characters cut to {MAX_NAME_CHARS}; "
                           f"the whole name is kept as full_name: {full[:60]!r}...")
        props["full_name"] = full
    short = cap_name(short)[0]
    given_place = (cell.get("city") or cell.get("province") or "").strip() or None
    fid = firm_id(name, credit_code=cell.get("credit_code"), stock_code=cell.get("stock_code"), place=given_place)
    return name, short, fid, props


def _firm_rows(ctx: IngestContext, table: Table, layout: Layout, resolver: Resolver, places: PlaceNodes,
               shared: dict[Label, dict[str, str]], pending: PendingNames,
               repeats: RepeatFilter) -> Iterator[Record]:
    # This runs once a row of lists of millions: the per-row work is written out
    # here rather than spread over small functions.
    f = layout.fields
    fields = tuple(f.items())
    keys, headers = tuple(f), tuple(f.values())
    links = layout.role == "links"
    name_column = "name" in f
    supply_columns = "suppliers" in f or "customers" in f
    extra_props = tuple(layout.props.items())
    prop_keys = tuple(k for k in FIRM_PROPS if k in f)
    groups = tuple((label, group, shared[label]) for label, group in _GROUPS if group in f)
    source = ctx.source_id
    local, limit = resolver.local, resolver.limit
    targets: dict[tuple[str | None, str | None], str] = {}  # (city, province) -> LOCATED_IN target
    for line, row in table.rows(ctx.reject):
        try:  # all text (CSV, TSV): no Python call per cell
            cell = dict(zip(keys, map(str.strip, map(row.get, headers))))
        except TypeError:  # numbers, lists or missing keys (JSON Lines, Excel)
            cell = {k: _text(row.get(h)) for k, h in fields}
        if not cell.get("name") and (name_column or not cell.get("short_name")):
            ctx.reject(line, "row has no name", _raw(row))
            continue
        name, short, fid, props = _identity(ctx, line, cell)
        # Only a registered name tells a place (朝阳科技, a short name, is not in 朝阳), and
        # a reference to a firm listed elsewhere must not overwrite that list's place.
        registered = cell.get("name", "") if not links and "conflicting_name" not in props else ""
        where = locate(registered, cell.get("province", ""), cell.get("city", ""), cell.get("county", ""),
                       cell.get("address", ""))
        ev = [Evidence(source, line)]
        for key in prop_keys:
            if value := cell[key]:
                props[key] = value
        if "stock_code" in props and (code := normalise_stock_code(props["stock_code"])):
            props["stock_code"] = code
        for prop, header in extra_props:
            if value := _text(row.get(header)):
                props[prop] = value
        if links:
            if not resolver.has_node(fid):
                ctx.warn(line, f"firm {name!r} ({fid}) is not in any list read so far; kept as an outside firm")
                props["outside_list"] = True
        else:
            props["in_list"] = True
            props["outside_list"] = False
        if where.province:
            props["province"] = where.province
        if where.city:
            props["city"] = where.city
        if where.county:
            props["county"] = where.county
        if where.inferred:
            props["inferred"] = list(where.inferred)
        aliases = [short] if short and short != name else []
        if not short:  # without a short name, the core name (恒立液压, Sany) stands in for one
            aliases += core_aliases(name)
        if cell.get("english_name"):  # so that English articles name the same firm
            aliases.append(cell["english_name"])
        yield NodeRecord(fid, _FIRM, name, props, ev, aliases)
        repeats.add(fid)
        for surface in (name, *aliases):  # the first firm to claim a surface keeps it
            if surface and len(local) < limit:  # (a short name is among the aliases)
                local.setdefault(surface, fid)
        if where.city or where.province:
            target = targets.get((where.city, where.province))
            if target is None:  # the first row in this place: its City and Province nodes
                if where.city:
                    yield from places.city(where.city, where.province, ev)
                    target = node_id(_CITY, where.city)
                else:
                    yield from places.province(where.province, ev)
                    target = node_id(_PROVINCE, where.province)
                targets[(where.city, where.province)] = target
            yield EdgeRecord(_LOCATED_IN, fid, target, {},
                             [Evidence(source, line, note=where.note)] if where.note else ev)
        for label, group, ids in groups:
            if value := cell[group]:
                known = ids.get(value)
                if known is None:
                    yield from _group_node(label, cell, ev, shared)
                    known = ids[value]
                yield EdgeRecord(_BELONGS_TO, fid, known, {}, ev)
        if supply_columns and (cell.get("suppliers") or cell.get("customers")):
            # A name a firm row above has claimed links now: a claim is never taken
            # back, so it resolves as it would once the whole list is read, and the
            # writer, idle while rows are parsed, writes the link meanwhile. The
            # other names wait until every firm row is written (see _pending_links).
            waiting: tuple[list[str], list[str]] = ([], [])
            for names, supplier_side, rest in ((cell.get("suppliers"), True, waiting[0]),
                                               (cell.get("customers"), False, waiting[1])):
                for other in split_names(names) if names else ():
                    other_id = local.get(other)
                    if other_id is None:
                        rest.append(other)
                    elif other_id != fid:
                        yield _supply_link(fid, other_id, supplier_side, ev)
            if waiting[0] or waiting[1]:
                pending.add((line, fid, *waiting), ev)


def _group_node(label: Label, cell: dict[str, str], ev: list[Evidence],
                shared: dict[Label, dict[str, str]]) -> Iterator[Record]:
    """Yield the Chain, Segment or Cluster node a row names, the first time a file
    names it (``shared`` maps each label's names to the ids already made); a new
    Segment gets its stage and code, and BELONGS_TO the row's Chain."""
    name = cell[label.value.lower()]
    nid = shared[label][name] = node_id(label, name)
    props = {}
    if label is Label.SEGMENT:
        if stage_of(cell.get("stage", "")):
            props["stage"] = stage_of(cell["stage"])
        if cell.get("segment_code"):
            props["code"] = cell["segment_code"]
    yield NodeRecord(nid, label, name, props, ev)
    if label is Label.SEGMENT and cell.get("chain"):
        yield EdgeRecord(RelType.BELONGS_TO, nid, shared[Label.CHAIN][cell["chain"]], {}, ev)


def _pending_links(ctx: IngestContext, resolver: Resolver, pending: PendingNames,
                   repeats: RepeatFilter) -> Iterator[Record]:
    """Yield the supply links of the firm rows that named firms not read yet, in row
    order, once every firm row is written: names resolve as if the whole list had
    been read first (short names too); a name no firm has becomes an outside firm.
    Each pending item is (line, firm id, supplier names, customer names)."""
    source, local = ctx.source_id, resolver.local
    for (line, fid, suppliers, customers), ev in pending:
        ev = ev or [Evidence(source, line)]  # None when the row waited in the temporary file
        for names, supplier_side in ((suppliers, True), (customers, False)):
            for other in names:
                other_id = local.get(other)  # the common case, without a call
                if other_id is None:
                    other_id = resolver.resolve(other)
                if other_id is None:
                    other_id = firm_id(other)
                    known = resolver.has_node(other_id)  # e.g. a name several firms share
                    yield NodeRecord(other_id, _FIRM, *outside_firm(ctx, line, other, {} if known else None), ev)
                    repeats.add(other_id)
                    resolver.remember(other, other_id)
                if other_id != fid:
                    yield _supply_link(fid, other_id, supplier_side, ev)


def _supply_link(fid: str, other_id: str, supplier_side: bool, ev: list[Evidence]) -> EdgeRecord:
    """Return the SUPPLIES edge between a row's firm ``fid`` and a firm its supplier
    (``supplier_side``) or customer column names, pointing supplier -> customer."""
    if supplier_side:
        return EdgeRecord(_SUPPLIES, other_id, fid, {}, ev)
    return EdgeRecord(_SUPPLIES, fid, other_id, {}, ev)


def _raw(row: dict[str, Any]) -> str:
    return ",".join(_text(v) for v in row.values())[:300]

