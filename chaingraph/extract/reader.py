"""Reading article files into :class:`Article` objects: plain text, Markdown, HTML
(main text taken out with trafilatura) and JSON Lines of ``{id, title, date, url,
text}``. Bytes are decoded as UTF-8, else as the encoding charset-normalizer finds
(GB18030 is common for Chinese sites); files that are empty, binary, undecodable or
larger than :data:`MAX_BYTES` raise :class:`~chaingraph.errors.InputError`, and
so does an article longer than :data:`MAX_ARTICLE_CHARS` characters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from chaingraph.errors import InputError
from chaingraph.files import first_json_object, looks_binary, parse_json_line

#: Files larger than this are refused: no article is this long.
MAX_BYTES = 20 * 1024 * 1024
#: An article whose text is longer than this is refused (the others of its file go
#: on): extraction time grows in step with an article's length, so this bounds the
#: time of one. The longest real reports run to a few hundred thousand characters.
MAX_ARTICLE_CHARS = 2_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass
class Article:
    """One article: ``name`` (file name, with ``#id`` for a JSON Lines record), its
    raw ``text`` (title first when known), an optional ``title``, ``date`` (the
    dateline, any format) and ``url``; ``line`` is the JSON Lines line number."""

    name: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    line: int | None = None


def decode_bytes(data: bytes, path: str) -> str:
    """Return ``data`` decoded: UTF-8 (with or without BOM), UTF-16 with a BOM, else
    the encoding charset-normalizer detects, trying GB18030 first for Chinese text.
    Raise :class:`InputError` naming ``path`` when the bytes are binary or no
    encoding fits.

    >>> decode_bytes("长沙".encode("gb18030"), "x.txt")
    '长沙'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 ({exc.reason} at byte {exc.start})", path) from None
    if looks_binary(data):
        raise InputError("binary file, not an article", path)
    # A stray NUL in a text file is damage, not content: it goes, the text stays.
    data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _looks_like_text(text):
            return text
    raise InputError("cannot decode the text (not UTF-8, GB18030 or another known encoding)", path)


def _looks_like_text(text: str) -> bool:
    """True when ``text`` is mostly letters, CJK, digits, punctuation and spaces."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(sample) < 0.01


def html_main_text(html: str) -> tuple[str, str | None, str | None]:
    """Return ``(main text, title, date)`` of an HTML page using trafilatura, offline.
    Falls back to all visible text when trafilatura finds no main part."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True, with_metadata=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    date = meta.date if meta is not None else None
    if not text.strip():
        from lxml import html as lxml_html

        try:
            text = lxml_html.fromstring(html).text_content()
        except Exception:  # noqa: BLE001 - lxml raises several kinds on junk
            text = ""
    return text, title, date


def is_article_jsonl(head: bytes) -> bool:
    """True when the first line of ``head`` that reads as a JSON object has a string
    ``text`` and no ``kind`` (typed records) — that is, it is a JSON Lines file of
    articles. Other lines are passed over (the reader rejects them with their number)."""
    first = first_json_object(head)
    return first is not None and isinstance(first.get("text"), str) and "kind" not in first


def is_article_file(path: Path, head: bytes) -> bool:
    """True for text, Markdown and HTML files and for JSON Lines whose first object
    has a ``text`` (and no ``kind``); binary heads are never articles."""
    if looks_binary(head):
        return False
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        return True
    return suffix in JSONL_SUFFIXES and is_article_jsonl(head)


def read_articles(path: Path) -> Iterator[Article]:
    """Yield the articles in the file at ``path``. A JSON Lines line that is not an
    article raises nothing: it is yielded as an :class:`InputError` instance in
    place of an article, so callers can report it and go on."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file", str(path))
    if size > MAX_BYTES:
        raise InputError(f"too large for an article ({size / 1e6:.0f} MB; the limit is "
                         f"{MAX_BYTES // 1024 // 1024} MB)", str(path))
    data = path.read_bytes()
    if not data.strip():
        raise InputError("empty file", str(path))
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(path, data)
        return
    text = decode_bytes(data, str(path))
    if suffix in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        body, title, date = html_main_text(text)
        if title and not body.lstrip().startswith(title.strip()):
            body = f"{title}\n\n{body}"
        _check_length(body, str(path))
        yield Article(name=path.name, text=body, title=title, date=date)
        return
    if not text.strip():
        raise InputError("empty file", str(path))
    _check_length(text, str(path))
    yield Article(name=path.name, text=text)


def _too_long(text: str, path: str, line: int | None = None) -> InputError | None:
    """Return the error for an article text over :data:`MAX_ARTICLE_CHARS`, else None."""
    if len(text) <= MAX_ARTICLE_CHARS:
        return None
    return InputError(f"article of {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}; "
                      "split it into smaller articles", path, line)


def _check_length(text: str, path: str) -> None:
    """Raise the error of :func:`_too_long` when there is one."""
    error = _too_long(text, path)
    if error is not None:
        raise error


def _jsonl_articles(path: Path, data: bytes) -> Iterator[Article | InputError]:
    text = decode_bytes(data, str(path))
    # Lines end at CR, LF or both, never at the other breaks str.splitlines knows
    # (U+2028 and the like), which JSON allows unescaped inside a string.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = parse_json_line(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", str(path), number)
            continue
        except RecursionError:
            yield InputError("JSON nested too deeply", str(path), number)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            yield InputError("not an article: needs a non-empty 'text'", str(path), number)
            continue
        title = str(item["title"]).strip() if item.get("title") else None
        body = item["text"]
        if title and not body.lstrip().startswith(title):
            body = f"{title}\n\n{body}"
        ident = str(item.get("id") or number)
        error = _too_long(body, str(path), number)
        if error is not None:
            yield error
            continue
        yield Article(name=f"{path.name}#{ident}", text=body, title=title,
                      date=str(item["date"]) if item.get("date") else None,
                      url=item.get("url"), line=number)
