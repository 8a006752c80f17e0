"""Benchmarks: ``python -m bench run [NAME...]`` prints each one's time and peak memory.

A benchmark is a function in a ``bench/bench_*.py`` module decorated with
:func:`benchmark`; it does its own setup, times the part that matters with
:class:`Timer`, and returns a dict of figures (``seconds`` at least).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

BENCHMARKS: dict[str, Callable[..., dict[str, Any]]] = {}


def benchmark(name: str) -> Callable:
    """Register the decorated function as benchmark ``name``."""
    def register(func: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        BENCHMARKS[name] = func
        return func
    return register


class Timer:
    """A context manager that measures wall-clock seconds in ``.seconds``."""

    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
