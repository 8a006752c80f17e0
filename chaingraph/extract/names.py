"""Known names found in any form: one Aho–Corasick automaton over the names extraction
already knows — the chains and segments of the shipped chain templates (names,
aliases and the industries they stand for) and, when a store is given, the store's
own names (every firm, chain, segment, cluster, alliance and agency it holds, by every
surface: a list's or a data set's firms and industries) — finds every occurrence in
one pass over an article; boundary checks then drop a name found inside a longer word.

>>> idx = NameIndex([("Firm", "潍柴动力股份有限公司", "潍柴动力"), ("Firm", "Acme Motor Co., Ltd.", "Acme Motor")])
>>> text = "潍柴动力与Acme Motor签约，Acme Motorway不是"
>>> [(t, text[s:e]) for s, e, t, _c in idx.find(text)]
[('Firm', '潍柴动力'), ('Firm', 'Acme Motor')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from chaingraph.errors import ChainGraphError

_CJK = re.compile(r"[\u3400-\u9fff]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# store labels whose names are matched, and the mention type each becomes
STORE_LABELS = {"Firm": "Firm", "Alliance": "Alliance", "Cluster": "Cluster", "Agency": "Agency", "Segment": "Chain",
                "Chain": "Chain"}


class NameIndex:
    """An automaton over ``entries``, an iterable of ``(type, canonical, form)``:
    ``find`` reports each form where it stands as a whole word. When two entries
    share a form the first one given wins."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]):
        try:
            import ahocorasick
        except ImportError as exc:  # declared in pyproject.toml; a broken install says so
            raise ChainGraphError("pyahocorasick is not installed (pip install pyahocorasick)") from exc
        self._auto = ahocorasick.Automaton()
        self.forms: list[str] = []
        for kind, canonical, form in entries:
            form = form.strip()
            if len(form) < 2 or form in self._auto:
                continue
            self._auto.add_word(form, (len(form), kind, canonical))
            self.forms.append(form)
        if self.forms:
            self._auto.make_automaton()

    def __len__(self) -> int:
        return len(self.forms)

    def find(self, text: str, boundaries=None, keep=None) -> list[tuple[int, int, str, str]]:
        """Return ``(start, end, type, canonical)`` of the known names in ``text``, the
        leftmost longest where they overlap, sorted by start. A form beginning or
        ending in a Latin letter or digit needs a non-alphanumeric neighbour there; a
        Chinese one needs a word boundary when ``boundaries`` is given: a set of
        offsets (as :meth:`Segmenter.boundaries` gives) or a function from an offset
        to True when a word starts or ends there (so only places with a hit are
        segmented). ``keep(start, end, type)``, when given, drops a hit before any
        boundary is looked at."""
        if not self.forms:
            return []
        if isinstance(boundaries, (set, frozenset)):
            boundaries = boundaries.__contains__
        found = []
        for last, (length, kind, canonical) in self._auto.iter(text):
            start, end = last + 1 - length, last + 1
            if keep is not None and not keep(start, end, kind):
                continue
            if not self._edge_ok(text, start, end, boundaries):
                continue
            found.append((start, -end, kind, canonical))
        found.sort()
        out: list[tuple[int, int, str, str]] = []
        reach = -1
        for start, neg_end, kind, canonical in found:
            if start >= reach:
                out.append((start, -neg_end, kind, canonical))
                reach = -neg_end
        return out

    @staticmethod
    def _edge_ok(text: str, start: int, end: int, boundary) -> bool:
        first, last = text[start], text[end - 1]
        if _ASCII_WORD.match(first) and start > 0 and _ASCII_WORD.match(text[start - 1]):
            return False
        if _ASCII_WORD.match(last) and end < len(text) and _ASCII_WORD.match(text[end]):
            return False
        if boundary is not None:
            if _CJK.match(first) and not boundary(start):
                return False
            if _CJK.match(last) and not boundary(end):
                return False
        return True


@lru_cache(maxsize=1)
def shipped_names() -> tuple[tuple[str, str, str], ...]:
    """Return ``(type, canonical, form)`` entries for the shipped chain templates
    (each chain and segment by its name, aliases and the industries it stands for) and
    for the well-known firms of ``data/known_firms.tsv``, built once a process."""
    from chaingraph.analytics.chains import load_templates

    out: list[tuple[str, str, str]] = []
    for chain in load_templates():
        out.extend(("Chain", chain.name, form) for form in (chain.name, *chain.aliases))
        for seg in chain.segments:
            out.extend(("Chain", seg.name, form) for form in (seg.name, *seg.aliases, *seg.industries))
    out.extend(("Firm", forms[0], form) for forms in _known_firms() for form in forms)
    return tuple(out)


def _known_firms() -> list[list[str]]:
    """The forms of each well-known firm in ``chaingraph/data/known_firms.tsv``, its
    usual short name first (京东, 京东集团, JD.com)."""
    path = Path(__file__).resolve().parent.parent / "data" / "known_firms.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()
    return [[f.strip() for f in row.split("|") if f.strip()] for row in rows if row.strip() and not row.startswith("#")]


def store_names(store) -> list[tuple[str, str, str]]:
    """Return ``(type, canonical, form)`` entries for the names a store holds (its
    ``names`` table: every registered, short and English surface of a node), for
    the labels in :data:`STORE_LABELS`; ``canonical`` is the node's display name.
    Nodes that only articles gave are left out: looking for them in articles would
    make a second ingest of the same articles find more than the first."""
    labels = tuple(STORE_LABELS)
    marks = ",".join("?" * len(labels))
    articles = {row[0] for row in store.conn.execute(
        "SELECT id FROM nodes WHERE label = 'Source' AND json_extract(props, '$.kind') = 'article'")}
    rows = store.conn.execute(
        f"SELECT n.label, nd.name, n.surface, nd.evidence FROM names n JOIN nodes nd ON nd.id = n.node_id "
        f"WHERE n.label IN ({marks}) ORDER BY n.label, n.surface, nd.name", labels).fetchall()
    return [(STORE_LABELS[label], name, surface) for label, name, surface, evidence in rows
            if not articles or not _only_from(evidence, articles)]


def _only_from(evidence: str, sources: set[str]) -> bool:
    """True when every item of a node's stored ``evidence`` (a JSON array whose
    items start with their source id) comes from one of ``sources``."""
    import orjson

    items = orjson.loads(evidence) if evidence else []
    return bool(items) and all(item[0] in sources for item in items)


class KnownNames:
    """The names an extraction looks for: the shipped templates' plus ``extra`` entries
    (a store's). Chinese boundaries come from the process's shared segmenter
    (:func:`chaingraph.extract.words.shared`), loaded on the first Chinese article."""

    def __init__(self, extra: Iterable[tuple[str, str, str]] = ()):
        self.index = NameIndex(list(shipped_names()) + list(extra))

    @property
    def segmenter(self):
        """The shared Chinese segmenter."""
        from chaingraph.extract.words import shared

        return shared()

    @classmethod
    def from_store(cls, store) -> "KnownNames":
        """Known names with those of ``store`` (a :class:`chaingraph.store.Store`) added."""
        return cls(store_names(store))


@lru_cache(maxsize=1)
def default_names() -> KnownNames:
    """The shipped templates' names, built once per process."""
    return KnownNames()


# a lowercase word (not a determiner, preposition or conjunction) right before: the name goes on to the left
_NOUN_BEFORE = re.compile(r"(?<![\w-])(?!(?:the|a|an|of|in|on|at|for|to|and|or|its|their|our|this|that|these|those|"
                          r"with|from|by|as|into|across|whole|entire|local|key|whose|which)\s)[a-z][\w-]*\s+$")
_CHAIN_CONTEXT = re.compile(r"产业链|产业|行业|领域|板块|企业|项目| industr| sector| chain")


def known_mentions(text: str, sentences, mentions, names: KnownNames, language: str):
    """Return new :class:`Mention` objects for the known names in ``text`` (a cleaned
    article, its ``sentences`` and the ``mentions`` found so far) that the rules did
    not find: firms and other organisations wherever they stand as words (a short
    name that is a phrase of ordinary words, 海南发展, only beside a firm word), and
    industries only before a chain word (产业, 行业, 领域 …). A rule's organisation
    that ends where a known name ends but starts earlier (如X集团) is cut to the name."""
    import bisect

    from chaingraph.extract.result import Mention
    from chaingraph.extract.words import ordinary_phrase
    from chaingraph.identity import name_key

    boundary = None
    if language == "zh":
        sent_starts = [sent.start for sent in sentences]
        cache: dict[int, set[int]] = {}

        def boundary(pos: int) -> bool:
            """True when a word starts or ends at ``pos``; a sentence is segmented
            the first time a name is found in it."""
            i = max(bisect.bisect_right(sent_starts, pos) - 1, 0)
            if pos == sentences[i].start and i > 0:
                i -= 1  # the end of one sentence is the start of the next
            if i not in cache:
                cache[i] = names.segmenter.boundaries(sentences[i].text, sentences[i].start)
                if i + 1 < len(sentences):
                    cache[i].add(sentences[i + 1].start)
            return pos in cache[i] or pos == sentences[i].start

    hits = names.index.find(text, boundary,
                            keep=lambda _s, e, kind: kind != "Chain" or bool(_CHAIN_CONTEXT.match(text, e)))
    if not hits:
        return []
    starts = [s.start for s in sentences]
    orgs_by_end: dict[int, list] = {}
    spans = set()
    chain_spans = []
    for m in mentions:
        spans.add((m.start, m.end))
        if m.type in STORE_LABELS.values():
            orgs_by_end.setdefault(m.end, []).append(m)
        if m.type == "Chain":
            chain_spans.append((m.start, m.end))
    chain_spans.sort()
    # an organisation the article names itself is left to the article's own linking of
    # its mentions: a name the store learnt from this article must find nothing more
    # when it is read again
    own = {m.text for m in mentions if m.type in STORE_LABELS.values() and m.type != "Chain"}
    out = []
    for start, end, kind, canonical in hits:
        if (start, end) in spans:
            continue
        surface = text[start:end]
        if kind != "Chain" and surface in own:
            continue
        if kind == "Chain":
            if not _CHAIN_CONTEXT.match(text, end):
                continue
            i = bisect.bisect_right(chain_spans, (end, end)) - 1
            if i >= 0 and chain_spans[i][1] > start:
                continue  # a chain the rules found already covers it
            if any(a < end and start < b for a, b in chain_spans[max(i, 0):i + 2]):
                continue
            if language != "zh" and " " not in surface and _NOUN_BEFORE.search(text, max(0, start - 30), start):
                continue  # "rare metal materials industry": one word of a longer trade's name, not that trade
        elif surface != canonical and _CJK.match(surface) and (len(surface) <= 2 or ordinary_phrase(surface)) \
                and not re.match(r"(?:股份|集团|公司|等企业)", text[end:end + 4]):
            continue
        cut = False
        for m in orgs_by_end.get(end, ()):
            if m.type == kind and m.start < start and not m.info.get("synthetic"):
                m.start, m.text, m.key = start, surface, name_key(canonical)
                cut = True
        if cut:
            continue
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or start >= sentences[index].end:
            index = -1
        key = canonical if kind == "Chain" else name_key(canonical)
        out.append(Mention(start, end, surface, kind, index, key=key, info={"known": True}))
    return out
