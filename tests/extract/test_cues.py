"""Cued patterns answer exactly as their plain patterns do, and skip text without cues."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import chaingraph.extract as extract_pkg
from chaingraph.extract.cues import CuedPattern, cued, required_strings

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?<=based )in", 0, ({"in"}, False)),  # a lookbehind's text may lie before the match: not used
    (r"(?:Co\.)?Ltd", 0, ({"Ltd"}, False)),  # an optional part gives nothing
    (r"a(?:bc|de)?f", 0, ({"a"}, False)),
    (r"(?i:Forum)|SUMMIT", 0, ({"forum", "summit"}, True)),  # one folded part folds every cue
    (r"x*y?", 0, None),
    (r"[a-z]+", 0, None),  # a range of 26 letters is no cue
    (r"(?!based)\w+", 0, None),  # a negative lookahead gives nothing
    (r"(ab|)c", 0, ({"c"}, False)),  # an empty branch spoils the alternation, not the sequence
])
def test_required_strings(pattern, flags, expected):
    found = required_strings(re.compile(pattern, flags))
    assert (None if found is None else (set(found[0]), found[1])) == expected


def test_folded_cues_find_what_ignore_case_matches():
    # Python pairs ſ with s, ı and İ with i, and K (Kelvin) with k when ignoring case
    p = cued(r"based in|kelvin", re.IGNORECASE)
    assert isinstance(p, CuedPattern)
    for text in ("BASED IN Wuxi", "baſed in Wuxi", "baſed ın Wuxi", "\u212aELVIN", "İn based in"):
        assert bool(p.search(text)) == bool(re.search(r"based in|kelvin", text, re.IGNORECASE)), text


def test_the_gate_skips_text_without_cues():
    class Counting:
        """A pattern that counts how often it runs."""
        flags, pattern, runs = 0, "based", 0

        def search(self, *args):
            Counting.runs += 1
            return re.search("based", args[0])

    p = CuedPattern(Counting(), frozenset({"based"}), False)
    assert p.search("Acme makes pumps") is None and Counting.runs == 0
    assert p.search("Acme, based in Wuxi") is not None and Counting.runs == 1


def test_pos_and_endpos_bound_the_cue_test():
    p = cued(r"based")
    assert p.search("based here", 1) is None and re.search("based", "based here"[1:]) is None
    assert p.search("xx based", 0, 5) is None
    assert p.search("xx based", 0, 8).span() == (3, 8)
    assert p.match("a based", 2).span() == (2, 7)
    # a negative pos is 0 to re, not a count from the end as it is to str.find
    assert p.search("based in Wuxi", -3).span() == re.search("based", "based in Wuxi").span()
    assert p.search("based in Wuxi", 0, -3) is None and re.compile("based").search("based in Wuxi", 0, -3) is None


def _texts() -> list[str]:
    texts = []
    for path in sorted(ARTICLES.iterdir()):
        if path.is_file() and path.suffix == ".txt":
            raw = path.read_text(encoding="utf-8", errors="replace")
            texts.append(raw)
            texts += [line for line in raw.splitlines() if line.strip()]
    return texts


def _cued_patterns() -> list[tuple[str, CuedPattern]]:
    out = []
    for info in pkgutil.iter_modules(extract_pkg.__path__):
        module = importlib.import_module(f"chaingraph.extract.{info.name}")
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for i, item in enumerate(values):
                for part in item if isinstance(item, tuple) else (item,):
                    if isinstance(part, CuedPattern):
                        out.append((f"{info.name}.{name}[{i}]", part))
    return out


def test_the_package_cues_patterns():
    names = {n.split("[")[0] for n, _p in _cued_patterns()}
    assert {"en_roles._HEADQUARTERED", "clean._LINE_RULES", "lexicon.SUPPLY_RE"} <= names


@pytest.mark.parametrize("name, pattern", _cued_patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_cued_pattern_answers_as_its_plain_pattern(name, pattern):
    plain = pattern._re
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in (0, len(text) // 3):
            a, b = pattern.search(text, pos), plain.search(text, pos)
            assert (a and a.span()) == (b and b.span())
            a, b = pattern.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span())
