"""Moving a whole graph between the embedded store and Neo4j, connection included:
what ``chaingraph load`` and ``chaingraph load --from-neo4j`` call."""

from __future__ import annotations

from collections.abc import Callable

from chaingraph.neo4j.connect import Neo4jSettings, explain, open_driver
from chaingraph.neo4j.load import BATCH_SIZE, LoadReport, load_record_count, load_store
from chaingraph.neo4j.readback import records_from_neo4j
from chaingraph.store import Store, UpsertStats


def push_to_neo4j(settings: Neo4jSettings, store: Store, batch_size: int = BATCH_SIZE,
                  progress: Callable[[int], None] | None = None,
                  on_total: Callable[[int], None] | None = None) -> LoadReport:
    """Connect with ``settings`` and load ``store`` into Neo4j (see
    :func:`chaingraph.neo4j.load.load_store`); ``on_total`` is told first how many
    records will be sent. Returns the :class:`LoadReport`; driver errors come out as
    one-line :class:`chaingraph.errors.Neo4jError` without credentials."""
    import neo4j.exceptions as ne

    if on_total:
        on_total(load_record_count(store))
    with open_driver(settings) as driver:
        try:
            return load_store(store, driver, settings.database, batch_size, progress)
        except (ne.Neo4jError, ne.DriverError) as exc:
            raise explain(exc, settings) from None


def pull_from_neo4j(settings: Neo4jSettings, store: Store) -> UpsertStats:
    """Connect with ``settings`` and upsert the graph held in Neo4j (nodes with a
    chaingraph label and ``id``, relationships of chaingraph types, with evidence)
    into ``store``; return what was written."""
    import neo4j.exceptions as ne

    with open_driver(settings) as driver:
        try:
            return store.upsert(records_from_neo4j(driver, settings.database))
        except (ne.Neo4jError, ne.DriverError) as exc:
            raise explain(exc, settings) from None
