"""The overview of a big graph: instead of thousands of dots, its chains with their
segments and firm counts, and its provinces on the map with firm counts and the
supply links between them added up. Everything is read with a few aggregate
queries on the store (counts grouped by segment, by province, by province pair):
no firm is loaded one by one and no networkx graph is built, so it stays quick on
a store of a million firms. Each chip and circle says, on hover, the command that
narrows the map to it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from markupsafe import Markup

from chaingraph import gazetteer as gz
from chaingraph.analytics.places import canonical_place
from chaingraph.model import Label, RelType, Stage
from chaingraph.render import svg
from chaingraph.render.chainview import STAGE_TINT
from chaingraph.render.geoview import GeoLink, GeoPoint, geo_svg
from chaingraph.render.style import normal_stage
from chaingraph.render.views import write_page
from chaingraph.store import Store

#: How many chains, and segments of no chain, the overview lists.
MAX_CHAINS, MAX_LOOSE = 30, 40
_ORDER = {Stage.UPSTREAM: 0, Stage.MIDSTREAM: 1, Stage.DOWNSTREAM: 2, None: 3}


def _rows(store: Store, sql: str, *params: object) -> list[tuple]:
    return store.conn.execute(sql, params).fetchall()


def segment_counts(store: Store) -> tuple[dict[str, tuple[str, Stage | None, int]], dict[str, list[str]], dict[str, str]]:
    """Return segment id -> (name, stage, firms that BELONG_TO it), chain id -> its
    segment ids, and chain id -> name, read with grouped counts."""
    firm, seg, chain = Label.FIRM.value, Label.SEGMENT.value, Label.CHAIN.value
    belongs = RelType.BELONGS_TO.value
    counts = dict(_rows(store, "SELECT e.dst, COUNT(*) FROM edges e JOIN nodes f ON f.nid = e.src "
                               "WHERE e.type = ? AND f.label = ? GROUP BY e.dst", belongs, firm))
    segments = {}
    for nid, node_id, name, props in _rows(store, "SELECT nid, id, name, props FROM nodes WHERE label = ?", seg):
        stage = normal_stage(json.loads(props or "{}").get("stage"))
        segments[node_id] = (name, stage, counts.get(nid, 0))
    chains = {node_id: name for node_id, name in _rows(store, "SELECT id, name FROM nodes WHERE label = ?", chain)}
    members: dict[str, list[str]] = {c: [] for c in chains}
    for s, c in _rows(store, "SELECT s.id, c.id FROM edges e JOIN nodes s ON s.nid = e.src JOIN nodes c ON c.nid = e.dst "
                             "WHERE e.type = ? AND s.label = ? AND c.label = ?", belongs, seg, chain):
        members[c].append(s)
    return segments, members, chains


def province_counts(store: Store) -> tuple[Counter, Counter, int]:
    """Return firms per province (gazetteer code), supply links per (supplier
    province, customer province), and how many firms have no known province. A
    firm's province is its ``province`` property, else its ``city``'s province.
    Two plain scans: each firm's number and place (grouped into a small int per
    distinct place), then every SUPPLIES pair, counted in a dict: on 300k firms this
    is four times quicker than letting SQLite join and group on the JSON properties."""
    memo: dict[str | None, str | None] = {}

    def province(name: str | None) -> str | None:
        if name not in memo:
            place = canonical_place(str(name)) if name else None
            memo[name] = place.province if place is not None and place.province in gz.gazetteer().by_code else None
        return memo[name]

    place_of: dict[int, str] = {}
    firms: Counter = Counter()
    unknown = 0
    for nid, name in _rows(store, "SELECT nid, COALESCE(json_extract(props, '$.province'), "
                                  "json_extract(props, '$.city')) FROM nodes WHERE label = ?", Label.FIRM.value):
        key = province(name)
        if key is None:
            unknown += 1
        else:
            place_of[nid] = key
            firms[key] += 1
    links: Counter = Counter()
    get = place_of.get
    for src, dst in store.conn.execute("SELECT src, dst FROM edges WHERE type = ?", (RelType.SUPPLIES.value,)):
        a, b = get(src), get(dst)
        if a is not None and b is not None and a != b:
            links[a, b] += 1
    return firms, links, unknown


def chains_svg(segments: dict[str, tuple[str, Stage | None, int]], members: dict[str, list[str]],
               chains: dict[str, str], width: int = 640) -> tuple[Markup, int]:
    """Return the chains panel (one row a chain: its segments as chips, upstream
    first, each with its firm count; then the biggest segments of no chain) and
    how many chips it draws."""
    rows: list[tuple[str, str, list[str]]] = []
    for chain_id, name in chains.items():
        segs = members.get(chain_id, [])
        rows.append((name, f"--chain {name}", segs))
    rows.sort(key=lambda r: (-sum(segments[s][2] for s in r[2]), r[0]))
    rows = rows[:MAX_CHAINS]
    loose = sorted((s for s in segments if not any(s in m for m in members.values())),
                   key=lambda s: (-segments[s][2], s))[:MAX_LOOSE]
    if loose:
        rows.append(("segments of no chain", "", loose))
    items: list[str] = []
    y, chips = 16.0, 0
    for name, option, segs in rows:
        total = sum(segments[s][2] for s in segs)
        items.append(svg.text(12, y + 17, svg.clip(name, 10), tip=f"{name}: {total:,} firm links to its segments; "
                                                                  f"chaingraph render --view chain {option}".strip(),
                              cls="seg-name"))
        items.append(svg.text(12, y + 33, f"{total:,} firms", cls="seg-status"))
        x = 150.0
        for seg in sorted(segs, key=lambda s: (_ORDER[segments[s][1]], -segments[s][2], s)):
            seg_name, stage, n = segments[seg]
            label = f"{svg.clip(seg_name, 8)} {n:,}"
            w = 16 + 13 * sum(1 if ord(c) > 0x2E80 else 0.6 for c in label)
            if x + w > width:
                x, y = 150.0, y + 30
            tip = f"{seg_name} ({stage or 'stage unknown'}): {n:,} firms; chaingraph render --chain {seg_name}"
            items.append(svg.group([svg.rect(x, y + 4, w, 24, rx=4, fill=STAGE_TINT.get(stage, "#eeeeee"),
                                             stroke="#999999"),
                                    svg.text(x + 8, y + 21, label, cls="firm")], tip=tip, cls="chip"))
            chips += 1
            x += w + 6
        y += 48
    return svg.svg(width, y + 8, items, "chains and segments", cls="overview-chains"), chips


def overview_page(store: Store, out_path: str | Path, *, title: str | None = None) -> tuple[int, int, int]:
    """Write the overview of ``store`` to ``out_path``; return (bytes, chips and
    places drawn, province links drawn)."""
    with store.snapshot():
        segments, members, chains = segment_counts(store)
        firms, links, unknown = province_counts(store)
        n_firms = _rows(store, "SELECT COUNT(*) FROM nodes WHERE label = ?", Label.FIRM.value)[0][0]
        n_links = _rows(store, "SELECT COUNT(*) FROM edges WHERE type = ?", RelType.SUPPLIES.value)[0][0]
    drawing, chips = chains_svg(segments, members, chains)
    by_code = gz.gazetteer().by_code
    points = [GeoPoint(code, by_code[code].short or by_code[code].name, by_code[code].lng, by_code[code].lat, n,
                       "province", f"{by_code[code].name}: {n:,} firms; chaingraph render --region "
                                   f"{by_code[code].short or by_code[code].name}")
              for code, n in sorted(firms.items()) if by_code[code].lng is not None]
    geo_links = [GeoLink(a, b, n, False, f"{by_code[a].short} → {by_code[b].short}: {n:,} supply links")
                 for (a, b), n in links.items()]
    geo = geo_svg(points, geo_links, "provinces", width=700, max_height=640)
    summary = [f"{n_firms:,} firms, {n_links:,} supply links, {len(chains)} chains, {len(segments)} segments, "
               f"{len(points)} provinces; {unknown:,} firms of no known province."]
    how = ("This overview sums the graph up instead of drawing every firm. Hover a segment or a province for its "
           "counts and the command that draws it: --view chain --chain NAME for a chain, --region NAME for a "
           "province, --view network for the node-link map.")
    size = write_page(out_path, title=title or "chaingraph overview", summary=summary, how=how, panels=[
        {"id": "chains", "kind": "overview-chains", "heading": "Chains and segments (firms in each)", "svg": drawing,
         "lists": []},
        {"id": "provinces", "kind": "overview-geo",
         "heading": "Provinces (firms in each) and the supply links between them", "svg": geo, "lists": []}])
    return size, chips + len(points), min(len(geo_links), 60)
