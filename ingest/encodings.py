"""Telling the text encoding of a list file: UTF-8 (with or without a BOM), UTF-16,
GB18030 (which reads GBK and GB2312 too), else charset-normalizer's guess."""

from __future__ import annotations

import codecs

from chaingraph.errors import InputError


def _trim_partial(head: bytes, encoding: str) -> bytes:
    """Cut a multi-byte character split at the end of ``head``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return head
    pending = decoder.getstate()[0]
    return head[: len(head) - len(pending)] if pending else head


def _mostly_common_hanzi(text: str) -> bool:
    """True when the CJK characters of ``text`` are nearly all in GB2312 (the common
    simplified characters), as real Chinese text is; mis-decoded bytes are not."""
    hanzi = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not hanzi:
        return True
    common = 0
    for ch in hanzi:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.9 * len(hanzi)


def _few(text: str) -> int:
    """How many undecodable bytes still leave a text in an encoding: a handful, or
    one in 200 characters (read the other way, Chinese gives an error nearly every
    character)."""
    return max(3, len(text) // 200)


def detect_encoding(head: bytes) -> str:
    """Return the encoding to read a text file whose first bytes are ``head``:
    ``utf-8-sig`` for a UTF-8 BOM, ``utf-16`` for a UTF-16 BOM, ``utf-8`` when the
    bytes are valid UTF-8, ``gb18030`` (which reads GBK and GB2312 too) when they are
    valid GB18030 and read as Chinese, else charset-normalizer's best guess.

    >>> detect_encoding("企业名称,城市".encode("gb18030")), detect_encoding(b"\\xef\\xbb\\xbfname")
    ('gb18030', 'utf-8-sig')
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        _trim_partial(head, "utf-8").decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    sample = _trim_partial(head, "gb18030")
    gb_text = sample.decode("gb18030", "replace")
    gb_errors = gb_text.count("\ufffd")
    if gb_errors <= _few(gb_text) and _mostly_common_hanzi(gb_text):
        return "gb18030"  # clean, or a stray bad byte in an otherwise Chinese GB file
    utf_text = _trim_partial(head, "utf-8").decode("utf-8", "replace")
    if utf_text.count("\ufffd") <= _few(utf_text):
        return "utf-8"  # UTF-8 with a stray bad byte: that row is rejected, not the file
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        raise InputError("cannot tell the text encoding; give it with --encoding")
    name = best.encoding.lower()
    return "gb18030" if name in ("gb2312", "gbk", "hz") else name


def check_encoding(name: str) -> str:
    """Return ``name`` as Python knows it, or raise :class:`InputError`."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None
