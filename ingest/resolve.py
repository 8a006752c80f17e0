"""Resolving the firm names a list writes in its supplier and customer cells (full
names, short names like 恒立液压 or Sany) to firms already known.

Names come from the same file first (remembered while its firm rows are read, up to
a fixed number so memory stays bounded on huge lists), then from the store's names
table, which holds every firm's name, short name and core name (its name without
the leading place, 江苏恒立液压 -> 恒立液压, or an English name's first word, Sany).

>>> core_aliases("江苏恒立液压股份有限公司"), core_aliases("Sany Heavy Industry Co., Ltd.")
(['恒立液压'], ['Sany'])
>>> core_aliases("China Railway Construction Heavy Industry"), core_aliases("三一重工股份有限公司")
([], [])
"""

from __future__ import annotations

import pickle
import re
import tempfile
from collections import OrderedDict
from collections.abc import Iterator

from chaingraph.gazetteer import gazetteer
from chaingraph.identity import has_cjk, name_key
from chaingraph.model import Label
from chaingraph.store import Store

#: English first words too common to stand for one firm.
GENERIC_WORDS = frozenset("""china chinese the national new great international global first general united
asia asian east west north south central golden big grand greater sino state city province group
eastern western northern southern shanghai beijing hong kong""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&]*")


def core_aliases(name: str) -> list[str]:
    """Return the short forms a registered name is often written as: a Chinese name
    without its leading place (and 中国), or an English name's distinctive first word."""
    if has_cjk(name):
        key = name_key(name)
        rest = key
        for prefix in ("中国", "中华"):
            if rest.startswith(prefix):
                rest = rest[len(prefix):]
        found = gazetteer().leading_place(rest)
        if found:
            rest = rest[len(found.how.replace("+", "")):] if found.how else rest
        return [rest] if rest != key and len(rest) >= 2 and not gazetteer().is_place_name(rest) else []
    match = _WORD.match(name.strip())
    if not match:
        return []
    word = match.group(0)
    if len(word) < 3 or word.lower() in GENERIC_WORDS or gazetteer().lookup(word):
        return []
    if name_key(word) == name_key(name):
        return []
    return [word]


class NameResolver:
    """Maps a firm name to a firm id: exact names and short names seen in this file,
    then the store's names table by name key. ``limit`` bounds both memories."""

    def __init__(self, store: Store, limit: int = 300_000):
        self.store = store
        self.limit = limit
        self.local: dict[str, str] = {}
        self.cache: OrderedDict[str, str | None] = OrderedDict()
        self.ambiguous: list[tuple[str, list[str]]] = []

    def remember(self, surface: str, firm: str) -> None:
        """Note that ``surface`` (a name as written in this file) is firm ``firm``;
        the first firm to claim a surface keeps it."""
        if len(self.local) < self.limit and surface:
            self.local.setdefault(surface, firm)

    def resolve(self, name: str) -> str | None:
        """Return the id of the one firm ``name`` means, or None when no known firm
        has that name (or several do: those are listed in ``ambiguous``)."""
        found = self.local.get(name)
        if found is not None:
            return found
        if name in self.cache:
            self.cache.move_to_end(name)
            return self.cache[name]
        found = self._lookup(name)
        self.cache[name] = found
        if len(self.cache) > self.limit:
            self.cache.popitem(last=False)
        return found

    def _lookup(self, name: str) -> str | None:
        key = name_key(name)
        if not key:
            return None
        ids = self.store.ids_by_key(key, Label.FIRM)
        if len(ids) <= 1:
            return ids[0] if ids else None
        nodes = [self.store.get_node(i) for i in ids]
        listed = [n.id for n in nodes if n is not None and n.props.get("in_list") and not n.props.get("outside_list")]
        if len(listed) == 1:
            return listed[0]
        coded = [i for i in (listed or ids) if not i.startswith("firm:name:")]
        if len(coded) == 1:
            return coded[0]
        self.ambiguous.append((name, ids))
        return None


class PendingNames:
    """A queue of the names rows gave, kept in the order given until every firm row
    is read; then they are resolved. Beyond ``limit`` items in memory they go to a
    temporary file, so memory stays bounded however long the list. Each item (a
    tuple of plain values) may come with a spare: something cheap to make again but
    slow to write, which the file does not keep (it comes back as None).

    >>> pending = PendingNames(limit=2)
    >>> for n, name in enumerate("abc", start=2):
    ...     pending.add((n, name), spare=f"spare {n}")
    >>> pending.spilled, len(pending)
    (1, 3)
    >>> list(pending)
    [((2, 'a'), None), ((3, 'b'), None), ((4, 'c'), 'spare 4')]
    """

    def __init__(self, limit: int = 100_000):
        self.limit = limit
        self.items: list[tuple] = []
        self.spares: list = []
        self.spilled = 0  # how many chunks went to the file
        self.count = 0
        self._file = None

    def add(self, item: tuple, spare: object = None) -> None:
        """Keep ``item`` (and ``spare``, while in memory) for later."""
        self.items.append(item)
        self.spares.append(spare)
        self.count += 1
        if len(self.items) >= self.limit:
            if self._file is None:
                self._file = tempfile.TemporaryFile()
            pickle.dump(self.items, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.spilled += 1
            self.items, self.spares = [], []

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[tuple, object]]:
        """Yield ``(item, spare)`` in the order added (the spare None for items that
        went to the file), then forget them."""
        if self._file is not None:
            self._file.seek(0)
            for _ in range(self.spilled):
                for item in pickle.load(self._file):
                    yield item, None
            self._file.close()
            self._file = None
            self.spilled = 0
        items, spares, self.items, self.spares = self.items, self.spares, [], []
        yield from zip(items, spares)
