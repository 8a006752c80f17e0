"""Ingesters: turn files into node and edge records, and the dispatch that picks the
ingester for each file.

``ingest_paths`` is the one entry point: it walks files and directories, hands each
file to the first ingester that accepts it, writes the records to the store, and
returns an :class:`~ingest.base.IngestReport`. A file no ingester takes is reported
and skipped; an unreadable file or folder is reported and skipped; a file whose
ingester fails, in any way, is reported with a one-line reason and the run goes on
with the next; bad rows are rejected with their line while the good ones go in.
Only a failing store (a full disk, say) or an interrupt stops the run.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from chaingraph.errors import InputError, StoreError
from chaingraph.files import JSONL_SUFFIXES, looks_binary, read_head, walk_files
from chaingraph.model import BATCH_END, BatchEnd, Label, NodeRecord, Record
from chaingraph.store import Store
from chaingraph.ingest.articles import ArticleIngester
from chaingraph.ingest.base import IngestContext, IngestOptions, IngestReport, Ingester, Reject, Skipped, remove_stale, \
    write_rejects
from chaingraph.ingest.columns import load_mapping
from chaingraph.ingest.firm_list import FirmListIngester
from chaingraph.ingest.records import RecordsIngester
from chaingraph.ingest.resolve import Resolver

#: Tried in order; the first whose ``accepts`` says yes reads the file.
INGESTERS: list[Ingester] = [
    RecordsIngester(),
    ArticleIngester(),  # .txt/.md/.html, and JSON Lines whose objects have a "text"
    FirmListIngester(),
]

#: Failures that stop the whole run, not just one file: the store cannot be written
#: (the next file would fail the same way) or memory ran out.
FATAL = (StoreError, MemoryError)


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Return the files under ``paths`` (directories walked recursively, sorted, hidden
    files left out) and a :class:`Skipped` entry for every path that does not exist,
    is not a regular file, or is a folder that cannot be read."""
    files, problems = walk_files(paths)
    return files, [Skipped(path, reason) for path, reason in problems]


def warnings_path(rejects_path: Path) -> Path:
    """Return where warnings go beside ``rejects_path``: ``x.rejects.csv`` gives
    ``x.warnings.csv``."""
    name = rejects_path.name
    stem = name[: -len(".rejects.csv")] if name.endswith(".rejects.csv") else rejects_path.stem
    return rejects_path.with_name(stem + ".warnings.csv")


def pick_ingester(path: Path, head: bytes) -> Ingester | None:
    """Return the first ingester that accepts ``path``, or None."""
    for ingester in INGESTERS:
        if ingester.accepts(path, head):
            return ingester
    return None


def _runs_late(path: Path) -> bool:
    """True when the ingester that takes ``path`` is marked ``late`` (articles), so it
    is read after the lists in the same run."""
    try:
        return bool(getattr(pick_ingester(path, read_head(path)), "late", False))
    except Exception:  # noqa: BLE001 - the file's own turn reports what is wrong with it
        return False


def _outside_mapping(options: IngestOptions, given: set[Path]) -> Callable[[Path], bool]:
    """Return a test for files found in a directory that a per-file mapping does not
    name (a data set's README, say): a mapping that lists its files owns the folder.
    Files given by name are always read."""
    if options.mapping is None:
        return lambda path: False
    try:
        mapping = load_mapping(options.mapping)
    except InputError:
        return lambda path: False  # each file read with it reports the mapping's fault
    if not mapping.files or mapping.default.get("columns"):
        return lambda path: False
    return lambda path: path not in given and mapping.block_for(path.name) is None


def ingest_paths(paths: Iterable[Path], store: Store, options: IngestOptions | None = None, *,
                 rejects_path: Path | None = None,
                 on_file: Callable[[Path, int], None] | None = None,
                 on_records: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest every file under ``paths`` into ``store``.

    ``on_file(path, total_files)`` is called before each file and ``on_records(n)``
    after each written batch, for progress display. Rejected rows are written to
    ``rejects_path`` (CSV) and warnings beside it (:func:`warnings_path`) when there
    are any; either file left by an earlier run is removed first, so what is there
    always belongs to this run. Returns the run's report. Raises
    :class:`~chaingraph.errors.StoreError` when the store cannot be written and
    :class:`~chaingraph.errors.OutputError` when the rejects or warnings cannot
    (the records are in the store by then).
    """
    options = options or IngestOptions()
    report = IngestReport()
    if rejects_path is not None:
        remove_stale(rejects_path)
        remove_stale(warnings_path(rejects_path))
    paths = [Path(p) for p in paths]
    files, problems = expand_paths(paths)
    files.sort(key=_runs_late)  # articles after lists, so their firm names resolve to list firms
    report.skipped.extend(problems)
    outside_mapping = _outside_mapping(options, set(paths))
    snapshots = _Snapshots(store)
    try:
        for path in files:
            _ingest_one(path, len(files), store, snapshots, options, report, outside_mapping, on_file, on_records)
    finally:
        snapshots.close()
    if report.files:
        _resolve_firms(store, report)
    if report.rejects and rejects_path is not None:
        write_rejects(report.rejects, rejects_path, "rejected rows")
        report.rejects_path = rejects_path
    if report.warnings and rejects_path is not None:
        write_rejects(report.warnings, warnings_path(rejects_path), "warnings")
        report.warnings_path = warnings_path(rejects_path)
    return report


def _ingest_one(path: Path, n_files: int, store: Store, snapshots: "_Snapshots", options: IngestOptions,
                report: IngestReport, outside_mapping: Callable[[Path], bool],
                on_file: Callable[[Path, int], None] | None,
                on_records: Callable[[int], None] | None) -> None:
    """Ingest one file of a run, noting in ``report`` what became of it."""
    if on_file:
        on_file(path, n_files)
    if outside_mapping(path):
        report.skipped.append(Skipped(str(path), f"not named in the mapping {options.mapping}", error=False))
        return
    try:
        head = read_head(path)
    except OSError as exc:
        report.skipped.append(Skipped(str(path), f"cannot read: {exc.strerror}"))
        return
    if not head.strip():
        report.skipped.append(Skipped(str(path), "empty file"))
        return
    try:
        ingester = pick_ingester(path, head)
    except Exception as exc:  # noqa: BLE001 - a head no ingester can judge costs its file only
        report.skipped.append(Skipped(str(path), f"cannot tell what kind of file it is ({type(exc).__name__})"))
        return
    if ingester is None:
        report.skipped.append(_not_taken(path, head))
        return
    failure = _ingest_file(path, ingester, store, snapshots, options, report, on_records)
    if failure is not None:
        report.skipped.append(Skipped(str(path), failure))
        return
    report.files.append((str(path), ingester.name))


def read_records(path: Path, options: IngestOptions | None = None, report: IngestReport | None = None, *,
                 resolver: Resolver | None = None) -> Iterator[Record | BatchEnd]:
    """Yield the records of the file at ``path`` as :func:`ingest_paths` would write
    them, without a store: names resolve among the file's own records (and those
    ``resolver`` knows, when given). Rejected rows and warnings go to ``report``.
    Raises :class:`InputError` when no ingester takes the file."""
    path = Path(path)
    ingester = pick_ingester(path, read_head(path))
    if ingester is None:
        raise InputError("no ingester takes this kind of file", str(path))
    ctx = IngestContext(path, resolver or Resolver(), options or IngestOptions(), report or IngestReport())
    yield from _given(ingester.read(ctx), ctx, len(ctx.report.rejects), [0])


def _resolve_firms(store: Store, report: IngestReport) -> None:
    """Merge the firm nodes the run made that are firms known under another id
    (see :mod:`chaingraph.resolution`), noting names that fit several firms."""
    from chaingraph.resolution import resolve_firms

    resolved = resolve_firms(store)
    report.merged = resolved.merged
    for name, ids in resolved.ambiguous[:1000]:
        report.warnings.append(Reject("(resolution)", None, f"firm name {name!r} fits several firms "
                                      f"({', '.join(ids[:4])}); not merged", ""))


def _not_taken(path: Path, head: bytes) -> Skipped:
    """Return why no ingester takes ``path``: binary, a JSON Lines file with no object
    to judge it by (both errors), or simply a kind of file not read (no error)."""
    if looks_binary(head):
        return Skipped(str(path), "binary file")
    if path.suffix.lower() in JSONL_SUFFIXES:
        return Skipped(str(path), "no line of its start reads as a JSON object, so its kind is unknown")
    return Skipped(str(path), "no ingester takes this kind of file", error=False)


class _Snapshots:
    """Makes the :class:`~chaingraph.ingest.resolve.Resolver` of each file of a run:
    over the store as it was before the file, read through a second connection
    (:meth:`Store.reader <chaingraph.store.Store.reader>`) whose snapshot begins
    before the file's write does, or over nothing while the store is empty. What
    resolvers build once from the store (``memo``) is kept as long as the store
    object, as the names an article is read with were before resolvers."""

    def __init__(self, store: Store):
        self.store = store
        self.view: Store | None = None
        self.memo = _MEMOS.setdefault(store, {})

    @contextmanager
    def resolver(self) -> Iterator[Resolver]:
        """Yield a new resolver, its snapshot held until the block ends."""
        if self.view is None:
            self.view = self.store.reader()
        with ExitStack() as held:
            held.enter_context(self.view.snapshot())
            if self.view.is_empty():  # the first read, which fixes the snapshot
                held.close()  # nothing to read: the log need not be kept for it
                resolver = Resolver(memo=self.memo)
            else:
                resolver = Resolver(self.view, memo=self.memo)
            try:
                yield resolver
            finally:
                resolver.close()

    def close(self) -> None:
        """Close the second connection."""
        if self.view is not None:
            self.view.close()
            self.view = None


_MEMOS: "weakref.WeakKeyDictionary[Store, dict]" = weakref.WeakKeyDictionary()


def _ingest_file(path: Path, ingester: Ingester, store: Store, snapshots: _Snapshots, options: IngestOptions,
                 report: IngestReport, on_records: Callable[[int], None] | None) -> str | None:
    """Read one file into the store, its records written in one upsert; return
    None when it went in, else the one-line reason it did not (nothing taken from
    it, or its ingester failed)."""
    rejected_before = len(report.rejects)
    taken = [0]
    try:
        with snapshots.resolver() as resolver:
            ctx = IngestContext(path, resolver, options, report)
            report.written.add(store.upsert(_given(ingester.read(ctx), ctx, rejected_before, taken),
                                            progress=on_records))
        for check in ctx.after_write:
            check(store)
    except FATAL:
        raise
    except InputError as exc:
        return str(exc).removeprefix(f"{path}: ")
    except RecursionError:
        return "nested too deeply to read"
    except Exception as exc:  # any fault of one file's reading costs that file, not the run
        detail = " ".join(str(exc).split())[:200]
        return f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''})"
    rejected = report.rejects[rejected_before:]
    if not taken[0] and rejected:
        first = rejected[0]
        return (f"nothing taken: all {len(rejected)} row(s) rejected; first, "
                f"{'line ' + str(first.line) + ': ' if first.line is not None else ''}{first.reason}")
    return None


def _given(records: Iterable[Record | BatchEnd], ctx: IngestContext, rejected_before: int,
           taken: list[int]) -> Iterator[Record | BatchEnd]:
    """Yield ``records``, telling the file's resolver of every node as it passes, and
    holding the file's Source node back until something else comes after it, so a
    file from which every row was rejected leaves nothing in the store.
    ``taken[0]`` counts the records other than the Source."""
    note = ctx.resolver.note
    source_id = ctx.source_id
    source: NodeRecord | None = None  # the Source, while held back
    source_seen = False
    for record in records:
        if record is BATCH_END:
            yield record
            continue
        if type(record) is NodeRecord:
            if not source_seen and record.id == source_id and record.label is Label.SOURCE:
                source, source_seen = record, True
                continue
            note(record)
        if source is not None:
            note(source)
            yield source
            source = None
        taken[0] += 1
        yield record
    if source is not None and (taken[0] or len(ctx.report.rejects) == rejected_before):
        yield source  # an article with nothing in it is still a source that was read
