"""Reading Cypher text into tokens as Neo4j's Cypher 5 parser does, so that a check on
the words of a statement sees the words the server will run.

What the server does, and this module copies:

* ``\\uXXXX`` escapes are replaced by their character *before* the text is split into
  tokens, anywhere in the text (as in Java source): ``\\u0027`` ends a string and
  ``\\u002a/`` ends a comment. A backslash preceded by an odd number of backslashes
  does not start one, and ``\\u`` without four hex digits is a syntax error.
* ``//`` comments run to ``\\n`` or ``\\r`` (not to U+2028, U+2029 or U+0085);
  ``/* */`` comments do not nest.
* Strings are quoted with ``'`` or ``"``; a backslash escapes whatever follows it.
* Names may be quoted with backticks, a doubled backtick standing for one.

>>> [t.text for t in tokens("MATCH (n {name: 'a//b'}) /* x */ RETURN n.`we``ird` // end")]
['MATCH', '(', 'n', '{', 'name', ':', 'a//b', '}', ')', 'RETURN', 'n', '.', 'we`ird']
>>> [t.text for t in tokens("RETURN 1 // note\\rLOAD/**/CSV")]
['RETURN', '1', 'LOAD', 'CSV']
>>> decode_escapes("RETURN 'a\\\\u0027 + 1")
"RETURN 'a' + 1"
>>> [(t.kind, t.text) for t in tokens("RETURN $p, $`q r`, 1.5e3")]
[('word', 'RETURN'), ('param', 'p'), ('symbol', ','), ('param', 'q r'), ('symbol', ','), ('number', '1.5e3')]
>>> tokens("RETURN 'open")
Traceback (most recent call last):
...
chaingraph.errors.InputError: an unterminated string
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chaingraph.errors import InputError

# Where the server ends a // comment, and a wider set (the line terminators of Unicode
# and JavaScript) a lexer of another Cypher version might also end one at.
SERVER_LINE_ENDS = "\n\r"
WIDE_LINE_ENDS = "\n\r\u2028\u2029\x85"

_ESCAPE = re.compile(r"\\+u")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_NUMBER = re.compile(r"[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9_]+)?")


@dataclass(frozen=True)
class Token:
    """One token: ``kind`` is ``word`` (a bare name or keyword), ``name`` (a
    backtick-quoted name, unquoted), ``string`` (its content as written, escapes
    kept), ``param`` (the name after ``$``), ``number`` or ``symbol`` (one
    character); ``text`` is that value and ``start`` its offset in the text."""

    kind: str
    text: str
    start: int


def decode_escapes(text: str) -> str:
    """Return ``text`` with its ``\\uXXXX`` escapes replaced by their characters, as
    the server does before reading tokens; raise :class:`InputError` for a ``\\u``
    without four hex digits (the server refuses those too)."""
    out = []
    pos = 0
    for m in _ESCAPE.finditer(text):
        slashes = len(m.group()) - 1
        if slashes % 2 == 0:
            # an escaped backslash before the u: not an escape
            continue
        hex_digits = _HEX4.match(text, m.end())
        if not hex_digits:
            raise InputError("a \\u escape without four hex digits")
        out.append(text[pos:m.end() - 2])
        out.append(chr(int(hex_digits.group(), 16)))
        pos = hex_digits.end()
    out.append(text[pos:])
    return "".join(out)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def tokens(text: str, line_ends: str = SERVER_LINE_ENDS) -> list[Token]:
    """Return the tokens of ``text`` (escapes already decoded, see
    :func:`decode_escapes`), comments and white space left out; a ``//`` comment
    ends at any character of ``line_ends``. Raise :class:`InputError` for a string,
    quoted name or ``/*`` comment that is never closed."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            i += 2
            while i < n and text[i] not in line_ends:
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise InputError("an unterminated /* comment")
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise InputError("an unterminated string")
            out.append(Token("string", text[i + 1:j], i))
            i = j + 1
        elif ch == "`":
            start = i
            name, i = _quoted_name(text, i)
            out.append(Token("name", name, start))
        elif ch == "$":
            start = i
            i += 1
            if i < n and text[i] == "`":
                name, i = _quoted_name(text, i)
            else:
                j = i
                while j < n and _word_char(text[j]):
                    j += 1
                name, i = text[i:j], j
            out.append(Token("param", name, start))
        elif "0" <= ch <= "9":
            # digits, a fraction and an exponent only: letters right after a number
            # are read as a word of their own, which can only find more to check
            m = _NUMBER.match(text, i)
            out.append(Token("number", m.group(), i))
            i = m.end()
        elif _word_char(ch):
            j = i
            while j < n and _word_char(text[j]):
                j += 1
            out.append(Token("word", text[i:j], i))
            i = j
        else:
            out.append(Token("symbol", ch, i))
            i += 1
    return out


def _quoted_name(text: str, i: int) -> tuple[str, int]:
    """Return the backtick-quoted name starting at ``text[i]`` (unquoted) and the
    offset after it."""
    parts = []
    j = i + 1
    while True:
        end = text.find("`", j)
        if end < 0:
            raise InputError("an unterminated `quoted name`")
        parts.append(text[j:end])
        if text.startswith("``", end):
            parts.append("`")
            j = end + 2
        else:
            return "".join(parts), end + 1
