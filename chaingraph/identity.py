"""Stable identity: normalised names and the node ids built from them.

The same firm from two files or two runs must get the same id. A unified social
credit code or a stock code wins where given; otherwise the id is the normalised
name (legal suffixes, case, full-width forms and whitespace removed) plus the place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from chaingraph.gazetteer import gazetteer
from chaingraph.model import Label

_ZH_SUFFIXES = [
    "集团股份有限公司", "集团有限责任公司", "集团有限公司", "股份有限公司", "有限责任公司",
    "控股有限公司", "有限公司", "股份公司", "集团公司", "控股集团", "集团", "公司",
]
_EN_SUFFIXES = [
    "co ltd", "co limited", "company limited", "company ltd", "corporation limited",
    "limited", "ltd", "inc", "incorporated", "corp", "corporation", "company", "co",
    "group", "holdings", "holding", "plc", "llc", "joint stock", "stock", "shares",
    "sa", "ag", "gmbh",
]
# Suffixes are found by set lookups on the text's tail (Chinese) or its last one or
# two words (English, every suffix being at most two words): a regex search per layer
# cost more than the rest of name_key together.
_ZH_SUFFIX_SET = frozenset(_ZH_SUFFIXES)
# Longest first, so that "集团股份有限公司" is taken whole rather than as "公司".
_ZH_SUFFIX_LENGTHS = sorted({len(x) for x in _ZH_SUFFIXES}, reverse=True)
_EN_SUFFIX_WORDS = frozenset(x for x in _EN_SUFFIXES if " " not in x)
_EN_SUFFIX_PAIRS = frozenset(x for x in _EN_SUFFIXES if x.count(" ") == 1)
_ZH_SUFFIX_LAST = frozenset(x[-1] for x in _ZH_SUFFIXES)
_PUNCT = re.compile(r"[\s\"'`.,;:!?()\[\]{}<>《》“”‘’、，。；：！？（）【】&/\\|+_·•-]+")
_BRACKETED_GROUP = re.compile(r"[(（]\s*(集团|控股|group|holdings?)\s*[)）]", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _char_class(chars: list[str]) -> str:
    """Return a regex character class matching exactly ``chars``."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"


# Format characters (Unicode category Cf: zero-width spaces and joiners, bidi marks,
# embeddings, overrides and isolates, the BOM ...) are invisible: two names that
# differ only by them look the same, so keys leave them out.
# Written out rather than found with unicodedata at import (a tenth of a second); a
# test checks they are exactly the Cf characters of the running Python.
_FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
# What is taken out of a name shown to users: bidi controls, which can make a name
# read as another (an override reverses what follows), and zero-width spaces.
_HIDDEN_IN_NAMES = re.compile(_char_class(
    ["\u061c", "\u200b", "\u200e", "\u200f", "\u2060", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]))


def fold(text: str) -> str:
    """Return ``text`` with full-width forms made half-width (NFKC), case folded,
    format characters (category Cf: zero-width and bidi controls) removed and runs
    of whitespace collapsed to one space.

    >>> fold("ＳＡＮＹ　Heavy  Industry"), fold("Sa\u200bny\u202e")
    ('sany heavy industry', 'sany')
    """
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold() is lower() there
        return " ".join(text.lower().split())
    text = _FORMAT_CHARS.sub("", text)
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def clean_display_name(name: str) -> str:
    """Return ``name`` without the invisible characters that can disguise it (bidi
    embeddings, overrides, isolates and marks, zero-width spaces, the BOM), for a
    name stored and shown to users; other text is left as it is.

    >>> clean_display_name("\u202eAcme\u202c Co\u200b")
    'Acme Co'
    """
    if name.isascii():
        return name
    return _HIDDEN_IN_NAMES.sub("", name)


#: Names longer than this are cut to it when read; the full text is kept as the
#: node's ``full_name``. Registered Chinese firm names are under 60 characters and
#: English ones under 200: a longer "name" is a pasted paragraph or an attack.
MAX_NAME_CHARS = 300


def cap_name(name: str) -> tuple[str, str | None]:
    """Return ``(name, None)`` for a name of at most :data:`MAX_NAME_CHARS`
    characters, else ``(the name cut to that length, the full name)``."""
    if len(name) <= MAX_NAME_CHARS:
        return name, None
    return name[:MAX_NAME_CHARS].rstrip(), name


def strip_legal_suffixes(name: str) -> str:
    """Return ``name`` (already folded) without its legal-form suffixes, repeatedly,
    so that ``"X Group Co., Ltd."`` and ``"X股份有限公司"`` lose every layer.

    >>> strip_legal_suffixes("dongfeng motor group co., ltd.")
    'dongfeng motor'
    >>> strip_legal_suffixes("三一重工股份有限公司")
    '三一重工'
    """
    text = _BRACKETED_GROUP.sub("", name) if "(" in name or "（" in name else name
    if text.replace(" ", "").isalnum():  # no punctuation: skip the regex, the dearest step
        text = " ".join(text.split())
    else:
        text = _PUNCT.sub(" ", text).strip()
    while text:
        if text[-1] in _ZH_SUFFIX_LAST:
            # the longest Chinese suffix shorter than the whole text
            size = len(text)
            for length in _ZH_SUFFIX_LENGTHS:
                if length < size and text[-length:] in _ZH_SUFFIX_SET:
                    text = text[:-length].rstrip()
                    break
            else:
                break  # no English suffix ends in a Chinese character either
        else:
            # the longest English suffix with a word before it
            words = text.rsplit(" ", 2)
            if len(words) == 3 and f"{words[1]} {words[2]}" in _EN_SUFFIX_PAIRS:
                text = words[0]
            elif len(words) >= 2 and words[-1] in _EN_SUFFIX_WORDS:
                text = text[: -len(words[-1]) - 1]
            else:
                break
    return text


# The keys of recent names: an ingester computes a firm's key for its id, and the
# store needs it again for the names table a moment later. Emptied when full.
_RECENT_KEYS: dict[str, str] = {}
_RECENT_LIMIT = 100_000


def name_key(name: str) -> str:
    """Return the key two surface forms of one organisation share: folded, without
    legal suffixes or punctuation. Chinese keys have no spaces at all.

    >>> name_key("Sany Heavy Industry Co., Ltd.") == name_key("SANY HEAVY INDUSTRY")
    True
    >>> name_key("中联重科股份有限公司")
    '中联重科'
    """
    key = _RECENT_KEYS.get(name)
    if key is None:
        key = strip_legal_suffixes(fold(name))
        if not key.isascii() and _CJK.search(key):
            key = key.replace(" ", "")
        if len(_RECENT_KEYS) >= _RECENT_LIMIT:
            _RECENT_KEYS.clear()
        _RECENT_KEYS[name] = key
    return key


def has_cjk(text: str) -> bool:
    """Return True when ``text`` contains a Chinese character."""
    return bool(_CJK.search(text))


_STOCK = re.compile(r"^\s*(\d{1,6})(?:\.(?:sh|sz|bj|ss))?\s*$", re.IGNORECASE)
_USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalise_stock_code(code: str) -> str | None:
    """Return a six-digit A-share code without exchange suffix, or None when ``code``
    is not one.

    >>> normalise_stock_code("600031.SH"), normalise_stock_code("31"), normalise_stock_code("abc")
    ('600031', '000031', None)
    """
    match = _STOCK.match(str(code))
    return match.group(1).zfill(6) if match else None


def normalise_credit_code(code: str) -> str | None:
    """Return an 18-character unified social credit code in upper case, or None when
    ``code`` does not have that form."""
    text = fold(str(code)).upper().replace(" ", "")
    return text if _USCC.match(text) else None


def firm_id(name: str, *, credit_code: str | None = None, stock_code: str | None = None,
            place: str | None = None) -> str:
    """Return the stable id of a firm: by credit code, else stock code, else the name
    key plus the place key.

    >>> firm_id("三一重工股份有限公司", stock_code="600031.SH")
    'firm:stock:600031'
    >>> firm_id("Sany Heavy Industry Co., Ltd.", place="Changsha")
    'firm:name:sany heavy industry@长沙'
    """
    if credit_code and (code := normalise_credit_code(credit_code)):
        return f"firm:uscc:{code}"
    if stock_code and (code := normalise_stock_code(stock_code)):
        return f"firm:stock:{code}"
    key = name_key(name)
    if place:
        return f"firm:name:{key}@{place_key(place)}"
    return f"firm:name:{key}"


_PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "州", "县", "区", "盟")
_PLACE_EN_SUFFIXES = (" province", " city", " prefecture", " county", " district",
                      " autonomous region", " municipality", " state")


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """Return the key of a place name. A place the gazetteer knows (by full name,
    short name or pinyin) gets its Chinese short name, so 长沙, 长沙市 and Changsha
    are one place; any other name loses its administrative suffixes.

    >>> place_key("长沙市"), place_key("Changsha City"), place_key("Hunan Province")
    ('长沙', '长沙', '湖南')
    >>> place_key("广西壮族自治区"), place_key("Taizhou"), place_key("Atlantis City")
    ('广西', 'taizhou', 'atlantis')
    """
    place = gazetteer().canonical(name)
    if place is not None:
        return place.short
    key = fold(name).strip()
    for suffix in _PLACE_EN_SUFFIXES:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    for suffix in _PLACE_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
            break
    return key.replace(" ", "") if has_cjk(key) else key


def node_id(label: Label, name: str) -> str:
    """Return the id of a non-firm node from its label and name. Places use
    :func:`place_key`; other labels the organisation :func:`name_key`.

    >>> node_id(Label.CITY, "长沙市"), node_id(Label.CHAIN, "Construction Machinery")
    ('city:长沙', 'chain:construction machinery')
    """
    if label is Label.FIRM:
        return firm_id(name)
    key = place_key(name) if label in (Label.CITY, Label.PROVINCE) else name_key(name)
    return f"{label.value.lower()}:{key}"
