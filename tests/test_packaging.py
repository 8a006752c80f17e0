"""What `pip install` puts in site-packages: everything under the chaingraph name
(ingest/, queries/, data/chains and cli.py included), nothing generic at the top."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_package_list_names_every_package_of_the_tree():
    config = _setuptools()
    mapped = {name: ROOT / folder for name, folder in config["package-dir"].items()}
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "chaingraph").rglob("__init__.py")
             if "__pycache__" not in p.parts}
    found |= {name for name, folder in mapped.items() if (folder / "__init__.py").is_file()}
    found |= {f"{name}.{'.'.join(p.parent.relative_to(folder).parts)}" for name, folder in mapped.items()
              for p in folder.rglob("*/__init__.py") if "__pycache__" not in p.parts}
    assert set(config["packages"]) == found


# Import names that differ from their distribution's name.
_DISTRIBUTION = {"ahocorasick": "pyahocorasick", "charset_normalizer": "charset-normalizer",
                 "pysqlite3": "pysqlite3-binary"}
# Declared but never imported by chaingraph's own code, each for a reason.
_NOT_IMPORTED = {"scipy": "networkx imports it for PageRank",
                 "neo4j-rust-ext": "the neo4j driver picks it up by itself",
                 "lxml_html_clean": "trafilatura's justext imports it"}


def _imports() -> set[str]:
    import ast

    names = set()
    files = [ROOT / "cli.py", *(ROOT / "chaingraph").rglob("*.py"), *(ROOT / "ingest").rglob("*.py")]
    for path in files:
        if "__pycache__" in path.parts or path.is_symlink():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("chaingraph", "cli")}


def test_pyproject_declares_what_is_imported_and_imports_what_it_declares():
    import re

    declared = {re.split(r"[<>=;\[ ]", d, 1)[0].strip()
                for d in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]}
    imported = {_DISTRIBUTION.get(n, n) for n in _imports()}
    assert imported - declared == set()
    assert declared - imported == set(_NOT_IMPORTED)


def test_the_wheel_installs_only_chaingraph_with_its_data(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("chaingraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"chaingraph", wheel.name.split("-py")[0] + ".dist-info"}
    for needed in ("chaingraph/cli.py", "chaingraph/ingest/firm_list.py", "chaingraph/queries/upstream.cypher",
                   "chaingraph/chains/construction_machinery.toml", "chaingraph/render/templates/map.html.j2",
                   "chaingraph/data/gazetteer.tsv", "chaingraph/data/gazetteer_updates.tsv", "chaingraph/data/known_firms.tsv",
                   "chaingraph/extract/data/places.txt"):
        assert needed in names, needed
    cli_text = zipfile.ZipFile(wheel).read("chaingraph/cli.py").decode("utf-8")
    assert cli_text == (ROOT / "cli.py").read_text(encoding="utf-8")
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "chaingraph = chaingraph.cli:main" in entry
