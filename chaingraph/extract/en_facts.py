"""Facts of English articles that are not about a named event.

Company news ("X signed an order worth 3 billion yuan", "Y spends US$1 billion to
buy …", "construction of the Z Park was launched on …") states its date and amount
about the firm or park the article is about, not about a forum. This module finds

- **the article's subject** when no event is named: the first firm or park of the
  headline, else the firm named most often;
- **page dates** that the general dateline rules miss: an "Updated: …" line further
  down the page furniture, or a short line that is only a date with a two-digit year
  ("12 Aug '17");
- **month-only dates** ("in June") for the article's subject or event, given the
  year of the page date; a **bare count** of those invited or attending ("only 80
  have been invited") for an event; and money that is **spent or paid** ("spends US$1.2
  billion to purchase …"), which the signing rules of :mod:`facts` do not read.
"""

from __future__ import annotations

import datetime as dt
import re

from chaingraph.extract import facts as F
from chaingraph.extract.result import Entity, Fact, Sentence

_UPDATED = re.compile(r"\b(?:Updated|Published|Posted|Release(?:d)?(?: Time)?|Date)\s*:?\s*", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"^\s*(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+'(\d\d)\s*$")
_MONTH_ONLY = re.compile(r"\bin\s+(January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)(?:\s+(\d{4}))?\b(?!\s+\d)")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_SPEND = re.compile(r"\b(?:spend|spends|spent|spending|pay|pays|paid|paying|purchase|purchases|buy|buys|"
                    r"bought|acquire|acquires|acquired)\b", re.IGNORECASE)
_BARE_COUNT = re.compile(r"\b(?:only|some|more than|over|nearly|about|around)?\s*(?<![\d.,])(\d[\d,]*)\s+"
                         r"(?:have|had|has)?\s*(?:been|were|was)?\s*(?:invited|attended|took part|participated)\b")
_DEAL = re.compile(r"\b(?:sign\w*|orders?|contracts?|agreements?|deals?)\b", re.IGNORECASE)


def article_subject(sentences: list[Sentence], entities: list[Entity]) -> Entity | None:
    """Return the firm or park an English article is about, for facts when it names
    no event: the first Firm or Cluster mentioned in the headline (or a short
    unpunctuated line near the top), else the Firm
    with the most mentions (the earliest among equals); None when there is none."""
    if any(e.type == "Event" for e in entities):
        return None
    heads = {i for i, s in enumerate(sentences) if s.title or (
        i < 5 and len(s.text.split()) <= 15 and not s.text.rstrip().endswith((".", "!", "?", ":")))}
    titled = [(m.start, e) for e in entities if e.type in ("Firm", "Cluster")
              for m in e.mentions if m.sent in heads]
    for i in sorted(heads):  # a headline whose words were read as other names
        line = sentences[i].text.lower()
        titled += [(sentences[i].start + line.find(n.lower()), e) for e in entities if e.type in ("Firm", "Cluster")
                   for n in [e.name, *e.aliases] if len(n) > 2 and n.lower() in line]
    if titled:
        return min(titled, key=lambda x: x[0])[1]
    firms = [e for e in entities if e.type == "Firm"]
    if not firms:
        return None
    return max(firms, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions)))


def page_date(sentences: list[Sentence], limit: int = 12) -> dt.date | None:
    """Return the page's own date from its first ``limit`` lines when the general
    dateline rules found none: a date after "Updated:" (or "Published", "Posted",
    "Release Time") anywhere in a line, or a line that is only a date with a
    two-digit year.

    >>> s = [Sentence("News", 0, 4), Sentence("(site.cn)Updated: 2021-12-14", 5, 30)]
    >>> page_date(s)
    datetime.date(2021, 12, 14)
    >>> page_date([Sentence("3 Mar '19", 0, 9)])
    datetime.date(2019, 3, 3)
    """
    for sent in sentences[:limit]:
        text = sent.text
        cue = _UPDATED.search(text)
        if cue is not None and len(text) <= 80:
            found = F.parse_dateline(text[cue.end():])
            if found:
                return found
        short = _SHORT_YEAR.match(text)
        if short is not None:
            month = next((i + 1 for i, m in enumerate(_MONTHS) if m.startswith(short.group(2).lower())), None)
            if month is not None:
                try:
                    return dt.date(2000 + int(short.group(3)), month, int(short.group(1)))
                except ValueError:
                    continue
    return None


def add_missing(sentences: list[Sentence], facts: list[Fact], about: Entity | None,
                dateline: dt.date | None) -> None:
    """Add to ``facts`` what the general rules left out for ``about`` (the event or
    the article's subject): a month-only date ("in June", the year from the page
    date) when there is no date, else for a subject the date of the first sentence
    that says it signed or entered into a deal, and money spent or paid when there is no amount.
    A year of a date read as a count of guests ("On May 4, 2021, X invited its
    suppliers") is dropped first, and "24 enterprises signed … projects" counts
    signers (participants), not deals.
    A subject that is no event keeps only amounts of a deal, order or purchase, not
    what a plant or park will cost."""
    if about is None:
        return
    if about.type != "Event":
        facts[:] = [f for f in facts if f.kind != "deal_amount" or f.sent is None
                    or _DEAL.search(sentences[f.sent].text) or _SPEND.search(sentences[f.sent].text)]
    # "On May 4, 2021, X invited its suppliers": the year is no count of guests
    facts[:] = [f for f in facts if not (f.kind == "participant_count" and f.sent is not None
                                         and 1900 <= f.value <= 2100
                                         and re.search(rf"\b{f.value}\b", " ".join(
                                             str(y) for _p, y, _m, _d in F.find_dates(sentences[f.sent].text))))]
    for i, f in enumerate(facts):  # "24 enterprises signed … projects": 24 signers, not 24 deals
        if f.kind == "deal_count" and f.sent is not None and re.search(
                rf"(?<![\d,.]){f.value}\s+(?:enterprises|companies|firms|businesses)\s+(?:\w+\s+)?signed\b",
                sentences[f.sent].text):
            facts[i] = Fact("participant_count", f.event, f.value, f.sent, {"of": "companies"})
    kinds = {f.kind for f in facts}
    body = [i for i, s in enumerate(sentences) if not s.title]
    if "date" not in kinds:
        for index in body[:3]:
            m = _MONTH_ONLY.search(sentences[index].text)
            if m is None:
                continue
            year = int(m.group(2)) if m.group(2) else (dateline.year if dateline else None)
            if year is not None:
                month = _MONTHS.index(m.group(1).lower()) + 1
                facts.append(Fact("date", about.id, f"{year:04d}-{month:02d}", index))
            break
    if "date" not in kinds and about.type != "Event":  # the date of the deal it entered into
        for index, sent in enumerate(sentences):
            if sent.title or not (_DEAL.search(sent.text) and re.search(r"\b(?:signed|entered|inked|reached)\b",
                                                                         sent.text)):
                continue
            dates = F.find_dates(sent.text)
            if dates:
                _pos, year, month, day = dates[0]
                facts.append(Fact("date", about.id, F.resolve_date(year, month, day, dateline), index))
                kinds.add("date")
                break
    if "participant_count" not in kinds and about.type == "Event":
        for index, sent in enumerate(sentences):
            m = _BARE_COUNT.search(sent.text)  # "only 230 have been invited"
            if m is not None and int(m.group(1).replace(",", "")) >= 2:
                facts.append(Fact("participant_count", about.id, int(m.group(1).replace(",", "")), index,
                                  {"of": "guests"}))
                break
    if "deal_amount" not in kinds:
        for index, sent in enumerate(sentences):
            if not _SPEND.search(sent.text):
                continue
            amounts = [a for a in F.find_amounts(sent.text) if a[1] >= 1000]
            if amounts:
                best = max(amounts, key=lambda a: a[1])
                facts.append(Fact("deal_amount", about.id, best[1], index, {"currency": best[2]}))
                break
