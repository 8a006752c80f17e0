"""Walks asked of a store: each function reads what it needs from the store (the
neighbourhood a walk can reach, the evidence of its paths, the names of its files)
and hands a networkx graph to the graph functions of
:mod:`chaingraph.analytics.traverse`. This is what ``chaingraph upstream`` and
``downstream`` run.

>>> import tempfile, pathlib
>>> from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, RelType
>>> from chaingraph.store import Store
>>> ev = [Evidence("source:x", row=2)]
>>> with tempfile.TemporaryDirectory() as tmp, Store(pathlib.Path(tmp) / "s.db") as store:
...     _ = store.upsert([NodeRecord("firm:a", Label.FIRM, "Alpha Steel", {}, ev),
...                       NodeRecord("firm:b", Label.FIRM, "Beta Pumps", {}, ev),
...                       EdgeRecord(RelType.SUPPLIES, "firm:a", "firm:b", {}, ev)])
...     start, reached = trace_in_store(store, "Beta Pumps", Direction.UPSTREAM, 2)
...     rows = trace_table_in_store(store, start, reached, Direction.UPSTREAM).rows
>>> start, [(r["name"], r["evidence"]) for r in rows]
('firm:b', [('Alpha Steel', ['source:x, row 2'])])
"""

from __future__ import annotations

from chaingraph.analytics.graphsource import store_source_name
from chaingraph.analytics.traverse import Direction, Reached, attach_evidence, trace_table, walk, why_empty
from chaingraph.errors import NotFoundError
from chaingraph.model import Label
from chaingraph.output import Table
from chaingraph.store import Store


def resolve_in_store(store: Store, name: str) -> str:
    """Return the id of the node ``name`` means (an id, a name, a short or English
    name) through the store's name index; a name several nodes share is settled in
    favour of the one firm or segment among them (only those supply). Raises
    :class:`NotFoundError` naming close firm and segment names."""
    try:
        return store.resolve(name).id
    except NotFoundError as exc:
        # 工程机械 may be both a Chain and a Segment: only firms and segments supply.
        for label in (Label.FIRM, Label.SEGMENT):
            try:
                return store.resolve(name, label).id
            except NotFoundError:
                continue
        from chaingraph.analytics.regions import suggest

        names = [x for label in (Label.FIRM, Label.SEGMENT) for n in store.iter_nodes(label)
                 for x in (n.name, n.props.get("short_name")) if x]
        raise NotFoundError(f"{exc}{suggest(name, names)}") from None


def trace_in_store(store: Store, name: str, direction: Direction,
                   depth: int | None = 3) -> tuple[str, list[Reached]]:
    """Return ``(start id, reached nodes with the evidence of their paths)`` for the
    node ``name`` means, walking ``direction`` at most ``depth`` hops (0 or None: no
    limit); only the part of the store the walk can reach is read."""
    start = resolve_in_store(store, name)
    graph = store.to_networkx(around=[start], depth=depth) if depth and depth > 0 else store.to_networkx()
    return start, attach_evidence(walk(graph, start, direction, depth), store.evidence)


def trace_table_in_store(store: Store, start: str, reached: list[Reached], direction: Direction) -> Table:
    """Return :func:`~chaingraph.analytics.traverse.trace_table` of a walk, its
    evidence's files named from ``store``."""
    return trace_table(start, reached, direction, store_source_name(store))


def why_empty_in_store(store: Store, start: str, direction: Direction) -> str:
    """Return :func:`~chaingraph.analytics.traverse.why_empty` for ``start``, reading
    only its edges from ``store``."""
    return why_empty(store.to_networkx(around=[start], depth=1), start, direction)
