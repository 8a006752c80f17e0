"""JSON Lines of already-typed node and edge records.

One JSON object a line: ``{"kind": "node", "id", "label", "name", "props",
"aliases", "evidence"}`` or ``{"kind": "edge", "type", "src", "dst", "props",
"evidence"}``. Every record also gets evidence pointing at its own line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from chaingraph.errors import InputError
from chaingraph.files import first_json_object, parse_json_line
from chaingraph.model import EdgeRecord, Evidence, NodeRecord, Record
from chaingraph.ingest.base import IngestContext


def record_from_dict(data: dict, default_evidence: Evidence) -> Record:
    """Return the node or edge record ``data`` describes, with ``default_evidence``
    added; raise :class:`InputError` when it is malformed."""
    kind = data.get("kind")
    props = data.get("props") or {}
    if not isinstance(props, dict):
        raise InputError("'props' must be an object")
    evidence = [Evidence.from_dict(e) for e in data.get("evidence") or []]
    evidence.append(default_evidence)
    if kind == "node":
        for key in ("id", "label", "name"):
            if not data.get(key):
                raise InputError(f"node record without {key!r}")
        aliases = data.get("aliases") or []
        if not isinstance(aliases, list):
            raise InputError("'aliases' must be a list")
        return NodeRecord(id=str(data["id"]), label=data["label"], name=str(data["name"]), props=props,
                          evidence=evidence, aliases=[str(a) for a in aliases])
    if kind == "edge":
        for key in ("type", "src", "dst"):
            if not data.get(key):
                raise InputError(f"edge record without {key!r}")
        return EdgeRecord(type=data["type"], src=str(data["src"]), dst=str(data["dst"]), props=props,
                          evidence=evidence)
    raise InputError(f"'kind' must be 'node' or 'edge', not {kind!r}")


class RecordsIngester:
    """Reads JSON Lines of typed records (see the module docstring)."""

    name = "records-jsonl"

    def accepts(self, path: Path, head: bytes) -> bool:
        """Take ``.jsonl``/``.ndjson`` files whose first object has kind node or edge."""
        if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
            return False
        first = first_json_object(head)
        return bool(first) and first.get("kind") in ("node", "edge")

    def read(self, ctx: IngestContext) -> Iterator[Record]:
        """Yield one record per good line; reject malformed lines with their number."""
        yield ctx.source_node("records")
        with open(ctx.path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                    data = parse_json_line(text)
                    if not isinstance(data, dict):
                        raise InputError("a line must hold one JSON object")
                    yield record_from_dict(data, ctx.evidence(row=number))
                except UnicodeDecodeError as exc:
                    ctx.reject(number, f"not UTF-8 ({exc.reason} at byte {exc.start})", repr(raw[:200]))
                except json.JSONDecodeError as exc:
                    ctx.reject(number, f"malformed JSON: {exc.msg} (column {exc.colno})", raw[:200].decode("utf-8", "replace"))
                except RecursionError:
                    ctx.reject(number, "JSON nested too deeply", raw[:200].decode("utf-8", "replace"))
                except InputError as exc:
                    ctx.reject(number, str(exc), raw[:200].decode("utf-8", "replace"))
                except (TypeError, ValueError, AttributeError, KeyError) as exc:
                    # a value of the wrong type where the record format wants another
                    detail = " ".join(str(exc).split())[:120]
                    ctx.reject(number, f"malformed record ({type(exc).__name__}: {detail})",
                               raw[:200].decode("utf-8", "replace"))
