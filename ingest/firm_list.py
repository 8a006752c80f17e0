"""Enterprise lists in the project's sample layout (CSV, UTF-8).

Columns: ``name, short_name, stock_code, credit_code, province, city, chain,
segment, stage, products, suppliers, customers, cluster``; only ``name`` is required.
Suppliers and customers are separated by ``;`` and may be short names: they resolve
to a firm of the same list or already in the store, else become Firms marked
``outside_list``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from chaingraph.identity import firm_id, name_key, node_id
from chaingraph.model import EdgeRecord, Label, NodeRecord, Record, RelType
from ingest.base import IngestContext

COLUMNS = ("name", "short_name", "stock_code", "credit_code", "province", "city", "chain",
           "segment", "stage", "products", "suppliers", "customers", "cluster")


def split_names(cell: str) -> list[str]:
    """Return the names in a list cell, split on ``;``, ``；``, ``、`` or ``|``.

    >>> split_names("恒立液压; Weichai Power、 ")
    ['恒立液压', 'Weichai Power']
    """
    for sep in ("；", "、", "|"):
        cell = cell.replace(sep, ";")
    return [part.strip() for part in cell.split(";") if part.strip()]


class FirmListIngester:
    """Reads a CSV whose header is the sample layout above."""

    name = "firm-list-csv"

    def accepts(self, path: Path, head: bytes) -> bool:
        """Take ``.csv`` files whose header row names a ``name`` column."""
        if path.suffix.lower() != ".csv":
            return False
        first = head.decode("utf-8-sig", "replace").splitlines()[:1]
        return bool(first) and "name" in [c.strip().lower() for c in first[0].split(",")]

    def read(self, ctx: IngestContext) -> Iterator[Record]:
        """Yield firms, places, chains, segments, clusters and supply links, one row at a time."""
        yield ctx.source_node("list")
        with open(ctx.path, newline="", encoding="utf-8-sig") as handle:
            rows = list(enumerate(csv.DictReader(handle), start=2))
        known: dict[str, str] = {}
        for line, row in rows:
            name = (row.get("name") or "").strip()
            if not name or None in row:
                continue
            fid = firm_id(name, credit_code=row.get("credit_code"), stock_code=row.get("stock_code"),
                          place=(row.get("city") or row.get("province") or "").strip() or None)
            for surface in (name, row.get("short_name") or ""):
                if surface.strip():
                    known.setdefault(name_key(surface), fid)
        for line, row in rows:
            if None in row:
                ctx.reject(line, f"{len(row[None]) + len(COLUMNS)} columns where the header has fewer",
                           ",".join(str(v) for v in row.values()))
                continue
            name = (row.get("name") or "").strip()
            if not name:
                ctx.reject(line, "row has no name", ",".join(v or "" for v in row.values()))
                continue
            yield from self._row(ctx, line, row, name, known)

    def _row(self, ctx: IngestContext, line: int, row: dict, name: str, known: dict[str, str]) -> Iterator[Record]:
        ev = [ctx.evidence(row=line)]
        cell = {k: (row.get(k) or "").strip() for k in COLUMNS}
        fid = known[name_key(name)]
        props = {"in_list": True}
        for key in ("short_name", "stock_code", "credit_code", "province", "city", "products"):
            if cell[key]:
                props[key] = cell[key]
        aliases = [cell["short_name"]] if cell["short_name"] else []
        yield NodeRecord(fid, Label.FIRM, name, props, ev, aliases)
        city_id = prov_id = None
        if cell["province"]:
            prov_id = node_id(Label.PROVINCE, cell["province"])
            yield NodeRecord(prov_id, Label.PROVINCE, cell["province"], {}, ev)
        if cell["city"]:
            city_id = node_id(Label.CITY, cell["city"])
            yield NodeRecord(city_id, Label.CITY, cell["city"], {"province": cell["province"]} if cell["province"] else {}, ev)
            yield EdgeRecord(RelType.LOCATED_IN, fid, city_id, {}, ev)
            if prov_id:
                yield EdgeRecord(RelType.LOCATED_IN, city_id, prov_id, {}, ev)
        elif prov_id:
            yield EdgeRecord(RelType.LOCATED_IN, fid, prov_id, {}, ev)
        chain_id = None
        if cell["chain"]:
            chain_id = node_id(Label.CHAIN, cell["chain"])
            yield NodeRecord(chain_id, Label.CHAIN, cell["chain"], {}, ev)
            yield EdgeRecord(RelType.BELONGS_TO, fid, chain_id, {}, ev)
        if cell["segment"]:
            seg_id = node_id(Label.SEGMENT, cell["segment"])
            seg_props = {"stage": cell["stage"].lower()} if cell["stage"] else {}
            yield NodeRecord(seg_id, Label.SEGMENT, cell["segment"], seg_props, ev)
            yield EdgeRecord(RelType.BELONGS_TO, fid, seg_id, {}, ev)
            if chain_id:
                yield EdgeRecord(RelType.BELONGS_TO, seg_id, chain_id, {}, ev)
        if cell["cluster"]:
            cluster_id = node_id(Label.CLUSTER, cell["cluster"])
            yield NodeRecord(cluster_id, Label.CLUSTER, cell["cluster"], {}, ev)
            yield EdgeRecord(RelType.BELONGS_TO, fid, cluster_id, {}, ev)
        for column, supplier_side in (("suppliers", True), ("customers", False)):
            for other in split_names(cell[column]):
                other_id = self._resolve(ctx, other, known)
                if other_id is None:
                    other_id = firm_id(other)
                    yield NodeRecord(other_id, Label.FIRM, other, {"outside_list": True}, ev)
                src, dst = (other_id, fid) if supplier_side else (fid, other_id)
                yield EdgeRecord(RelType.SUPPLIES, src, dst, {}, ev)

    @staticmethod
    def _resolve(ctx: IngestContext, name: str, known: dict[str, str]) -> str | None:
        key = name_key(name)
        if key in known:
            return known[key]
        ids = ctx.store.ids_by_key(key, Label.FIRM)
        return ids[0] if len(ids) == 1 else None
