"""What every ingester shares: the context it reads a file in, rejected rows, and
the report an ingest run returns."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

from chaingraph.errors import OutputError
from chaingraph.output import spreadsheet_safe
from chaingraph.model import Evidence, Label, NodeRecord, Record
from chaingraph.store import Store, UpsertStats
from chaingraph.ingest.resolve import Resolver


@dataclass(frozen=True)
class Reject:
    """A row or record that could not be taken: where it was (``path``, ``line``
    and, in a workbook, ``sheet``) and why."""

    path: str
    line: int | None
    reason: str
    raw: str = ""
    sheet: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Skipped:
    """A whole file that was not ingested, and why. ``error`` is False only when no
    ingester takes that kind of file, which is not a fault of the file."""

    path: str
    reason: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestOptions:
    """Options that shape how files are read; ingesters ignore what they do not use."""

    encoding: str | None = None
    sheet: str | None = None
    mapping: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class IngestReport:
    """What an ingest run did: files taken (with the ingester that took each),
    files skipped, rows rejected and records written."""

    files: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    written: UpsertStats = field(default_factory=UpsertStats)
    rejects_path: Path | None = None
    #: Rows taken but worth a look (duplicate codes, links to unlisted firms), issue 3.
    warnings: list[Reject] = field(default_factory=list)
    warnings_path: Path | None = None
    #: Firm nodes merged with another node of the same firm after the run.
    merged: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return {
            "files": [{"path": p, "ingester": i} for p, i in self.files],
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "rejects": len(self.rejects),
            "rejects_file": str(self.rejects_path) if self.rejects_path else None,
            "warnings": len(self.warnings),
            "warnings_file": str(self.warnings_path) if self.warnings_path else None,
            "written": {"nodes": self.written.nodes, "edges": self.written.edges,
                        "evidence": self.written.evidence},
            "merged": self.merged,
        }


class IngestContext:
    """Handed to an ingester for one file: the :class:`~chaingraph.ingest.resolve.Resolver`
    to ask about names and nodes already known (ingesters never touch the store:
    they yield records, and the dispatcher writes them), the options, the file's
    Source id and a way to reject rows without stopping."""

    def __init__(self, path: Path, resolver: Resolver, options: IngestOptions, report: IngestReport):
        self.path = path
        self.resolver = resolver
        self.options = options
        self.report = report
        self.source_id = source_id(path)
        #: The workbook sheet being read: rejects and warnings name it, since line
        #: numbers start again on every sheet.
        self.sheet: str | None = None
        #: Called by :func:`ingest.ingest_paths` with the store once the file's
        #: records are written: checks that read what was written go here.
        self.after_write: list[Callable[[Store], None]] = []

    def reject(self, line: int | None, reason: str, raw: str = "") -> None:
        """Record that the row at ``line`` (of :attr:`sheet`, named in the reason)
        was not taken, and why."""
        if self.sheet is not None:
            reason = f"{reason} (sheet {self.sheet})"
        self.report.rejects.append(Reject(str(self.path), line, reason, raw, self.sheet))

    def warn(self, line: int | None, message: str) -> None:
        """Record something about the row at ``line`` that was taken but deserves a
        look (a duplicate code, a link to a firm no list gives)."""
        if self.sheet is not None:
            message = f"{message} (sheet {self.sheet})"
        self.report.warnings.append(Reject(str(self.path), line, message, "", self.sheet))

    def evidence(self, row: int | None = None, sentence: str | None = None, start: int | None = None,
                 end: int | None = None, note: str | None = None) -> Evidence:
        """Return evidence pointing into this file."""
        return Evidence(source=self.source_id, row=row, sentence=sentence, start=start, end=end, note=note)

    def source_node(self, kind: str, **props: Any) -> NodeRecord:
        """Return the Source node for this file, of ``kind`` ("list", "article", ...)."""
        return NodeRecord(id=self.source_id, label=Label.SOURCE, name=self.path.name,
                          props={"kind": kind, "path": str(self.path), **props})


class Ingester(Protocol):
    """An ingester turns one kind of file into node and edge records."""

    name: str

    def accepts(self, path: Path, head: bytes) -> bool:
        """Return True when this ingester reads ``path``, whose first bytes are ``head``."""
        ...

    def read(self, ctx: IngestContext) -> Iterator[Record]:
        """Yield the records of ``ctx.path``; bad rows go to ``ctx.reject``."""
        ...


def source_id(path: Path) -> str:
    """Return the Source node id of a file: a hash of its content, so the same file
    from any path is one source and an edited file is a new one."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"source:{digest.hexdigest()[:20]}"


def remove_stale(path: Path) -> None:
    """Remove the regular file at ``path`` if there is one (a rejects or warnings file
    of an earlier run); a device or folder of that name is left alone. Raises
    :class:`OutputError` naming it when it cannot be removed."""
    try:
        if path.is_file():
            path.unlink()
    except OSError as exc:
        raise OutputError(f"{path}: cannot remove the previous run's file ({exc.strerror})") from None


def by_line(rejects: list[Reject]) -> list[Reject]:
    """Return ``rejects`` sorted by line within each file (and sheet), files and
    sheets in the order they first come, notes without a line after the lines of
    their file. Readers may reject a line before earlier ones (a text table's bad
    byte is found when its block is decoded, before the block's rows are split)."""
    files: dict[str, int] = {}
    sheets: dict[tuple[str, str | None], int] = {}
    for r in rejects:
        files.setdefault(r.path, len(files))
        sheets.setdefault((r.path, r.sheet), len(sheets))
    return sorted(rejects, key=lambda r: (files[r.path], sheets[r.path, r.sheet], r.line is None, r.line or 0))


def write_rejects(rejects: list[Reject], path: Path, what: str = "rejected rows") -> None:
    """Write ``rejects`` as CSV (file, line, reason, raw) to ``path``, every cell made
    :func:`spreadsheet_safe`, since these files are meant to be opened in a
    spreadsheet. On failure (a full disk) the partial file is removed and
    :class:`OutputError` names ``path``; ``what`` names the contents in that message."""
    try:
        # A BOM, so that Excel reads the Chinese as UTF-8 rather than the system code page.
        with open(path, "w", newline="", encoding="utf-8-sig", errors="backslashreplace") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "line", "reason", "raw"])
            for r in rejects:
                writer.writerow([spreadsheet_safe(r.path), "" if r.line is None else r.line,
                                 spreadsheet_safe(r.reason), spreadsheet_safe(r.raw)])
    except OSError as exc:
        try:
            if path.is_file():
                path.unlink()  # a file cut mid-row would pass for the whole list
        except OSError:
            pass
        raise OutputError(f"{path}: cannot write the {len(rejects)} {what} ({exc.strerror}); "
                          "what was read is in the store all the same") from None
