"""English places below the prefecture that the gazetteer does not know by name, and
what names and investments say about where things are.

- **New areas and districts.** "the Pine New Area", "Jade District": a one- or
  two-word name the gazetteer does not hold, followed by "New Area" or "District",
  is a City (a district) of the article's prefecture city — the city named in
  the same sentence, else the one the article names most.
- **Bodies named for a place.** "the Pine New Area Administrative Committee" is in
  the Pine New Area: an agency, park or event whose name begins (after a year or
  an ordinal) with a city or district of the article is located there, rather than
  in another city read from the words around it (a district of that city, where
  it was placed, is kept as the nearer place).
- **Investing in a place.** "X has invested in C to set up …": the firm is in C.
"""

from __future__ import annotations

import re
from collections import Counter

from chaingraph.extract.result import Entity, Mention, Sentence
from chaingraph.extract.cues import cued

_DISTRICT = cued(r"\b(?!(?:The|This|That|In|At|From)\b)((?:[A-Z][a-z]+\s+){1,2}"
                 r"(?:New Area|New District|District))\b")
_NOT_FIRST = frozenset("""National Economic Development Industrial High Hi-tech High-tech Free Trade
Pilot Bonded Central Business New Special Administrative Port Science Technology Innovation""".split())
_LEADING = re.compile(r"^(?:(?:19|20)\d\d\s+|the\s+|\d+(?:st|nd|rd|th)\s+)+", re.IGNORECASE)
_INVESTED_IN = re.compile(r"^\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|already\s+)?(?:invested|settled|set up "
                          r"(?:a |its )?(?:plant|factory|base|subsidiary) )\s*in\s+$")


def district_mentions(text: str, sentences: list[Sentence], places: list[Mention]) -> list[Mention]:
    """Return City mentions of new areas and districts the gazetteer does not know
    (see the module docstring); ``places`` are the place mentions found so far, whose
    cities give the district its city and province.

    >>> s = "The Pine New Area of Dalian signed deals."
    >>> dalian = Mention(21, 27, "Dalian", "City", 0, key="Dalian", info={"province": "Liaoning"})
    >>> [(m.text, m.info) for m in district_mentions(s, [Sentence(s, 0, len(s))], [dalian])]
    [('Pine New Area', {'parent': 'Dalian', 'province': 'Liaoning'})]
    """
    from chaingraph.extract.places import gazetteer, is_municipality

    gaz = gazetteer()
    cities = [m for m in places if m.type == "City" and not m.key.startswith(("district:", "county:", "town:"))
              or m.type == "Province" and is_municipality(m.key)]
    if not cities:
        return []
    taken = [(m.start, m.end) for m in places]
    common = Counter(m.key for m in cities).most_common(1)[0][0]
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        for match in _DISTRICT.finditer(sent.text):
            name = match.group(1)
            first = name.split()[0]
            if first in _NOT_FIRST or gaz.lookup(first) is not None:
                continue
            start, end = sent.start + match.start(1), sent.start + match.end(1)
            if any(a < end and start < b for a, b in taken):
                continue
            near = [m for m in cities if sent.start <= m.start < sent.end]
            parent = near[0] if near else next(m for m in cities if m.key == common)
            out.append(Mention(start, end, name, "City", index, key=f"district:{name.lower()}",
                               info={"parent": parent.key, "province": parent.info.get("province")}))
    return out


def _bare(city: Entity) -> list[str]:
    """A county's or district's name without its suffix ("Fengyang" of "Fengyang County",
    "Dashiqiao" of the county-level "Dashiqiao City"), if any."""
    county_level = city.mentions[0].key.startswith("county:") if city.mentions else False
    bare = re.sub(r"\s+(?:County|District|City)$" if county_level else r"\s+(?:County|District)$", "", city.name)
    return [bare] if bare != city.name and len(bare) >= 4 else []


def _named_for(name: str, cities: list[Entity], forms) -> Entity | None:
    """The city whose ``forms`` (a function of a city) open ``name``, the longest; None
    when none does. "Jilin Provincial Department …" is named for the province, not
    for Jilin City."""
    return max((c for c in cities if any(name.startswith(n + " ") and not re.match(r" Provinc", name[len(n):])
                                         for n in forms(c))), key=lambda c: len(c.name), default=None)


def place_relations(rel, text: str, entities: list[Entity], per_sent) -> None:
    """Add to ``rel`` LOCATED_IN for agencies, parks and events named for a city or
    district of the article (in place of another city read from nearby words), for
    firms named for one, and for things named for a county or district without its
    suffix ("Fengyang … Park" of Fengyang County), these last two only when nothing
    placed them in a city; and for firms that invested in a place."""
    cities = [e for e in entities if e.type == "City"]
    city_ids = {c.id for c in cities}
    for e in entities:
        if e.type not in ("Agency", "Cluster", "Event", "Firm"):
            continue
        name = _LEADING.sub("", e.name)
        # a county or district names things without its suffix too ("Fengyang Silicon-Based … Park")
        home = _named_for(name, cities, lambda c: [c.name, *c.aliases])
        bare = _named_for(name, cities, _bare) if home is None else None
        if bare is None and home is None and e.type == "Firm":  # "RHI Jinding Magnesia (Dashiqiao) Co., Ltd."
            bare = next((c for c in cities if any(f"({n})" in name for n in [c.name, *c.aliases, *_bare(c)])), None)
        if bare is not None or (home is not None and e.type == "Firm"):
            # a bare county name, or a firm's name, places it only when nothing placed it in a city
            if not any(r.tail in city_ids for r in rel.from_head("LOCATED_IN", e.id)):
                for r in list(rel.from_head("LOCATED_IN", e.id)):
                    if r.note == "the article's province":  # a guess the name now betters
                        rel.remove(r)
                rel.add("LOCATED_IN", e, bare or home, e.mentions[0].sent if e.mentions else None,
                        "named for the place")
            continue
        if home is None:
            continue
        inside = {r.head for r in rel.items if r.type == "LOCATED_IN" and r.tail == home.id}
        current = rel.from_head("LOCATED_IN", e.id)
        # "the Chizhou … Conference was held in Shenzhen", said in the sentence that holds it, stands
        # unless the name's place lies inside that place (the Jinpu New Area of Dalian)
        held = {m.sent for m in e.mentions if m.info.get("trigger") is not None}
        home_in = {r.tail for r in rel.from_head("LOCATED_IN", home.id)}
        if any(r.sent in held and r.note is None and r.tail not in home_in for r in current):
            continue
        if any(r.tail in inside for r in current):
            continue  # placed in a district of the city it is named for: the nearer place holds
        for r in list(current):
            if r.tail != home.id and r.tail in {c.id for c in cities}:
                rel.remove(r)
        rel.add("LOCATED_IN", e, home, e.mentions[0].sent if e.mentions else None, "named for the place")
    for items in per_sent.values():
        for m, e in items:
            if e.type != "Firm":
                continue
            for pm, pe in items:
                if pe.type in ("City", "Province") and pm.start > m.end and _INVESTED_IN.match(text[m.end:pm.start]):
                    rel.add("LOCATED_IN", e, pe, m.sent, "invested in the place")
                    break
