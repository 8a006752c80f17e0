"""Lists of relations rather than of firms: supply pairs (supplier -> customer
firms) and industry lists (segments with their parent, stage, chain and upstream or
downstream segments, with weights).

>>> split_names("恒立液压; Weichai Power、 ")
['恒立液压', 'Weichai Power']
>>> stage_of("上游"), stage_of("Midstream"), stage_of("?")
('upstream', 'midstream', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from chaingraph.identity import MAX_NAME_CHARS, cap_name, clean_display_name, firm_id, node_id
from chaingraph.model import EdgeRecord, Label, NodeRecord, Record, RelType
from chaingraph.ingest.base import IngestContext
from chaingraph.ingest.columns import Layout
from chaingraph.ingest.tables import Table

_SEPARATORS = re.compile(r"[;；、|\n]")
_STAGES = {"upstream": "upstream", "上游": "upstream", "midstream": "midstream", "中游": "midstream",
           "downstream": "downstream", "下游": "downstream"}


def split_names(cell: Any) -> list[str]:
    """Return the names in a list cell, split on ``;``, ``；``, ``、``, ``|`` or a line
    break (a JSON list is taken as it is)."""
    if isinstance(cell, (list, tuple)):
        return [clean_display_name(str(c).strip()) for c in cell if str(c).strip()]
    if not cell:
        return []
    return [clean_display_name(part) for part in map(str.strip, _SEPARATORS.split(str(cell))) if part]


def stage_of(text: str) -> str | None:
    """Return the :class:`~chaingraph.model.Stage` value a stage cell means, or None."""
    return _STAGES.get(str(text).strip().lower())


def weighted_names(cell: Any, weight: Any = None) -> list[tuple[str, Any]]:
    """Return ``(name, weight)`` pairs from a cell that is a JSON object of name ->
    weight, a list, or a delimited string (every name then gets ``weight``).

    >>> weighted_names({"钢铁": 3, "液压件": 1}), weighted_names("钢铁;液压件", "2")
    ([('钢铁', 3), ('液压件', 1)], [('钢铁', 2.0), ('液压件', 2.0)])
    """
    if isinstance(cell, dict):
        return [(str(k).strip(), v) for k, v in cell.items() if str(k).strip()]
    value = _number(weight)
    return [(name, value) for name in split_names(cell)]


def _number(value: Any) -> Any:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _cell(row: dict[str, Any], layout: Layout, field: str) -> Any:
    header = layout.fields.get(field)
    value = row.get(header) if header else None
    return value.strip() if isinstance(value, str) else value


class _Segments:
    """Emits Segment nodes once per file and, for link lists, warns about segments
    no industry list has given."""

    def __init__(self, ctx: IngestContext, links: bool):
        self.ctx = ctx
        self.links = links
        self.seen: set[str] = set()

    def node(self, name: str, ev, line: int | None, props: dict | None = None, defined: bool = False) -> Iterator[Record]:
        sid = node_id(Label.SEGMENT, name)
        if sid in self.seen and not props:
            return
        if self.links and not defined and sid not in self.seen and not self.ctx.resolver.has_node(sid):
            self.ctx.warn(line, f"segment {name!r} is not in any industry list read so far; kept")
        self.seen.add(sid)
        yield NodeRecord(sid, Label.SEGMENT, name, props or {}, ev)


def read_segments(ctx: IngestContext, table: Table, layout: Layout) -> Iterator[Record]:
    """Yield a Segment per row, BELONGS_TO its parent segment and chain, and
    SUPPLIES links from its upstream segments and to its downstream ones (with the
    weight when given)."""
    segments = _Segments(ctx, layout.role == "links")
    for line, row in table.rows(ctx.reject):
        name = str(_cell(row, layout, "segment") or "")
        if not name:
            ctx.reject(line, "row has no segment name", ",".join(str(v) for v in row.values())[:300])
            continue
        ev = [ctx.evidence(row=line)]
        sid = node_id(Label.SEGMENT, name)
        props: dict[str, Any] = {}
        if _cell(row, layout, "segment_code"):
            props["code"] = str(_cell(row, layout, "segment_code"))
        if stage_of(_cell(row, layout, "stage") or ""):
            props["stage"] = stage_of(_cell(row, layout, "stage"))
        for prop, header in layout.props.items():
            if row.get(header) not in (None, ""):
                props[prop] = row[header]
        yield from segments.node(name, ev, line, props, defined=layout.role != "links")
        parent = str(_cell(row, layout, "parent_segment") or "")
        if parent:
            parent_props = {"code": str(_cell(row, layout, "parent_code"))} if _cell(row, layout, "parent_code") else {}
            yield from segments.node(parent, ev, line, parent_props)
            yield EdgeRecord(RelType.BELONGS_TO, sid, node_id(Label.SEGMENT, parent), {}, ev)
        chain = str(_cell(row, layout, "chain") or "")
        if chain:
            yield NodeRecord(node_id(Label.CHAIN, chain), Label.CHAIN, chain, {}, ev)
            yield EdgeRecord(RelType.BELONGS_TO, sid, node_id(Label.CHAIN, chain), {}, ev)
        weight = _cell(row, layout, "weight")
        for field, upstream in (("upstream_segments", True), ("downstream_segments", False)):
            for other, value in weighted_names(_cell(row, layout, field), weight):
                if other == name:
                    continue
                yield from segments.node(other, ev, line)
                oid = node_id(Label.SEGMENT, other)
                src, dst = (oid, sid) if upstream else (sid, oid)
                yield EdgeRecord(RelType.SUPPLIES, src, dst, {"weight": value} if value is not None else {}, ev)


def outside_firm(ctx: IngestContext, line: int | None, name: str,
                 props: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """Return ``(name, props)`` for a firm named only in a supplier or customer cell:
    ``props`` (default ``{"outside_list": True}``) gain ``full_name`` when the name is
    longer than :data:`~chaingraph.identity.MAX_NAME_CHARS`, cut then with a warning."""
    props = {"outside_list": True} if props is None else props
    shown, full = cap_name(name)
    if full is not None:
        ctx.warn(line, f"firm name of {len(full)} characters cut to {MAX_NAME_CHARS}; "
                       f"the whole name is kept as full_name: {full[:60]!r}...")
        props = {**props, "full_name": full}
    return shown, props


def read_supply_pairs(ctx: IngestContext, table: Table, layout: Layout) -> Iterator[Record]:
    """Yield a SUPPLIES link for every supplier x customer named on a row; names
    resolve to known firms (short names too), the rest become outside firms."""
    resolver = ctx.resolver.fresh()
    made: set[str] = set()  # the outside firms this table brought in
    for line, row in table.rows(ctx.reject):
        suppliers = split_names(_cell(row, layout, "suppliers"))
        customers = split_names(_cell(row, layout, "customers"))
        if not suppliers or not customers:
            ctx.reject(line, "row needs both a supplier and a customer", ",".join(str(v) for v in row.values())[:300])
            continue
        ev = [ctx.evidence(row=line)]
        weight = _number(_cell(row, layout, "weight"))
        props = {"weight": weight} if weight is not None else {}
        for prop, header in layout.props.items():
            if row.get(header) not in (None, ""):
                props[prop] = row[header]
        ids = {}
        for name in (*suppliers, *customers):
            fid = resolver.resolve(name)
            if fid is None or (fid in made and name not in resolver.local):
                # A firm this table brought in, named another way: the row is
                # evidence for it too.
                fid = firm_id(name)
                if not resolver.has_node(fid):
                    made.add(fid)
                yield NodeRecord(fid, Label.FIRM, *outside_firm(ctx, line, name), ev)
                resolver.remember(name, fid)
            ids[name] = fid
        for s in suppliers:
            for c in customers:
                if ids[s] != ids[c]:
                    yield EdgeRecord(RelType.SUPPLIES, ids[s], ids[c], dict(props), ev)
