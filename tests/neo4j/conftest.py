"""A real Neo4j for the Neo4j tests: started once per session by scripts/neo4j-local in
its own home under pytest's temporary directory, wiped before each test, stopped at
the end. Without Java or Maven the tests skip saying so; under CI (CI=true) they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chaingraph.neo4j.connect import Neo4jSettings, open_driver
from chaingraph.store import Store

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "neo4j-local"
DATA = ROOT / "tests" / "data" / "neo4j"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Neo4j tests cannot run under CI: {reason}")
    pytest.skip(f"Neo4j tests skipped: {reason}")


def parse_exports(text: str) -> dict[str, str]:
    """Return the NAME=value pairs of ``export`` lines printed by neo4j-local start."""
    return dict(re.findall(r"^export (\w+)=(\S+)$", text, re.M))


def local_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for running scripts/neo4j-local on a server kept in ``home``."""
    env = dict(os.environ, NEO4J_LOCAL_HOME=str(home), NEO4J_LOCAL_HEAP="1g",
               NEO4J_LOCAL_PAGECACHE="256m", NEO4J_LOCAL_WATCH_PID=str(os.getpid()))
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """Start a Neo4j for this session; yield (settings, home). Stops it afterwards."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        _unavailable(f"{' and '.join(missing)} not installed (needed to fetch and run Neo4j)")
    home = tmp_path_factory.mktemp("neo4j-home")
    env = local_env(home)
    started = subprocess.run([str(SCRIPT), "start"], capture_output=True, text=True, env=env, timeout=900)
    if started.returncode != 0:
        message = started.stderr.strip().splitlines()[-1:] or ["no message"]
        if "cannot reach Maven Central" in message[0]:
            _unavailable(message[0])
        pytest.fail(f"scripts/neo4j-local start failed: {message[0]}")
    exports = parse_exports(started.stdout)
    settings = Neo4jSettings(exports["NEO4J_URI"], exports["NEO4J_USERNAME"], exports["NEO4J_PASSWORD"])
    try:
        yield settings, home, started.stdout
    finally:
        subprocess.run([str(SCRIPT), "stop"], capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture
def neo4j_settings(neo4j_server) -> Neo4jSettings:
    """Settings of the session's Neo4j, its database emptied first."""
    settings = neo4j_server[0]
    with open_driver(settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    return settings


@pytest.fixture
def neo4j_driver(neo4j_settings):
    """A driver on the session's Neo4j, its database emptied first."""
    with open_driver(neo4j_settings) as driver:
        yield driver


@pytest.fixture
def neo4j_env(neo4j_settings) -> dict[str, str]:
    """The environment chaingraph commands use to reach the session's Neo4j."""
    return dict(os.environ, NEO4J_URI=neo4j_settings.uri, NEO4J_USERNAME=neo4j_settings.user,
                NEO4J_PASSWORD=neo4j_settings.password)


@pytest.fixture
def graph_store(tmp_path):
    """A store holding the fixture graph tests/data/neo4j/graph.jsonl."""
    from chaingraph.ingest import ingest_paths
    from chaingraph.ingest.base import IngestOptions

    with Store(tmp_path / "graph.db") as store:
        report = ingest_paths([DATA / "graph.jsonl"], store, IngestOptions(),
                              rejects_path=tmp_path / "rejects.csv")
        assert not report.rejects, report.rejects
        yield store


@pytest.fixture(scope="session")
def planted(neo4j_server):
    """A secret planted where the session's server could read it: in its home and
    under /tmp, and another in its import directory (the one place LOAD CSV may
    read). Yields (secret, secret in the import directory, {place: file:/// URL}):
    the "import" URL is relative to the import directory, "up" climbs out of it and
    the others are absolute."""
    import secrets

    home = neo4j_server[1]
    secret = "planted-" + secrets.token_hex(12)
    inside = "imported-" + secrets.token_hex(12)
    outside = Path(f"/tmp/chaingraph-planted-{secrets.token_hex(6)}.csv")  # its name is not the secret
    (home / "import").mkdir(exist_ok=True)
    for path in (home / "planted.csv", outside):
        path.write_text(f"{secret},x\n")
    (home / "import" / "planted.csv").write_text(f"{inside},x\n")
    urls = {"home": f"file://{home}/planted.csv", "tmp": f"file://{outside}",
            "up": "file:///../planted.csv", "import": "file:///planted.csv"}
    try:
        yield secret, inside, urls
    finally:
        outside.unlink(missing_ok=True)
