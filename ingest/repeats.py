"""Firms a list gives on more than one row (the same code, or the same name and
place, twice): the rows are merged into one firm, and the list's reader is told.

While a list is read, :class:`RepeatFilter` notes every firm id in a fixed-size bit
table (hash bits, not the ids), so memory stays the same however long the list; an
id whose bit is already set is a candidate. Afterwards :func:`report_repeats` asks
the store for each candidate's evidence (one look-up by id) and warns about those
with more than one row of the list; a candidate that merely shared a bit has one
row and says nothing.

>>> seen = RepeatFilter(bits=1 << 16)
>>> for fid in ["firm:a", "firm:b", "firm:a", "firm:c"]:
...     seen.add(fid)
>>> "firm:a" in seen.candidates, "firm:b" in seen.candidates
(True, False)
"""

from __future__ import annotations

from chaingraph.model import Label
from chaingraph.ingest.base import IngestContext
from chaingraph.store import Store

#: Bits of the table for a list of any length: 16 MiB; about one id in a hundred of a
#: ten-million-row list is a candidate by chance, and the store checks it.
MAX_BITS = 1 << 27


class RepeatFilter:
    """Notes firm ids; ``candidates`` holds every id that may have been noted before."""

    def __init__(self, bits: int = MAX_BITS):
        self.mask = bits // 8 - 1  # bits is a power of two
        self.table = bytearray(bits // 8)
        self.candidates: set[str] = set()

    def add(self, fid: str) -> None:
        """Note ``fid``; make it a candidate when its bit was already set."""
        h = hash(fid)
        at, bit = (h >> 3) & self.mask, 1 << (h & 7)
        if self.table[at] & bit:
            self.candidates.add(fid)
        else:
            self.table[at] |= bit


def bits_for(size: int) -> int:
    """Return a table size in bits for a list file of ``size`` bytes: the power of
    two at or above ``8 * size`` (a thousand bits or more a row, so about one id in
    a thousand is a candidate by chance), within 2**16 and :data:`MAX_BITS`."""
    bits = 1 << 16
    while bits < 8 * size and bits < MAX_BITS:
        bits <<= 1
    return bits


def report_repeats(ctx: IngestContext, store: Store, candidates: set[str]) -> None:
    """Warn about each candidate firm that ``store`` has (once the list is written)
    from more than one row of this list (direct readings, not inferred ones), in
    order of id."""
    for owner in sorted(candidates):
        lines = sorted({ev.row for ev in store.evidence(owner)
                        if ev.source == ctx.source_id and ev.row is not None and ev.row >= 0 and not ev.note})
        if len(lines) < 2:
            continue
        node = store.get_node(owner)  # its names; slower than the evidence alone
        if node is None or node.label is not Label.FIRM:
            continue
        names = sorted({node.name, *node.aliases})
        ctx.warn(lines[0], f"{owner} is given on rows {','.join(map(str, lines))} ({' / '.join(names[:4])}); "
                           "merged into one firm")
