"""Loading the embedded store into Neo4j (reading it back is
:mod:`chaingraph.neo4j.readback`; how items look there, :mod:`chaingraph.neo4j.props`).

The load creates a uniqueness constraint on ``id`` (and an index on ``name``) for
every label first, then sends nodes and relationships in batches of ``UNWIND $rows
... MERGE`` (one statement per label, or per relationship type and pair of end
labels), each batch in one write transaction. MERGE makes every batch idempotent:
loading twice changes nothing, loading after new ingests adds only what is new, and a
load cut off half-way finishes when run again. A batch that fails on a dropped
connection is retried (the driver retries transient errors itself; this module also
retries a batch whose commit was cut off, which is safe because it is idempotent).
The evidence lists are replaced by the store's on every load (the store holds all of
it), properties are merged (``SET n += ...``).

A ``name`` longer than :data:`~chaingraph.neo4j.props.MAX_INDEXED_BYTES` is cut to
that length and a node whose ``id`` is longer is left out (its relationships are
skipped), each with a warning in :attr:`LoadReport.warnings`.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from chaingraph.model import Label, RelType
from chaingraph.neo4j.prefetch import prefetched
from chaingraph.neo4j.props import MAX_INDEXED_BYTES, evidence_columns, row_props, utf8_cut
from chaingraph.neo4j.queries import statement
from chaingraph.scoped import thread_switches
from chaingraph.store import Store

BATCH_SIZE = 10000
RETRIES = 5
SWITCH_INTERVAL = 0.0002


@dataclass
class LoadReport:
    """What a load did: ``nodes`` and ``edges`` sent, ``skipped_edges`` (an end not
    in the store), Neo4j's counters (``nodes_created``, ``relationships_created``,
    ``properties_set``), ``batches`` sent, ``retries`` of batches, ``fallbacks`` (relationship batches
    sent again by id, see :func:`load_store`), ``seconds``, and the nodes whose name
    was too long to index (``truncated_names``, cut) or whose id was
    (``skipped_nodes``, left out), each also told in a line of ``warnings``."""

    nodes: int = 0
    edges: int = 0
    skipped_edges: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    batches: int = 0
    retries: int = 0
    fallbacks: int = 0
    truncated_names: int = 0
    skipped_nodes: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the report's counts as a JSON-ready dict (``warnings`` left out)."""
        data = asdict(self)
        del data["warnings"]
        return data


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- writing -------------------------------------------------------------------------

def ensure_schema(driver: Any, database: str | None = None) -> int:
    """Create (when missing) the uniqueness constraint on ``id`` and the index on
    ``name`` for every label; return how many statements were run."""
    count = 0
    for label in Label:
        for name in ("_constraint", "_index_name"):
            driver.execute_query(statement(name, label=label), database_=database)
            count += 1
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return count


def write_batch(driver: Any, query: str, rows: list[dict[str, Any]], report: LoadReport,
                database: str | None = None) -> list[Any]:
    """Run ``query`` with ``$rows`` in one write transaction, add its counters to
    ``report`` and return the records it returned. A transient error or a dropped connection is retried (up to
    :data:`RETRIES` times, waiting longer each time) on top of the driver's own
    retries; the batch is idempotent, so a commit cut off is simply sent again."""
    import neo4j
    import neo4j.exceptions as ne

    for attempt in range(RETRIES + 1):
        try:
            result = driver.execute_query(query, {"rows": rows}, database_=database,
                                          routing_=neo4j.RoutingControl.WRITE)
            break
        except (ne.ServiceUnavailable, ne.SessionExpired, ne.IncompleteCommit, ne.TransientError,
                ConnectionError):
            if attempt == RETRIES:
                raise
            report.retries += 1
            time.sleep(min(0.5 * 2 ** attempt, 8.0))
    counters = result.summary.counters
    report.nodes_created += counters.nodes_created
    report.relationships_created += counters.relationships_created
    report.properties_set += counters.properties_set
    report.batches += 1
    return result.records


def _node_batches(store: Store, label: Label, batch_size: int,
                  report: LoadReport) -> Iterator[list[dict[str, Any]]]:
    def rows() -> Iterator[dict[str, Any]]:
        for node_id, name, props, items in store.iter_node_rows(label):
            if utf8_cut(node_id) != node_id:
                report.skipped_nodes += 1
                report.warnings.append(
                    f"{label.value} node {node_id[:60]!r}... not loaded: its id is "
                    f"{len(node_id.encode('utf-8'))} bytes, more than Neo4j can index ({MAX_INDEXED_BYTES})")
                continue
            if isinstance(name, str) and utf8_cut(name) != name:
                report.truncated_names += 1
                report.warnings.append(
                    f"{label.value} node {node_id!r}: name of {len(name.encode('utf-8'))} bytes cut to "
                    f"{MAX_INDEXED_BYTES}, the most Neo4j can index: {name[:30]!r}...")
                name = utf8_cut(name)
            yield {"id": node_id, "props": row_props(name, props, items)}

    yield from _batches(rows(), batch_size)


def _edge_batches(store: Store, rel: RelType, ends_of: dict[str, tuple[Label, str]],
                  batch_size: int) -> Iterator[tuple[tuple[Label, Label] | None, list[dict[str, Any]], int]]:
    """Yield ``(end labels, rows, edges skipped since the last batch)``; a final
    ``(None, [], skipped)`` carries the skipped count left over. ``ends_of`` maps a
    node id to its label and element id; each row is a list of both ends' element
    ids, both ends' ids and the properties (a list packs and unpacks with less work
    than a map with the same five keys in every row)."""
    pending: dict[tuple[Label, Label], list[dict[str, Any]]] = defaultdict(list)
    skipped = 0
    ends = ends_of.get
    for src_id, dst_id, props, items in store.iter_edge_rows(rel):
        src, dst = ends(src_id), ends(dst_id)
        if src is None or dst is None:
            skipped += 1
            continue
        bucket = pending[(src[0], dst[0])]
        # most edges have no properties but their evidence
        bucket.append([src[1], dst[1], src_id, dst_id,
                       row_props(None, props, items) if props else evidence_columns(items)])
        if len(bucket) >= batch_size:
            yield (src[0], dst[0]), pending.pop((src[0], dst[0])), skipped
            skipped = 0
    for ends in list(pending):
        yield ends, pending.pop(ends), skipped
        skipped = 0
    if skipped:
        yield None, [], skipped


def load_store(store: Store, driver: Any, database: str | None = None, batch_size: int = BATCH_SIZE,
               progress: Callable[[int], None] | None = None) -> LoadReport:
    """Push every node and edge of ``store``, with evidence, into the Neo4j behind
    ``driver`` (``database``: None for the server's default) and return a
    :class:`LoadReport`. ``progress`` is called with the number of records after each
    batch. Edges whose ends are not nodes of the store (or of the load: a node whose
    id is too long to index is left out) are skipped and counted; a name too long
    to index is cut (see :data:`MAX_INDEXED_BYTES`).
    Each node's and edge's evidence is read with it, and batches are built in a
    background thread while the server works on the last.

    Relationships find their ends by the element ids the node batches returned,
    which saves the server two index seeks a relationship (about a third of its
    work on them); a batch in which some end was not found that way (a node deleted
    and its id reused meanwhile) is merged again by id, which changes nothing for
    the rows already done. ``report.fallbacks`` counts such batches.

    The store is read in one snapshot (:meth:`chaingraph.store.Store.snapshot`),
    so the edges sent are those of the nodes sent, even while another process
    writes to it."""
    started = time.perf_counter()
    report = LoadReport()
    # The thread waiting on Neo4j needs the GIL a moment after each reply; at the
    # default 5 ms it waited behind the row-building thread, leaving the server idle.
    with thread_switches(SWITCH_INTERVAL), store.snapshot():
        ensure_schema(driver, database)
        # Nodes merged away in the store (entity resolution) leave Neo4j too.
        gone = sorted(store.merged_ids())
        for batch in _batches(gone, batch_size):
            write_batch(driver, statement("_delete_merged", label=Label.FIRM), batch, report, database)
        ends_of: dict[str, tuple[Label, str]] = {}
        for label in Label:
            query = statement("_merge_nodes", label=label)
            with prefetched(_node_batches(store, label, batch_size, report)) as batches:
                for batch in batches:
                    eids = write_batch(driver, query, batch, report, database)[0]["eids"]
                    for row, eid in zip(batch, eids):
                        ends_of[row["id"]] = (label, eid)
                    report.nodes += len(batch)
                    if progress:
                        progress(len(batch))
        for rel in RelType:
            query = statement("_merge_edges_by_element", type=rel)
            with prefetched(_edge_batches(store, rel, ends_of, batch_size)) as batches:
                for ends, rows, skipped in batches:
                    report.skipped_edges += skipped
                    if rows:
                        matched = write_batch(driver, query, rows, report, database)[0]["matched"]
                        if matched < len(rows):
                            report.fallbacks += 1
                            write_batch(driver, statement("_merge_edges", src=ends[0], dst=ends[1], type=rel), rows,
                                        report, database)
                        report.edges += len(rows)
                    if progress:
                        progress(len(rows) + skipped)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def load_record_count(store: Store) -> int:
    """Return how many records :func:`load_store` sends for ``store`` (for a progress bar)."""
    stats = store.stats()
    return stats.nodes + stats.edges


