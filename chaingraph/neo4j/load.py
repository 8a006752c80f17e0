"""Loading the embedded store into Neo4j, and reading a Neo4j graph back.

The load creates a uniqueness constraint on ``id`` (and an index on ``name``) for
every label first, then sends nodes and relationships in batches of ``UNWIND $rows
... MERGE`` (one statement per label, or per relationship type and pair of end
labels), each batch in one write transaction. MERGE makes every batch idempotent:
loading twice changes nothing, loading after new ingests adds only what is new, and a
load cut off half-way finishes when run again. A batch that fails on a dropped
connection is retried (the driver retries transient errors itself; this module also
retries a batch whose commit was cut off, which is safe because it is idempotent).

How a node or relationship looks in Neo4j:

* ``id`` (nodes), ``name`` and the store's properties. Lists of one scalar type stay
  lists; other lists and maps are stored as JSON text, their keys named in
  ``json_props`` so that reading back restores them.
* Evidence as parallel lists, one item per piece of evidence: ``ev_source`` (the id
  of a Source node: an article or list file), ``ev_row`` (row of a list, -1 when
  none), ``ev_sentence`` (the article sentence, "" when none), ``ev_start`` and
  ``ev_end`` (its character span, -1 when none) and ``ev_note`` ("" when none); a
  list that would hold only those defaults is left out. The evidence lists are
  replaced by the store's on every load (the store holds all of it), properties are
  merged (``SET n += ...``).

Neo4j cannot index a string of more than 8,164 bytes (UTF-8), and one such value
fails the whole batch. A ``name`` longer than :data:`MAX_INDEXED_BYTES` is cut to
that length and a node whose ``id`` is longer is left out (its relationships are
skipped), each with a warning in :attr:`LoadReport.warnings`.

>>> props, json_keys = neo4j_props({"city": "长沙", "tags": ["a", "b"], "mix": [1, "x"], "m": {"k": 1}})
>>> props["tags"], props["mix"], props["m"], json_keys
(['a', 'b'], '[1, "x"]', '{"k": 1}', ['m', 'mix'])
>>> from_neo4j_props({"name": "X", "mix": '[1, "x"]', "json_props": ["mix"], "ev_source": []})
{'mix': [1, 'x']}
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from chaingraph.model import EdgeRecord, Evidence, Label, NodeRecord, Record, RelType
from chaingraph.neo4j.queries import statement
from chaingraph.scoped import thread_switches
from chaingraph.store import Store

BATCH_SIZE = 10000
RETRIES = 5
SWITCH_INTERVAL = 0.0002
# Neo4j's range-index key limit is 8,164 bytes of UTF-8 for a string; kept below it.
MAX_INDEXED_BYTES = 8000
EVIDENCE_KEYS = ("ev_source", "ev_row", "ev_sentence", "ev_start", "ev_end", "ev_note")
_RESERVED = {"id", "name", "json_props", *EVIDENCE_KEYS}
_LABELS = {label.value: label for label in Label}
_TYPES = {rel.value: rel for rel in RelType}


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


# -- turning store records into Neo4j rows -------------------------------------------

def _scalar_list(value: list) -> bool:
    kinds = {type(v) for v in value}
    return len(kinds) <= 1 and kinds <= {str, int, float, bool} and \
        not any(isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 2**63 for v in value)


def neo4j_props(props: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Return ``props`` made storable as Neo4j properties, and the sorted keys whose
    values were turned into JSON text (maps, mixed or nested lists, huge ints). Keys
    Neo4j rows use themselves (``id``, ``name``, ``json_props``, ``ev_*``) and None
    values are left out."""
    out: dict[str, Any] = {}
    json_keys = []
    for key, value in props.items():
        if key in _RESERVED or value is None:
            continue
        if isinstance(value, bool) or isinstance(value, (str, float)) or \
                (isinstance(value, int) and abs(value) < 2**63):
            out[key] = value
        elif isinstance(value, list) and _scalar_list(value):
            out[key] = value
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            json_keys.append(key)
    return out, sorted(json_keys)


def from_neo4j_props(props: dict[str, Any]) -> dict[str, Any]:
    """Return the store properties held in a Neo4j node's or relationship's
    properties: without ``id``, ``name`` and the evidence lists, JSON text decoded."""
    json_keys = set(props.get("json_props") or ())
    out = {}
    for key, value in props.items():
        if key in _RESERVED:
            continue
        if key in json_keys and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass
        out[key] = value
    return out


# (column, index in a stored item, the stored value for "none")
_EV_FIELDS = (("ev_row", 1, -1), ("ev_start", 2, -1), ("ev_end", 3, -1), ("ev_note", 4, ""), ("ev_sentence", 5, ""))


def evidence_columns(items: list) -> dict[str, list]:
    """Return evidence items as stored (``[source, row, start, end, note, sentence]``,
    see :func:`chaingraph.store.evidence.load_items`; :func:`~chaingraph.store.evidence.encode`
    makes one of an :class:`Evidence`) as the parallel lists stored on nodes and
    relationships. ``ev_source`` is always there (when there is evidence); a list
    whose items are all the default (-1 or "") is left out, which saves Neo4j a
    property per item for the usual list-row or sentence-only evidence. The store
    only ever adds evidence, so a list left out now was never anything but defaults
    before.

    >>> sorted(evidence_columns([["source:a", 3, -1, -1, "", ""]]).items())
    [('ev_row', [3]), ('ev_source', ['source:a'])]
    >>> from chaingraph.store.evidence import encode
    >>> evidence_columns([encode(Evidence("source:a", note="n")), encode(Evidence("source:b", start=0, end=4))])
    {'ev_source': ['source:a', 'source:b'], 'ev_start': [-1, 0], 'ev_end': [-1, 4], 'ev_note': ['n', '']}
    """
    if len(items) == 1:
        # the usual case, written out: most of a load's row building was here
        source, row, start, end, note, sentence = items[0]
        cols: dict[str, list] = {"ev_source": [source]}
        if row != -1:
            cols["ev_row"] = [row]
        if start != -1:
            cols["ev_start"] = [start]
        if end != -1:
            cols["ev_end"] = [end]
        if note:
            cols["ev_note"] = [note]
        if sentence:
            cols["ev_sentence"] = [sentence]
        return cols
    if not items:
        return {}
    cols = {"ev_source": [item[0] for item in items]}
    for key, index, default in _EV_FIELDS:
        values = [item[index] for item in items]
        if any(v != default for v in values):
            cols[key] = values
    return cols


def evidence_from_columns(props: dict[str, Any]) -> list[Evidence]:
    """Return the evidence held in a Neo4j item's ``ev_*`` lists."""
    sources = props.get("ev_source") or []
    out = []
    for i, source in enumerate(sources):
        def get(key: str, missing: Any) -> Any:
            values = props.get(key) or []
            value = values[i] if i < len(values) else missing
            return None if value == missing else value
        out.append(Evidence(source=source, row=get("ev_row", -1), sentence=get("ev_sentence", ""),
                            start=get("ev_start", -1), end=get("ev_end", -1), note=get("ev_note", "")))
    return out


def _row_props(name: str | None, props: dict[str, Any], items: list) -> dict[str, Any]:
    """Return a row's ``props``: ``props`` made storable, ``name`` and the evidence
    lists of the stored evidence ``items`` (those lists as they are when there is
    nothing else)."""
    ev_cols = evidence_columns(items)
    if not props and name is None:
        return ev_cols
    out, json_keys = neo4j_props(props) if props else ({}, [])
    if name is not None:
        out["name"] = name
    if json_keys:
        out["json_props"] = json_keys
    out.update(ev_cols)
    return out


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
                ConnectionError) as exc:
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


def utf8_cut(text: str, limit: int = MAX_INDEXED_BYTES) -> str:
    """Return ``text`` cut to at most ``limit`` bytes of UTF-8, at a character
    boundary.

    >>> utf8_cut("三一重工", 7), utf8_cut("abc", 7)
    ('三一', 'abc')
    """
    if len(text) * 4 <= limit:
        return text  # no character takes more than 4 bytes
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


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
            yield {"id": node_id, "props": _row_props(name, props, items)}

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
                       _row_props(None, props, items) if props else evidence_columns(items)])
        if len(bucket) >= batch_size:
            yield (src[0], dst[0]), pending.pop((src[0], dst[0])), skipped
            skipped = 0
    for ends in list(pending):
        yield ends, pending.pop(ends), skipped
        skipped = 0
    if skipped:
        yield None, [], skipped


class _Failed:
    def __init__(self, exc: BaseException):
        self.exc = exc


@contextmanager
def prefetched(items: Iterable[Any], depth: int = 2) -> Iterator[Iterator[Any]]:
    """Yield an iterator over ``items`` that a background thread fills ``depth``
    ahead, so that building the next batch overlaps with the server working on the
    current one. Leaving the block early stops the thread."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in items:
                if not put(item):
                    break
            else:
                put(done)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            put(_Failed(exc))
        finally:
            close = getattr(items, "close", None)
            if close:
                close()

    worker = threading.Thread(target=run, name="chaingraph-prefetch", daemon=True)
    worker.start()

    def consume() -> Iterator[Any]:
        while True:
            item = box.get()
            if item is done:
                return
            if isinstance(item, _Failed):
                raise item.exc
            yield item

    try:
        yield consume()
    finally:
        stop.set()
        while worker.is_alive():
            try:
                box.get(timeout=0.1)
            except queue.Empty:
                pass
        worker.join()


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


# -- reading back ----------------------------------------------------------------------

def records_from_neo4j(driver: Any, database: str | None = None) -> Iterator[Record]:
    """Yield the graph in Neo4j as typed records: every node with an ``id`` and a
    label of :class:`Label` (evidence from its ``ev_*`` lists), then every
    relationship of a :class:`RelType` between such nodes. Other nodes and
    relationships are left out."""
    import neo4j

    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        known: set[str] = set()
        for rec in session.run(statement("_read_nodes")):
            label = next((_LABELS[l] for l in rec["labels"] if l in _LABELS), None)
            node_id = rec["id"]
            if label is None or not isinstance(node_id, str) or not node_id:
                continue
            props = dict(rec["props"])
            known.add(node_id)
            yield NodeRecord(id=node_id, label=label, name=str(props.get("name") or node_id),
                             props=from_neo4j_props(props), evidence=evidence_from_columns(props))
        for rec in session.run(statement("_read_edges")):
            rel = _TYPES.get(rec["type"])
            if rel is None or rec["src"] not in known or rec["dst"] not in known:
                continue
            props = dict(rec["props"])
            yield EdgeRecord(type=rel, src=rec["src"], dst=rec["dst"], props=from_neo4j_props(props),
                             evidence=evidence_from_columns(props))


def graph_from_neo4j(driver: Any, database: str | None = None) -> nx.MultiDiGraph:
    """Return the graph in Neo4j as a ``MultiDiGraph`` shaped like
    :meth:`chaingraph.store.Store.to_networkx`: nodes carry ``label``, ``name`` and
    their properties; edges are keyed by type and carry ``type`` and properties."""
    graph = nx.MultiDiGraph()
    for record in records_from_neo4j(driver, database):
        if isinstance(record, NodeRecord):
            graph.add_node(record.id, **{**record.props, "label": record.label.value, "name": record.name})
        else:
            graph.add_edge(record.src, record.dst, key=record.type.value,
                           **{**record.props, "type": record.type.value})
    return graph
