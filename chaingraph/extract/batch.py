"""Extracting many files without a store: what ``chaingraph extract`` prints.
Files that cannot be read (empty, binary, undecodable, too large) and bad JSON Lines
lines are reported with their name and skipped; the rest go on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaingraph.errors import InputError
from chaingraph.files import looks_binary, read_head, walk_files
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
    hidden files left out) and a skipped entry for each path that is missing, not
    a regular file, or a folder that cannot be read."""
    files, problems = walk_files(paths)
    return files, [{"path": path, "line": None, "reason": reason} for path, reason in problems]


def extract_files(paths: Iterable[Path], on_file: Callable[[Path, int], None] | None = None,
                  names=None) -> BatchResult:
    """Extract every article in the files under ``paths``; return a :class:`BatchResult`.
    ``names`` (a :class:`~chaingraph.extract.names.KnownNames`, or None for the
    shipped ones) are the known names looked for.
    ``on_file(path, total)`` is called before each file. A file that fails in any
    way is a skipped entry with a one-line reason, and the next file goes on."""
    result = BatchResult()
    files, result.skipped = article_files(paths)
    for path in files:
        if on_file:
            on_file(path, len(files))
        done = len(result.articles)
        try:
            head = read_head(path)
            if head.strip() and path.suffix.lower() not in TEXT_SUFFIXES and not is_article_file(path, head):
                if looks_binary(head):
                    raise InputError("binary file, not an article", str(path))
                result.skipped.append({"path": str(path), "line": None, "error": False,
                                       "reason": "not an article file (.txt, .md, .html, or JSON Lines with 'text')"})
                continue
            for article in read_articles(path):
                if isinstance(article, InputError):
                    result.skipped.append({"path": str(path), "line": article.line,
                                           "reason": str(article).split(": ", 1)[-1]})
                    continue
                result.articles.append(extract_article(article, names).to_dict())
        except MemoryError:
            raise
        except InputError as exc:
            result.skipped.append({"path": str(path), "line": None,
                                   "reason": str(exc).removeprefix(f"{path}: ")})
        except OSError as exc:
            result.skipped.append({"path": str(path), "line": None, "reason": f"cannot read: {exc.strerror}"})
        except RecursionError:
            del result.articles[done:]
            result.skipped.append({"path": str(path), "line": None, "reason": "nested too deeply to read"})
        except Exception as exc:  # any fault of one file's reading costs that file, not the run
            del result.articles[done:]  # a file is shown whole or not at all
            detail = " ".join(str(exc).split())[:200]
            result.skipped.append({"path": str(path), "line": None,
                                   "reason": f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''})"})
    return result
