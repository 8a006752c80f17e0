"""Finding and sniffing input files, shared by ``ingest`` and ``extract``: walking
directories (reporting the ones that cannot be read), reading the head a file's
kind is judged from, and telling binary files from text with a stray NUL byte."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable
from typing import Any
from pathlib import Path

#: Bytes read to judge a file's kind.
HEAD_BYTES = 65536
#: Bytes of a JSON Lines file read at most looking for its first object.
FIRST_LINE_MAX = 20 * 1024 * 1024
#: Lines of a JSON Lines file read at most looking for its first object.
HEAD_LINES = 1000
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_SNIFF = 8192
# Bytes no text file holds, but binary ones are full of: C0 controls other than
# tab, newlines, form feed and escape.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")
# A \uD800-\uDFFF escape: JSON allows one alone, but no text can hold it, so the
# store (UTF-8) would refuse the whole batch it arrives in.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def read_head(path: Path) -> bytes:
    """Return the first :data:`HEAD_BYTES` bytes of the file at ``path``. For a JSON
    Lines file, whole lines instead: at least as many bytes, and on until a line
    reads as a JSON object (at most :data:`FIRST_LINE_MAX` bytes or
    :data:`HEAD_LINES` lines), so its kind is judged from a whole object however
    long, or however many broken lines come first. Raises ``OSError`` when the file
    cannot be read."""
    with open(path, "rb") as handle:
        if Path(path).suffix.lower() not in JSONL_SUFFIXES:
            return handle.read(HEAD_BYTES)
        head, lines, found = b"", 0, False
        while len(head) < FIRST_LINE_MAX and lines < HEAD_LINES and not (found and len(head) >= HEAD_BYTES):
            line = handle.readline(FIRST_LINE_MAX - len(head))
            if not line:
                break
            head += line
            lines += 1
            found = found or json_object(line) is not None
    return head


def json_object(line: bytes) -> dict | None:
    """Return ``line`` (bytes of one JSON Lines line) as a dict when it reads as a
    JSON object, else None (malformed, not UTF-8, an array, nested too deeply)."""
    line = line.removeprefix(codecs.BOM_UTF8).lstrip()
    if not line.startswith(b"{"):
        return None
    try:
        value = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return value if isinstance(value, dict) else None


def first_json_object(head: bytes) -> dict | None:
    r"""Return the first line of ``head`` that reads as a JSON object, or None. Lines
    that do not (malformed, an array, nested too deeply, cut at the end of the
    head) are passed over: their file's reader rejects them.

    >>> first_json_object(b'not json\n[1]\n{"kind": "node"}\n')
    {'kind': 'node'}
    """
    return next((v for v in map(json_object, head.splitlines()) if v is not None), None)


def parse_json_line(text: str) -> Any:
    r"""Return the JSON value of one line of a JSON Lines file. Raises
    ``json.JSONDecodeError`` for malformed JSON and for a lone surrogate escape
    (``"\ud800"``), which is not a character, and ``RecursionError`` for nesting
    deeper than Python's parser goes.

    >>> parse_json_line('{"name": "\\u4e09\\u4e00 \\ud83d\\ude00"}')
    {'name': '三一 😀'}
    >>> parse_json_line('{"name": "A\\ud800B"}')
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: a lone surrogate escape, not a character: line 1 column 12 (char 11)
    """
    value = json.loads(text)
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            where = next((m.start() for m in _SURROGATE_ESCAPE.finditer(text)
                          if not _is_pair(text, m.start())), 0)
            raise json.JSONDecodeError("a lone surrogate escape, not a character", text, where) from None
    return value


def _is_pair(text: str, start: int) -> bool:
    """True when the escape at ``start`` is half of a high-low surrogate pair."""
    try:
        first = json.loads(f'"{text[start:start + 12]}"')
    except ValueError:
        first = ""
    try:
        second = json.loads(f'"{text[start - 6:start + 6]}"') if start >= 6 else ""
    except ValueError:
        second = ""
    return any(len(s) == 1 and not 0xD800 <= ord(s) <= 0xDFFF for s in (first, second))


def looks_binary(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) is binary rather than text: it has
    a NUL byte and, in its first 8 KB, more than a stray control byte or two (one in
    a hundred). Text with a BOM of UTF-16 or UTF-32, full of NULs, is text.

    >>> looks_binary(b"name,city\\nA\\x00B,C\\n"), looks_binary(bytes(range(256)))
    (False, True)
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = head[:_SNIFF]
    if b"\x00" not in sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 2 + len(sample) // 100


def walk_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Return the files under ``paths`` (directories walked recursively, each one's
    files sorted, hidden files and folders left out, symbolic links to folders not
    followed) and ``(path, reason)`` for every path that is missing, not a regular
    file, or a folder that cannot be read."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for path in map(Path, paths):
        if path.is_dir():
            found: list[Path] = []

            def unreadable(exc: OSError) -> None:
                problems.append((exc.filename or str(path), f"cannot read the folder: {exc.strerror}"))

            for folder, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(Path(folder, n) for n in names
                             if not n.startswith(".") and Path(folder, n).is_file())
            files.extend(sorted(found))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append((str(path), "not a regular file"))
        else:
            problems.append((str(path), "no such file or directory"))
    return files, problems
