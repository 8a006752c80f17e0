"""scripts/neo4j-local: export lines that eval, a private password kept outside the
server's directories, 127.0.0.1 only, usage reporting off, LOAD CSV confined to the
import directory, start twice gives the same lines, stop is clean, data persists, and
an unreachable Maven Central is one line."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from chaingraph.errors import Neo4jError
from chaingraph.neo4j.connect import Neo4jSettings
from chaingraph.neo4j.cypher import run_cypher

from .conftest import SCRIPT, local_env, parse_exports


def script(env, *args, timeout=600):
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=timeout)


def test_start_prints_export_lines_that_eval(neo4j_server):
    settings, home, stdout = neo4j_server
    lines = stdout.strip().splitlines()
    assert [l.split("=")[0] for l in lines] == ["export NEO4J_URI", "export NEO4J_USERNAME", "export NEO4J_PASSWORD"]
    evaluated = subprocess.run(["bash", "-c", 'eval "$1"; printf "%s|%s|%s" "$NEO4J_URI" "$NEO4J_USERNAME" "$NEO4J_PASSWORD"',
                                "_", stdout], capture_output=True, text=True)
    assert evaluated.stdout == f"{settings.uri}|neo4j|{settings.password}"
    assert settings.uri.startswith("bolt://127.0.0.1:")


def password_file(home: Path) -> Path:
    return Path(f"{home}.password")


def test_password_file_is_private_and_auth_is_on(neo4j_server):
    settings, home, _ = neo4j_server
    mode = stat.S_IMODE(os.stat(password_file(home)).st_mode)
    assert mode == 0o600
    assert password_file(home).read_text().strip() == settings.password and len(settings.password) >= 24
    assert not (home / "password").exists()
    # The password is read from the file: it is in no command line, config or log.
    pid = (home / "pid").read_text().strip()
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    assert "Launcher.java" in cmdline and settings.password not in cmdline
    for name in ("neo4j.conf", "launcher.log"):
        assert settings.password not in (home / name).read_text(errors="replace")
    for log in (home / "logs").glob("*"):
        assert settings.password not in log.read_text(errors="replace")
    settings_wrong = Neo4jSettings(settings.uri, "neo4j", "neo4j")
    try:
        run_cypher(settings_wrong, "RETURN 1")
    except Exception as exc:  # noqa: BLE001
        assert "refused the credentials" in str(exc)
    else:
        raise AssertionError("the default password was accepted")


def test_listens_on_localhost_only_with_usage_reporting_off(neo4j_server):
    settings = neo4j_server[0]
    rows = run_cypher(settings, "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
                      {"names": ["server.bolt.listen_address", "dbms.usage_report.enabled",
                                 "dbms.security.auth_enabled", "server.memory.pagecache.size"]}).rows
    values = {r["name"]: r["value"] for r in rows}
    assert values["server.bolt.listen_address"].startswith("127.0.0.1:")
    assert values["dbms.usage_report.enabled"] == "false"
    assert values["dbms.security.auth_enabled"] == "true"
    assert values["server.memory.pagecache.size"].startswith("256")


def test_start_on_a_running_server_prints_the_same_lines_and_status_says_running(neo4j_server):
    settings, home, stdout = neo4j_server
    env = local_env(home)
    again = script(env, "start", timeout=60)
    assert again.returncode == 0 and again.stdout == stdout
    status = script(env, "status", timeout=60)
    assert status.returncode == 0 and "running on " + settings.uri in status.stderr


def test_stop_is_clean_and_data_survives_a_restart(tmp_path):
    env = local_env(tmp_path / "home")
    first = script(env, "start")
    assert first.returncode == 0, first.stderr
    exports = parse_exports(first.stdout)
    settings = Neo4jSettings(exports["NEO4J_URI"], "neo4j", exports["NEO4J_PASSWORD"])
    try:
        run_cypher(settings, "CREATE (:Firm {id: 'kept', name: '留下'})", write=True)
        stopped = script(env, "stop", timeout=180)
        assert stopped.returncode == 0 and "stopped" in stopped.stderr
        log = (tmp_path / "home" / "launcher.log").read_text()
        assert "chaingraph-neo4j stopped" in log  # the shutdown hook closed the store
        assert script(env, "status").returncode == 3
        second = script(env, "start")
        assert second.returncode == 0, second.stderr
        assert parse_exports(second.stdout)["NEO4J_PASSWORD"] == exports["NEO4J_PASSWORD"]
        settings = Neo4jSettings(parse_exports(second.stdout)["NEO4J_URI"], "neo4j", exports["NEO4J_PASSWORD"])
        assert run_cypher(settings, "MATCH (n:Firm {id: 'kept'}) RETURN n.name AS name").rows == [{"name": "留下"}]
    finally:
        script(env, "stop", timeout=180)


def test_unreachable_maven_central_is_one_line(tmp_path):
    settings_xml = tmp_path / "settings.xml"
    settings_xml.write_text(
        f"<settings><localRepository>{tmp_path / 'repo'}</localRepository><mirrors><mirror><id>nowhere</id>"
        "<mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/maven2</url></mirror></mirrors></settings>")
    env = dict(os.environ, NEO4J_LOCAL_LIB=str(tmp_path / "lib"), NEO4J_LOCAL_MAVEN_ARGS=f"-s {settings_xml}")
    result = script(env, "fetch", timeout=300)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("neo4j-local: cannot reach Maven Central")
    assert not (tmp_path / "lib").exists()


def test_bulk_import_of_a_neo4j_csv_export_then_load_adds_nothing(graph_store, tmp_path):
    from chaingraph.store.export import export_store
    from chaingraph.neo4j.connect import open_driver
    from chaingraph.neo4j.load import load_store

    export_store(graph_store, "neo4j-csv", tmp_path / "csv")
    env = local_env(tmp_path / "home")
    imported = script(env, "import", str(tmp_path / "csv"))
    assert imported.returncode == 0, imported.stderr
    stats = graph_store.stats()
    assert f"{stats.nodes} nodes {stats.edges} relationships" in imported.stderr
    assert (tmp_path / "home" / "import.report").exists()  # kept with the server, not in the cwd
    started = script(env, "start")
    assert started.returncode == 0, started.stderr
    try:
        exports = parse_exports(started.stdout)
        settings = Neo4jSettings(exports["NEO4J_URI"], "neo4j", exports["NEO4J_PASSWORD"])
        again = script(env, "import", str(tmp_path / "csv"))
        assert again.returncode == 1 and "stop it first" in again.stderr
        with open_driver(settings) as driver:
            report = load_store(graph_store, driver)
        assert (report.nodes_created, report.relationships_created) == (0, 0)
        rows = run_cypher(settings, "MATCH (n) RETURN count(n) AS n").rows
        assert rows == [{"n": stats.nodes}]
    finally:
        script(env, "stop", timeout=180)


def test_load_csv_even_with_write_reads_only_the_import_directory(neo4j_server, planted):
    settings, home, _ = neo4j_server
    secret, inside, urls = planted
    read = "LOAD CSV FROM $url AS l RETURN l[0] AS v"
    # The import directory is readable (so the refusals below are not LOAD CSV failing
    # for some other reason) ...
    assert run_cypher(settings, read, {"url": urls["import"]}, write=True).rows == [{"v": inside}]
    # ... and nothing outside it, by absolute path ...
    for place in ("home", "tmp"):
        with pytest.raises(Neo4jError) as err:
            run_cypher(settings, read, {"url": urls[place]}, write=True)
        assert secret not in str(err.value) and "external resource" in str(err.value)
    # ... or by climbing out: the server reads /../x as /x, inside the import directory.
    assert run_cypher(settings, read, {"url": urls["up"]}, write=True).rows == [{"v": inside}]
    values = {r["name"]: r["value"] for r in run_cypher(
        settings, "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
        {"names": ["server.directories.import", "dbms.security.procedures.unrestricted"]}).rows}
    assert values == {"server.directories.import": str(home / "import"), "dbms.security.procedures.unrestricted": ""}


def test_load_csv_even_with_write_does_not_reach_the_network(neo4j_server):
    """A URL LOAD CSV would fetch is refused by the server: a listener on 127.0.0.1
    that would answer with a secret sees no request and the secret never comes back."""
    import http.server
    import secrets
    import threading

    settings, _, _ = neo4j_server
    secret = "served-" + secrets.token_hex(12)
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            seen.append(self.path)
            body = f"{secret},x\n".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/data.csv"
        with pytest.raises(Neo4jError) as err:
            run_cypher(settings, "LOAD CSV FROM $url AS l RETURN l[0] AS v", {"url": url}, write=True)
        assert secret not in str(err.value)
        assert seen == []
    finally:
        server.shutdown()
        server.server_close()


def test_the_password_file_cannot_be_read_through_load_csv(neo4j_server):
    settings, home, _ = neo4j_server
    path = password_file(home)
    for url in (f"file://{path}", f"file:///../../{path.name}", f"file:///../{path.name}",
                f"file://{home}/password"):
        with pytest.raises(Neo4jError) as err:
            run_cypher(settings, "LOAD CSV FROM $url AS l RETURN l", {"url": url}, write=True)
        assert settings.password not in str(err.value)


def test_a_home_with_the_password_inside_gets_it_moved_out(tmp_path):
    home = tmp_path / "old-home"
    home.mkdir()
    (home / "password").write_text("kept-from-before-0123456789\n")
    env = local_env(home)
    started = script(env, "start")
    try:
        assert started.returncode == 0, started.stderr
        assert parse_exports(started.stdout)["NEO4J_PASSWORD"] == "kept-from-before-0123456789"
        assert not (home / "password").exists()
        assert password_file(home).read_text().strip() == "kept-from-before-0123456789"
    finally:
        script(env, "stop", timeout=180)
