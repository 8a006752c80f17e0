"""What the extraction tests share: extract a made-up article and list what it found
by type, as sorted names and sorted (head, tail) name pairs."""

from __future__ import annotations

from chaingraph.extract.pipeline import extract_article
from chaingraph.extract.reader import Article
from chaingraph.extract.result import Extraction


def extract_news(body: str, title: str = "News") -> Extraction:
    """Extract an article made of ``title`` and ``body`` (a blank line between)."""
    return extract_article(Article("a.txt", f"{title}\n\n{body}"))


def names(x: Extraction, kind: str) -> list[str]:
    """The sorted names of the entities of ``kind`` (a label's text) in ``x``."""
    return sorted(e.name for e in x.entities if e.type == kind)


def rels(x: Extraction, kind: str) -> list[tuple[str, str]]:
    """The sorted (head name, tail name) pairs of the relations of ``kind`` in ``x``."""
    name = {e.id: e.name for e in x.entities}
    return sorted((name[r.head], name[r.tail]) for r in x.relations if r.type == kind)
