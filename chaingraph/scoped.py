"""Interpreter settings that speed up one block of work, changed for that block only
and restored when it ends, whatever way it ends: the cyclic garbage collector
paused, and a shorter thread switch interval. Both are process-wide while the block
runs, so the library uses them only around its own bulk loops.

>>> import gc, sys
>>> before = (gc.isenabled(), sys.getswitchinterval())
>>> with gc_paused(), thread_switches(0.001):
...     (gc.isenabled(), sys.getswitchinterval())
(False, 0.001)
>>> (gc.isenabled(), sys.getswitchinterval()) == before
True
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector within the block (as it was before, after
    it): while millions of small dicts and records are made, none holding a cycle,
    its repeated passes over them cost time and find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def thread_switches(interval: float) -> Iterator[None]:
    """Within the block, let Python hand the interpreter lock between threads every
    ``interval`` seconds at most (the default is 5 ms), restored afterwards: a thread
    that waits on I/O then gets it back soon after its reply instead of queueing
    behind the busy thread."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
