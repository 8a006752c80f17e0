"""What ingesters ask while a file is read: which firm a name in a supplier or
customer cell means (full names, short names like 恒立液压 or Sany), whether a node
is already known, and what it is called.

A :class:`Resolver` answers from the store as it was before the file (read through
a snapshot, never the store being written) and from what earlier parts of the same
file gave: names claimed by its firm rows first, then every name of every node by
name key, as the store's names table holds them (a firm's name, short name and
core name: its name without the leading place, 江苏恒立液压 -> 恒立液压, or an
English name's first word, Sany).

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

from typing import Any

from chaingraph.gazetteer import gazetteer
from chaingraph.identity import has_cjk, name_key
from chaingraph.model import Label, NodeRecord
from chaingraph.store import Store
from chaingraph.store.sqlite import sqlite3
from chaingraph.store.write import better_name

#: English first words too common to stand for one firm.
GENERIC_WORDS = frozenset("""china chinese the national new great international global first general united
asia asian east west north south central golden big grand greater sino state city province group
eastern western northern southern shanghai beijing hong kong""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&]*")
#: Entries (nodes and names) of the nodes a file gave that a resolver keeps in
#: memory; beyond that they go to a temporary file. Some 200 bytes each.
INDEX_LIMIT = 1_000_000


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


class Resolver:
    """What an ingester may ask about the graph while its file is being written:
    the store as it was before the file (``stored``, a :meth:`Store.reader
    <chaingraph.store.Store.reader>` inside its snapshot, or None when the store
    was empty), together with every node record earlier parts of the same file
    gave, which the dispatcher tells it with :meth:`note` as they pass. Its
    answers are those the store would give had those records been written first;
    it never reads the store being written. ``limit`` bounds the memory of the
    names firm rows claim (:meth:`remember`) and of cached look-ups; the nodes
    given are kept in memory up to ``index_limit`` entries, then in a temporary
    file (:class:`GivenNodes`).

    >>> from chaingraph.model import NodeRecord, Label
    >>> resolver = Resolver()
    >>> resolver.note(NodeRecord("firm:stock:600031", Label.FIRM, "三一重工股份有限公司", {"in_list": True},
    ...                          aliases=["三一重工"]))
    >>> resolver.resolve("三一重工有限公司"), resolver.has_node("firm:stock:600031"), resolver.resolve("中联重科")
    ('firm:stock:600031', True, None)
    """

    def __init__(self, stored: Store | None = None, *, limit: int = 300_000, index_limit: int | None = None,
                 memo: dict | None = None):
        self.stored = stored
        self.moved = stored.merged_ids() if stored is not None else {}
        self.given = GivenNodes(INDEX_LIMIT if index_limit is None else index_limit)
        self.limit = limit
        #: Names as written in this file -> the firm that claimed them first.
        self.local: dict[str, str] = {}
        self.cache: OrderedDict[str, str | None] = OrderedDict()
        self.ambiguous: list[tuple[str, list[str]]] = []
        #: Kept for the whole run (the dispatcher passes the same dict to every file):
        #: things built once from the store as it was before the run's first use.
        self.memo = memo if memo is not None else {}

    def fresh(self) -> "Resolver":
        """Return a resolver over the same store snapshot and nodes given, without
        the names claimed, look-ups cached and ambiguities found through this one
        (a table of supply pairs resolves its names by key alone)."""
        other = Resolver.__new__(Resolver)
        other.__dict__.update(self.__dict__)
        other.local, other.cache, other.ambiguous = {}, OrderedDict(), []
        return other

    def note(self, record: NodeRecord) -> None:
        """Take note of a node record the file gives (called by the dispatcher)."""
        self.given.add(self.moved.get(record.id, record.id), record.label.value, record.name, record.props,
                       record.aliases)

    def remember(self, surface: str, firm: str) -> None:
        """Note that ``surface`` (a name as written in this file) is firm ``firm``;
        the first firm to claim a surface keeps it."""
        if len(self.local) < self.limit and surface:
            self.local.setdefault(surface, firm)

    def resolve(self, name: str) -> str | None:
        """Return the id of the one firm ``name`` means: a firm this file claimed the
        name for, else the one firm with its name key (a listed firm before others,
        one with a code before one without). None when no firm has it or several
        do (those are listed in ``ambiguous``)."""
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
        ids = self.ids_by_key(key, Label.FIRM)
        if len(ids) <= 1:
            return ids[0] if ids else None
        listed = [i for i in ids if (flags := self._flags(i)) is not None and flags[0] and not flags[1]]
        if len(listed) == 1:
            return listed[0]
        coded = [i for i in (listed or ids) if not i.startswith("firm:name:")]
        if len(coded) == 1:
            return coded[0]
        self.ambiguous.append((name, ids))
        return None

    def _flags(self, node_id: str) -> tuple[Any, Any] | None:
        """``(in_list, outside_list)`` of a node as the store would hold it, or None."""
        given = self.given.get(node_id)
        stored = self.stored.get_node(node_id) if self.stored is not None else None
        if given is None and stored is None:
            return None
        props = dict(stored.props) if stored is not None else {}
        if given is not None:
            props.update((k, v) for k, v in zip(("in_list", "outside_list"), given[2:]) if v is not None)
        return props.get("in_list"), props.get("outside_list")

    def ids_by_key(self, key: str, label: Label) -> list[str]:
        """Return the ids, sorted, of the ``label`` nodes one of whose names has
        ``key`` (see :func:`chaingraph.identity.name_key`)."""
        found = set(self.given.ids_by_key(label.value, key))
        if self.stored is not None:
            found.update(self.stored.ids_by_key(key, label))
        return sorted(found)

    def has_node(self, node_id: str) -> bool:
        """True when the store held node ``node_id`` before the file, or the file gave it."""
        node_id = self.moved.get(node_id, node_id)
        return self.given.get(node_id) is not None or (
            self.stored is not None and self.stored.get_node(node_id) is not None)

    def node_name(self, node_id: str) -> str | None:
        """Return the name node ``node_id`` has (as the store would keep it), or None."""
        node_id = self.moved.get(node_id, node_id)
        given = self.given.get(node_id)
        stored = self.stored.get_node(node_id) if self.stored is not None else None
        if stored is None:
            return given[1] if given is not None else None
        return better_name(stored.name, given[1]) if given is not None else stored.name

    def close(self) -> None:
        """Let go of the temporary file, if any."""
        self.given.close()


class GivenNodes:
    """The nodes a file gave, by id (label, name and the ``in_list`` and
    ``outside_list`` flags, merged as the store merges them) and by name key. Held
    in dicts up to ``limit`` entries, then in a temporary SQLite file, so memory
    stays bounded however long the file.

    >>> given = GivenNodes(limit=1)
    >>> given.add("firm:a", "Firm", "Acme Co", {"in_list": True}, ["ACME"])
    >>> given.add("firm:a", "Firm", "Acme Company", {"outside_list": False}, [])
    >>> given.get("firm:a"), given.ids_by_key("Firm", "acme"), given.spilled
    (('Firm', 'Acme Company', True, False), ['firm:a'], True)
    """

    def __init__(self, limit: int = 1_000_000):
        self.limit = limit
        self.nodes: dict[str, tuple] = {}
        self.keys: dict[tuple[str, str], str | set[str]] = {}
        self.spilled = False
        self._db: Any = None
        self._rows: list[tuple] = []
        self._names: list[tuple] = []

    def add(self, node_id: str, label: str, name: str, props: dict[str, Any], aliases: list[str]) -> None:
        """Note a node record: its id, label, name, flags and names."""
        in_list, outside = props.get("in_list"), props.get("outside_list")
        if self._db is not None:
            self._rows.append((node_id, label, name, in_list, outside))
            self._names.extend((label, name_key(s), node_id) for s in (name, *aliases) if s)
            if len(self._rows) >= 10_000 or len(self._names) >= 10_000:
                self._flush()
            return
        old = self.nodes.get(node_id)
        if old is not None:
            label = old[0] or label
            name = better_name(old[1], name)
            in_list = old[2] if in_list is None else in_list
            outside = old[3] if outside is None else outside
        self.nodes[node_id] = (label, name, in_list, outside)
        keys = self.keys
        for surface in (name, *aliases):
            if surface:
                entry = (label, name_key(surface))
                held = keys.get(entry)
                if held is None:
                    keys[entry] = node_id
                elif held.__class__ is str:
                    if held != node_id:
                        keys[entry] = {held, node_id}
                else:
                    held.add(node_id)
        if len(self.nodes) + len(keys) > self.limit:
            self._spill()

    def get(self, node_id: str) -> tuple | None:
        """Return ``(label, name, in_list, outside_list)`` of a node given, or None."""
        if self._db is None:
            return self.nodes.get(node_id)
        self._flush()
        row = self._db.execute("SELECT label, name, in_list, outside FROM nodes WHERE id=?", (node_id,)).fetchone()
        return None if row is None else (row[0], row[1], _flag(row[2]), _flag(row[3]))

    def ids_by_key(self, label: str, key: str) -> list[str]:
        """Return the ids of the nodes given with a ``label`` name keyed ``key``."""
        if self._db is None:
            held = self.keys.get((label, key))
            return [] if held is None else [held] if held.__class__ is str else sorted(held)
        self._flush()
        return [r[0] for r in self._db.execute("SELECT id FROM names WHERE label=? AND key=? ORDER BY id",
                                               (label, key))]

    def _spill(self) -> None:
        self._db = sqlite3.connect("")  # a private temporary file, removed on close
        self._db.create_function("better_name", 2, better_name, deterministic=True)
        self._db.executescript("""
            CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT, name TEXT, in_list, outside);
            CREATE TABLE names (label TEXT, key TEXT, id TEXT, PRIMARY KEY (label, key, id)) WITHOUT ROWID;""")
        self._rows = [(i, *row) for i, row in self.nodes.items()]
        self._names = [(label, key, i) for (label, key), held in self.keys.items()
                       for i in ([held] if held.__class__ is str else held)]
        self.nodes, self.keys, self.spilled = {}, {}, True
        self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._db.executemany(
                "INSERT INTO nodes VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "name = better_name(name, excluded.name), in_list = coalesce(excluded.in_list, in_list), "
                "outside = coalesce(excluded.outside, outside)", self._rows)
            self._rows = []
        if self._names:
            self._db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", self._names)
            self._names = []

    def close(self) -> None:
        """Remove the temporary file, if any."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _flag(value: Any) -> Any:
    """A flag as given (True or False), back from SQLite's 1 or 0; other values as they are."""
    return bool(value) if value in (0, 1) and value is not True and value is not False else value


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
