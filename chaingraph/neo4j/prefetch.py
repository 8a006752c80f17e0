"""A background thread that fills an iterator ahead of its consumer, so building
the next batch of a load overlaps with the server working on the current one."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any


class _Failed:
    def __init__(self, exc: BaseException):
        self.exc = exc


@contextmanager
def prefetched(items: Iterable[Any], depth: int = 2) -> Iterator[Iterator[Any]]:
    """Yield an iterator over ``items`` that a background thread fills ``depth``
    ahead, so that building the next batch overlaps with the server working on the
    current one. Leaving the block early stops the thread."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in items:
                if not put(item):
                    break
            else:
                put(done)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            put(_Failed(exc))
        finally:
            close = getattr(items, "close", None)
            if close:
                close()

    worker = threading.Thread(target=run, name="chaingraph-prefetch", daemon=True)
    worker.start()

    def consume() -> Iterator[Any]:
        while True:
            item = box.get()
            if item is done:
                return
            if isinstance(item, _Failed):
                raise item.exc
            yield item

    try:
        yield consume()
    finally:
        stop.set()
        while worker.is_alive():
            try:
                box.get(timeout=0.1)
            except queue.Empty:
                pass
        worker.join()
