"""Ingesters: turn files into node and edge records, and the dispatch that picks the
ingester for each file.

``ingest_paths`` is the one entry point: it walks files and directories, hands each
file to the first ingester that accepts it, writes the records to the store, and
returns an :class:`~ingest.base.IngestReport`. A file no ingester takes is reported
and skipped; an unreadable file is reported and skipped; bad rows are rejected with
their line while the good ones go in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from chaingraph.errors import InputError
from chaingraph.store import Store
from ingest.articles import ArticleIngester
from ingest.base import IngestContext, IngestOptions, IngestReport, Ingester, Skipped, write_rejects
from ingest.columns import load_mapping
from ingest.firm_list import FirmListIngester
from ingest.records import RecordsIngester

HEAD_BYTES = 65536

#: Tried in order; the first whose ``accepts`` says yes reads the file.
INGESTERS: list[Ingester] = [
    RecordsIngester(),
    ArticleIngester(),  # issue 4: .txt/.md/.html, and JSON Lines whose objects have a "text"
    FirmListIngester(),
]


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Return the files under ``paths`` (directories walked recursively, sorted, hidden
    files left out) and a :class:`Skipped` entry for every path that does not exist."""
    files: list[Path] = []
    missing: list[Skipped] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Skipped(str(path), "no such file or directory"))
    return files, missing


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
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    return bool(getattr(pick_ingester(path, head), "late", False))


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
    ``rejects_path`` (CSV) when there are any. Returns the run's report.
    """
    options = options or IngestOptions()
    report = IngestReport()
    paths = [Path(p) for p in paths]
    files, missing = expand_paths(paths)
    files.sort(key=_runs_late)  # articles after lists, so their firm names resolve to list firms
    report.skipped.extend(missing)
    outside_mapping = _outside_mapping(options, set(paths))
    for path in files:
        if on_file:
            on_file(path, len(files))
        if outside_mapping(path):
            report.skipped.append(Skipped(str(path), f"not named in the mapping {options.mapping}", error=False))
            continue
        try:
            with open(path, "rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError as exc:
            report.skipped.append(Skipped(str(path), f"cannot read: {exc.strerror}"))
            continue
        if not head.strip():
            report.skipped.append(Skipped(str(path), "empty file"))
            continue
        ingester = pick_ingester(path, head)
        if ingester is None:
            reason = "binary file" if b"\x00" in head[:8192] else "no ingester takes this kind of file"
            report.skipped.append(Skipped(str(path), reason, error=b"\x00" in head[:8192]))
            continue
        ctx = IngestContext(path, store, options, report)
        try:
            report.written.add(store.upsert(ingester.read(ctx), progress=on_records))
            for check in ctx.after_write:
                check()
        except InputError as exc:
            report.skipped.append(Skipped(str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        report.files.append((str(path), ingester.name))
    if report.rejects and rejects_path is not None:
        write_rejects(report.rejects, rejects_path)
        report.rejects_path = rejects_path
    if report.warnings and rejects_path is not None:
        report.warnings_path = warnings_path(rejects_path)
        write_rejects(report.warnings, report.warnings_path)
    return report
