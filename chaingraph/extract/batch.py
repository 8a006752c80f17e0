"""Extracting many files without a store: what ``chaingraph extract`` prints.
Files that cannot be read (empty, binary, undecodable, too large) and bad JSON Lines
lines are reported with their name and skipped; the rest go on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError
from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import TEXT_SUFFIXES, is_article_file, read_articles


@dataclass
class BatchResult:
    """The extractions (as dicts in the gold shape plus evidence) and what was skipped
    (``{"path", "line", "reason"}``, with ``"error": False`` for files that are simply
    not articles)."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        """One row per entity, relation, fact and removed line, for tables and CSV."""
        out = []
        for art in self.articles:
            names = {e["id"]: e["name"] for e in art["entities"]}
            for e in art["entities"]:
                extra = f" ({e['province']})" if e.get("province") else ""
                out.append({"article": art["article"], "item": e["type"], "id": e["id"],
                            "detail": e["name"] + extra + (f"; aka {', '.join(e['aliases'])}" if e["aliases"] else "")})
            for r in art["relations"]:
                out.append({"article": art["article"], "item": r["type"], "id": "",
                            "detail": f"{names.get(r['head'])} -> {names.get(r['tail'])}"})
            for f in art["facts"]:
                more = f" {f['currency']}" if f.get("currency") else (f" {f['of']}" if f.get("of") else "")
                out.append({"article": art["article"], "item": f["kind"], "id": f["event"],
                            "detail": f"{f['value']}{more}"})
            for r in art["removed"]:
                out.append({"article": art["article"], "item": "removed", "id": f"line {r['line']}",
                            "detail": f"{r['reason']}: {r['text']}"})
        for s in self.skipped:
            where = s["path"] + (f":{s['line']}" if s.get("line") else "")
            out.append({"article": where, "item": "skipped", "id": "", "detail": s["reason"]})
        return out


def article_files(paths: Iterable[Path]) -> tuple[list[Path], list[dict[str, Any]]]:
    """Return the files under ``paths`` (directories walked recursively, sorted,
    hidden files left out) and a skipped entry for each path that is missing or not
    a regular file."""
    files: list[Path] = []
    skipped: list[dict[str, Any]] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            skipped.append({"path": str(path), "line": None, "reason": "not a regular file"})
        else:
            skipped.append({"path": str(path), "line": None, "reason": "no such file or directory"})
    return files, skipped


def extract_files(paths: Iterable[Path], on_file: Callable[[Path, int], None] | None = None) -> BatchResult:
    """Extract every article in the files under ``paths``; return a :class:`BatchResult`.
    ``on_file(path, total)`` is called before each file."""
    result = BatchResult()
    files, result.skipped = article_files(paths)
    for path in files:
        if on_file:
            on_file(path, len(files))
        try:
            with open(path, "rb") as handle:
                head = handle.read(65536)
            if head.strip() and path.suffix.lower() not in TEXT_SUFFIXES and not is_article_file(path, head):
                if b"\x00" in head[:8192]:
                    raise InputError("binary file, not an article", str(path))
                result.skipped.append({"path": str(path), "line": None, "error": False,
                                       "reason": "not an article file (.txt, .md, .html, or JSON Lines with 'text')"})
                continue
            for article in read_articles(path):
                if isinstance(article, InputError):
                    result.skipped.append({"path": str(path), "line": article.line,
                                           "reason": str(article).split(": ", 1)[-1]})
                    continue
                result.articles.append(extract_article(article).to_dict())
        except InputError as exc:
            result.skipped.append({"path": str(path), "line": None,
                                   "reason": str(exc).removeprefix(f"{path}: ")})
        except OSError as exc:
            result.skipped.append({"path": str(path), "line": None, "reason": f"cannot read: {exc.strerror}"})
    return result
