"""Connecting to Neo4j: where it is and who we are, from options or the environment,
with every error turned into one line that never holds the password.

Settings come from the options given, else ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``. Any URI scheme the official driver takes
works: ``bolt://`` and ``neo4j://`` (plain), ``bolt+s://`` and ``neo4j+s://`` (TLS,
for Aura and clusters), ``+ssc`` (self-signed certificates).

>>> s = Neo4jSettings("neo4j+s://x.databases.neo4j.io", "neo4j", "s3cret")
>>> "s3cret" in repr(s), s.safe_uri
(False, 'neo4j+s://x.databases.neo4j.io')
>>> Neo4jSettings("bolt://bob:pw@host:7687", "neo4j", "pw").safe_uri
'bolt://host:7687'
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from chaingraph.errors import Neo4jError

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Neo4jSettings:
    """Where Neo4j is (``uri``), the ``user`` and ``password``, and the ``database``
    (None: the server's default). The password never shows in ``repr``."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None

    @property
    def safe_uri(self) -> str:
        """Return the URI without any ``user:password@`` part."""
        parts = urlsplit(self.uri)
        host = parts.netloc.rsplit("@", 1)[-1]
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))

    def scrub(self, text: str) -> str:
        """Return ``text`` with the password (and the raw URI) replaced by stars."""
        if self.password:
            text = text.replace(self.password, "******")
        if self.uri != self.safe_uri:
            text = text.replace(self.uri, self.safe_uri)
        return text


def settings_from(uri: str | None = None, user: str | None = None, password: str | None = None,
                  database: str | None = None, env: Mapping[str, str] | None = None) -> Neo4jSettings:
    """Return the settings given, filling what is missing from ``env`` (default: the
    process environment); raise :class:`Neo4jError` when the URI or the password is
    missing or the URI's scheme is not one the driver takes."""
    env = os.environ if env is None else env
    uri = uri or env.get("NEO4J_URI")
    user = user or env.get("NEO4J_USERNAME") or env.get("NEO4J_USER") or "neo4j"
    password = password if password is not None else env.get("NEO4J_PASSWORD")
    database = database or env.get("NEO4J_DATABASE") or None
    if not uri:
        raise Neo4jError("no Neo4j URI: give --uri or set NEO4J_URI "
                         "(for a local server: eval \"$(scripts/neo4j-local start)\")")
    scheme = urlsplit(uri).scheme
    if scheme not in SCHEMES:
        safe = Neo4jSettings(uri, user, password or "").safe_uri
        raise Neo4jError(f"Neo4j URI {safe!r} has scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    if password is None:
        raise Neo4jError("no Neo4j password: set NEO4J_PASSWORD (or give --password)")
    return Neo4jSettings(uri, user, password, database)


def explain(exc: Exception, settings: Neo4jSettings) -> Neo4jError:
    """Return a :class:`Neo4jError` saying in one line what went wrong talking to
    Neo4j, without the password."""
    import neo4j.exceptions as ne

    where = settings.safe_uri
    if isinstance(exc, ne.AuthError):
        text = f"Neo4j at {where} refused the credentials of user {settings.user!r}"
    elif isinstance(exc, ne.ServiceUnavailable):
        text = f"cannot reach Neo4j at {where} ({_first_line(exc)})"
    elif isinstance(exc, ne.ConfigurationError):
        text = f"cannot use Neo4j at {where}: {_first_line(exc)}"
    elif isinstance(exc, ne.Neo4jError):
        code = getattr(exc, "code", None) or "error"
        text = f"Neo4j refused the statement ({code}): {getattr(exc, 'message', None) or _first_line(exc)}"
    elif isinstance(exc, ne.DriverError):
        text = f"Neo4j at {where}: {type(exc).__name__}: {_first_line(exc)}"
    else:
        text = f"Neo4j at {where}: {_first_line(exc)}"
    return Neo4jError(settings.scrub(" ".join(text.split())))


def quiet_driver_logs() -> None:
    """Keep the neo4j driver's own log records (each failed connection, each retry)
    off stderr: what went wrong reaches the user as one :class:`Neo4jError` line.
    Takes and returns nothing; ``--debug`` leaves them on."""
    logger = logging.getLogger("neo4j")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@contextmanager
def open_driver(settings: Neo4jSettings, verify: bool = True) -> Iterator["neo4j.Driver"]:  # noqa: F821
    """Yield a connected ``neo4j.Driver`` for ``settings`` and close it afterwards;
    with ``verify``, check first that the server answers and takes the credentials.
    Driver errors raised inside the block come out as :class:`Neo4jError`."""
    import neo4j
    import neo4j.exceptions as ne

    try:
        driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                            user_agent="chaingraph", notifications_min_severity="OFF")
    except (ne.ConfigurationError, ValueError) as exc:
        raise explain(exc, settings) from None
    try:
        if verify and not driver.verify_authentication():
            raise ne.AuthError("authentication failed")
        yield driver
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise explain(exc, settings) from None
    finally:
        driver.close()

