"""The geographic view: where a chain's firms are, as circles on a plain
longitude/latitude projection of China (no outlines: no well-kept offline source of
province shapes ships as a package), one circle a city sized by its firms (a
province when that is all that is known), the region highlighted, supply links into
the region drawn from where the suppliers are, and candidate firms at their city.
Firms of no known place are listed beside the map, not piled at one point.

The same drawing (:func:`geo_svg`) shows the provinces of the overview.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from chaingraph import gazetteer as gz
from chaingraph.analytics.gaps import find_gaps
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.model import Label, RelType
from chaingraph.render import svg
from chaingraph.render.views import write_page

#: China's frame (degrees); a map shows the part its places need, at least MIN_SPAN wide.
CHINA = (73.0, 135.5, 17.5, 53.8)
MIN_SPAN, PAD = 9.0, 1.2
WIDTH, MAX_HEIGHT = 1080, 720
_KX = math.cos(math.radians(35))  # equirectangular, true at 35°N
#: How many place labels the map tries, most firms first, and links it draws.
MAX_LABELS, MAX_LINKS, LIST_NAMES = 40, 60, 60
COLOURS = {"region": "#2e8b3a", "other": "#2f6fb0", "province": "#6a8caf", "candidate": "#d62728"}


@dataclass
class GeoPoint:
    """A place drawn on the map: its gazetteer ``key``, ``name``, coordinates,
    firm ``count``, ``kind`` (region, other, province, candidate), ``tip`` text and
    ``note`` (added to its label, e.g. a candidate's name)."""

    key: str
    name: str
    lng: float
    lat: float
    count: int
    kind: str = "other"
    tip: str = ""
    note: str = ""


@dataclass
class GeoLink:
    """Aggregated supply links from one place to another: ``count`` firm links;
    ``into`` marks links into the region from outside."""

    src: str
    dst: str
    count: int
    into: bool = False
    tip: str = ""


@dataclass
class Located:
    """Firms by where they are: ``by_place`` place key -> firm ids, and the firms
    whose place is ``unknown`` (or not in the gazetteer)."""

    by_place: dict[str, list[str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Frame:
    """The part of the map drawn (degrees) and its size on the page (pixels)."""

    lng0: float
    lng1: float
    lat0: float
    lat1: float
    width: float
    height: float

    @classmethod
    def around(cls, coords: list[tuple[float, float]], width: int = WIDTH, max_height: int = MAX_HEIGHT) -> Frame:
        """Return the frame holding ``coords`` (lng, lat) with a margin, ``width``
        pixels wide and no taller than ``max_height``; all China without coords.

        >>> f = Frame.around([(112.9, 28.2), (120.1, 30.3)])
        >>> f.width, f.height <= MAX_HEIGHT, f.lng0 < 112.9 and f.lng1 > 120.1
        (1080, True, True)
        """
        if not coords:
            lng0, lng1, lat0, lat1 = CHINA
        else:
            lngs, lats = [c[0] for c in coords], [c[1] for c in coords]
            lng0, lng1, lat0, lat1 = min(lngs) - PAD, max(lngs) + PAD, min(lats) - PAD, max(lats) + PAD
        grow = max(0.0, MIN_SPAN - (lng1 - lng0)) / 2
        lng0, lng1 = lng0 - grow, lng1 + grow
        height = width * (lat1 - lat0) / ((lng1 - lng0) * _KX)
        if height > max_height:   # too tall: widen the span of longitudes instead
            grow = ((lat1 - lat0) / _KX * width / max_height - (lng1 - lng0)) / 2
            lng0, lng1, height = lng0 - grow, lng1 + grow, max_height
        elif height < width / 3:  # too flat: show more latitudes
            grow = (width / 3 / width * (lng1 - lng0) * _KX - (lat1 - lat0)) / 2
            lat0, lat1, height = lat0 - grow, lat1 + grow, width / 3
        return cls(lng0, lng1, lat0, lat1, width, round(height))

    def project(self, lng: float, lat: float) -> tuple[float, float]:
        """Return the page position of ``lng``, ``lat``."""
        return ((lng - self.lng0) / (self.lng1 - self.lng0) * self.width,
                (self.lat1 - lat) / (self.lat1 - self.lat0) * self.height)


def locate(placed: PlacedGraph, firms: set[str]) -> Located:
    """Return ``firms`` grouped by the place they are drawn at: their city when the
    gazetteer knows it, else their province, else listed as unknown."""
    by_code = gz.gazetteer().by_code
    out = Located()
    for firm in sorted(firms):
        loc = placed.locations.get(firm)
        spot = None
        for place in (loc.city, loc.province) if loc else ():
            known = by_code.get(place.key) if place is not None else None
            if known is not None and known.lng is not None:
                spot = place.key
                break
        if spot is None:
            out.unknown.append(firm)
        else:
            out.by_place.setdefault(spot, []).append(firm)
    return out


def geo_svg(points: list[GeoPoint], links: list[GeoLink], label: str = "geographic view", *,
            width: int = WIDTH, max_height: int = MAX_HEIGHT) -> Markup:
    """Return the map of ``points`` and ``links`` (the first :data:`MAX_LINKS`, most
    firms first) as one ``<svg>``: faint province names behind, links under the
    circles, labels where they do not collide (candidates, the region, then most
    firms first)."""
    frame = Frame.around([(p.lng, p.lat) for p in points], width, max_height)
    items: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    top = max((p.count for p in points), default=1) or 1
    radius = {p.key: 3 + 14 * math.sqrt(p.count / top) for p in points}
    for p in points:
        x, y = frame.project(p.lng, p.lat)
        boxes.append((x - radius[p.key], y - radius[p.key], 2 * radius[p.key], 2 * radius[p.key]))
    labels = _place_labels(points, frame, radius, boxes)
    drawn = {p.key for p in points}
    for place in gz.gazetteer().by_code.values():  # faint province names where there is room
        if place.level == "province" and place.lng is not None and place.code not in drawn:
            x, y = frame.project(place.lng, place.lat)
            name = place.short or place.name
            box = (x - 7 * len(name), y - 26, 14 * len(name), 16)
            if 0 < x < frame.width and 0 < y - 14 < frame.height and not any(_hit(box, b) for b in boxes):
                boxes.append(box)
                items.append(svg.text(x, y - 14, name, cls="province-label", text_anchor="middle"))
    where = {p.key: p for p in points}
    widest = max((lk.count for lk in links), default=1) or 1
    for link in sorted(links, key=lambda lk: (-lk.count, lk.src, lk.dst))[:MAX_LINKS]:
        a, b = where.get(link.src), where.get(link.dst)
        if a is None or b is None or a.key == b.key:
            continue
        (x1, y1), (x2, y2) = frame.project(a.lng, a.lat), frame.project(b.lng, b.lat)
        length = math.hypot(x2 - x1, y2 - y1) or 1
        x2, y2 = x2 - (x2 - x1) / length * (radius[b.key] + 2), y2 - (y2 - y1) / length * (radius[b.key] + 2)
        mx, my = (x1 + x2) / 2 - (y2 - y1) * 0.15, (y1 + y2) / 2 + (x2 - x1) * 0.15   # bowed, so A->B and B->A part
        width = 1 + 4 * math.sqrt(link.count / widest)
        items.append(svg.path(f"M{x1:.0f},{y1:.0f} Q{mx:.0f},{my:.0f} {x2:.0f},{y2:.0f}", tip=link.tip, fill="none",
                              stroke="#e8892b" if link.into else "#8a8a8a", stroke_opacity=0.75,
                              stroke_width=round(width, 1), marker_end="url(#arrow-fixed)", cls="supply-link"))
    for p in sorted(points, key=lambda p: (-p.count, p.key)):
        x, y = frame.project(p.lng, p.lat)
        items.append(svg.circle(x, y, radius[p.key], tip=p.tip, fill=COLOURS.get(p.kind, "#777777"), fill_opacity=0.8,
                                stroke="#ffffff" if p.kind != "candidate" else "#7a0000", stroke_width=1.5,
                                cls=f"place place-{p.kind}", data_key=p.key))
    items += labels
    return svg.svg(frame.width, frame.height, items, label, cls="geo-view")


def _place_labels(points: list[GeoPoint], frame: Frame, radius: dict[str, float],
                  boxes: list[tuple[float, float, float, float]]) -> list[str]:
    """Return the labels of the first :data:`MAX_LABELS` places (candidates, the
    region, then most firms), each right, left, above or below its circle where it
    collides with nothing in ``boxes`` (which it joins); a label too long to fit
    anywhere is tried again without its note."""
    out = []
    ranked = sorted(points, key=lambda p: (p.kind != "candidate", p.kind != "region", -p.count, p.key))
    for p in ranked[:MAX_LABELS]:
        x, y = frame.project(p.lng, p.lat)
        r = radius[p.key]
        own = (x - r, y - r, 2 * r, 2 * r)
        texts = [f"{p.name} {p.count} · {p.note}", f"{p.name} {p.count}"] if p.note else [f"{p.name} {p.count}"]
        placed = False
        for text in texts:
            w, h = 12.5 * sum(1 if ord(c) > 0x2E80 else 0.6 for c in text), 15
            for bx, by in ((x + r + 3, y + 4), (x - r - 3 - w, y + 4), (x - w / 2, y - r - 4), (x - w / 2, y + r + 14)):
                box = (bx - 2, by - 12, w + 4, h)
                if all(not _hit(box, other) or other == own for other in boxes) and 0 <= bx and bx + w <= frame.width:
                    boxes.append(box)
                    out.append(svg.text(bx, by, text, tip=p.tip,
                                        cls="region-label" if p.kind == "region" else "place-label"))
                    placed = True
                    break
            if placed:
                break
    return out


def _hit(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _point(key: str, firms: list[str], names, kind: str) -> GeoPoint:
    place = gz.gazetteer().by_code[key]
    shown = "; ".join(str(names[f].get("short_name") or names[f].get("name", f)) for f in firms[:25])
    more = f" … and {len(firms) - 25} more" if len(firms) > 25 else ""
    return GeoPoint(key, place.short or place.name, place.lng, place.lat, len(firms), kind,
                    f"{place.name}: {len(firms)} firm(s): {shown}{more}")


def geo_page(placed: PlacedGraph, region: str | None, out_path, *, title: str | None = None,
             top: int = 5) -> tuple[int, int, int]:
    """Write the geographic view of the chain of ``placed`` (every firm without a
    chain), ``region`` highlighted with its candidates (``top`` a segment) when
    given, to ``out_path``; return (bytes, places drawn, links drawn)."""
    graph = placed.graph
    names = graph.nodes
    if placed.chain is not None:
        firms = set(placed.chain_firms)
    else:
        firms = {n for n, a in graph.nodes(data=True) if a.get("label") == Label.FIRM.value}
    found = placed.region(region) if region else None
    local = placed.firms_in(found) if found else set()
    report = find_gaps(placed, found, top=top) if found and placed.chain is not None else None
    candidates = {c.firm_id: (c, seg.segment) for seg in (report.segments if report else []) for c in seg.candidates}
    located = locate(placed, firms | set(candidates))
    place_of = {f: key for key, fs in located.by_place.items() for f in fs}
    points = []
    for key, members in sorted(located.by_place.items()):
        kind = "region" if any(f in local for f in members) else "other"
        cands = [f for f in members if f in candidates]
        point = _point(key, members, names, kind)
        if cands:
            point.kind = "candidate" if kind == "other" else kind
            point.note = ", ".join(str(names[f].get("short_name") or candidates[f][0].firm) for f in cands[:2])
            point.note += f" +{len(cands) - 2}" if len(cands) > 2 else ""
            point.tip += "\ncandidates: " + "; ".join(f"{candidates[f][0].firm} for {candidates[f][1]}" for f in cands)
        points.append(point)
    counts: Counter = Counter()
    for firm in firms:
        for customer, edges in graph.succ[firm].items():
            if RelType.SUPPLIES.value in edges and customer in place_of and firm in place_of:
                if found is None or customer in local:
                    counts[place_of[firm], place_of[customer]] += 1
    by_code = gz.gazetteer().by_code
    local_places = {place_of.get(f) for f in local}
    links = [GeoLink(a, b, n, found is not None and a not in local_places,
                     f"{by_code[a].short} → {by_code[b].short}: {n} supply link(s)") for (a, b), n in counts.items()]
    drawing = geo_svg(points, links)
    what = placed.chain.name if placed.chain else "all firms"
    summary = [f"{what}: {len(firms) - len(located.unknown):,} firms at {len(points)} places; "
               f"{sum(counts.values()):,} supply links" + (f" into {found.name}" if found else "") +
               f" between places (the {min(MAX_LINKS, len(links))} biggest drawn)."]
    if report:
        summary.append(f"{len(candidates)} candidate firm(s) for {report.region}'s weak and missing segments "
                       "(red circles, named).")
    unknown = sorted(str(names[f].get("name", f)) for f in located.unknown)
    lists = [{"id": "unplaced", "heading": f"Firms of no known place ({len(unknown)})", "items": unknown[:LIST_NAMES],
              "more": max(0, len(unknown) - LIST_NAMES)}] if unknown else []
    legend = [{"fill": COLOURS["region"], "border": COLOURS["region"], "text": f"firms in {found.name}"}] if found else []
    legend += [{"fill": COLOURS["other"], "border": COLOURS["other"], "text": "firms elsewhere (circle: firms of a city)"},
               {"fill": COLOURS["candidate"], "border": "#7a0000", "text": "a city with candidate firms"},
               {"fill": "#e8892b", "border": "#e8892b", "text": "supply links into the region"}]
    name = f"Geographic view: {what}" + (f", {found.name} highlighted" if found else "")
    size = write_page(out_path, title=title or name, summary=summary, legend=legend if found else legend[:1],
                      how="Circles are cities (or provinces, when only that is known), sized by their firms; lines "
                          "are supply links from where the suppliers are, thicker for more. Hover a circle or a line "
                          "for its firms and counts.",
                      panels=[{"id": "geo", "kind": "geo", "heading": "", "svg": drawing, "lists": lists}])
    return size, len(points), min(MAX_LINKS, len(links))
