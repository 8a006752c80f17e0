"""Article extraction: reading, cleaning, entity/relation/fact extraction and
scoring against gold files. :func:`extract_article` is the entry point."""

from chaingraph.extract.pipeline import extract_article

__all__ = ["extract_article"]
