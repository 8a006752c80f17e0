"""The exceptions chaingraph raises; each carries a message meant for the user."""

from __future__ import annotations


class ChainGraphError(Exception):
    """Root of every error chaingraph reports to its users."""


class InputError(ChainGraphError):
    """A file or value given by the user cannot be read or is malformed."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class StoreError(ChainGraphError):
    """The embedded store cannot be opened, is of an unknown version, or a write failed."""


class OutputError(ChainGraphError):
    """A file chaingraph writes beside its results (the rejected rows, say) cannot be written."""


class NotFoundError(ChainGraphError):
    """A node, chain, region or query the user named does not exist."""


class Neo4jError(ChainGraphError):
    """Neo4j cannot be reached, refused the credentials, or rejected a statement."""


class ExtractionError(ChainGraphError):
    """An article could not be processed by the extractor."""
