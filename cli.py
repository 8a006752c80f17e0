"""The ``chaingraph`` command. Each command parses its options, calls one library
function and prints the result; the library does the work. Over 400 lines because
it is the one typer app: each of its twenty-odd commands is its options, one call
and its printing, and splitting them apart would scatter the shared options."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from chaingraph.errors import ChainGraphError
from chaingraph.output import render_rows, shorten
from chaingraph.store import DEFAULT_DB, Store

if TYPE_CHECKING:
    from chaingraph.analytics.placed import PlacedGraph
    from chaingraph.analytics.traverse import Direction

# Click's usage error, found through typer: recent typers carry their own copy of
# click and no longer install it.
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_CLICK_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _one_line(exc: Exception) -> typer.Exit:
    """Print a usage error (a mistyped command or option, a missing or bad value) as
    one ``Error: …`` line saying where help is, and return the Exit to raise with its
    status (2), in place of typer's framed box."""
    ctx = getattr(exc, "ctx", None)
    message = " ".join(line.strip() for line in exc.format_message().splitlines() if line.strip())
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    note(f"Error: {message}{hint}")
    return typer.Exit(getattr(exc, "exit_code", 2))


class Commands(typer.core.TyperGroup):
    """The command group: a mistyped command gets "did you mean" suggestions, and
    usage errors of the group and its commands print one line."""

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: D102 (click's hook)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _CLICK_ERROR as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `chaingraph`: typer shows the help
                raise
            raise _one_line(exc) from exc

    def invoke(self, ctx):  # noqa: D102 (click's hook; a command's own options are parsed here)
        try:
            return super().invoke(ctx)
        except _CLICK_ERROR as exc:
            raise _one_line(exc) from exc

    def resolve_command(self, ctx, args):  # noqa: D102 (click's hook)
        import difflib

        try:
            return super().resolve_command(ctx, args)
        except _USAGE_ERROR as exc:
            close = difflib.get_close_matches(args[0], list(self.commands), n=3, cutoff=0.5) if args else []
            if close and "No such command" in str(exc.message) and "Did you mean" not in str(exc.message):
                exc.message += f" Did you mean {', '.join(close)}?"
            raise


app = typer.Typer(
    cls=Commands,
    help="Build an industrial-chain knowledge graph from news articles and firm lists, "
         "and ask it planners' questions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


class State:
    """Options given before the command."""

    db: Path = Path(DEFAULT_DB)
    db_given: bool = False  # --db or CHAINGRAPH_DB was given, not the default
    debug: bool = False


def open_store(create: bool = True) -> Store:
    """Open the store named by --db."""
    return Store(State.db, create=create)


# Options many commands share, declared once.
FormatOption = Annotated[str, typer.Option("--format", help="table, json or csv.")]
ParamOption = Annotated[Optional[List[str]], typer.Option("--param", help="name=value (JSON, else text); repeatable.")]
RegionsFileOption = Annotated[Optional[Path], typer.Option(
    "--regions", metavar="FILE", help="A TOML file of your own regions ([[region]] name, cities, provinces, counties).")]
OutOption = Annotated[Optional[Path], typer.Option("-o", "--out", metavar="FILE",
                                                  help="Also write the result to FILE: .xlsx, .csv, .json (format from the extension).")]


def _not_negative(value: int) -> int:
    """Refuse a negative --depth or --top (a usage error, one line), which would
    otherwise be taken for no limit or give an empty answer without a word."""
    if value < 0:
        raise typer.BadParameter(f"{value} is negative; give 0 or more")
    return value


def progress_bar() -> Progress:
    """A progress bar on stderr; silent when stderr is not a terminal."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def emit(text: str) -> None:
    """Print a result to stdout as it is."""
    print(text)


def note(text: str) -> None:
    """Print a message to stderr on one line, never wrapped."""
    print(text, file=sys.stderr)


@contextmanager
def read_placed(chain: Optional[str], depth: int, regions_file: Optional[Path], chains_dir: Optional[Path],
                task: str) -> Iterator["PlacedGraph"]:
    """Read the store's graph once, with its places and the chain's segment
    placements, under a progress line saying ``task``, and yield it (a
    :class:`~chaingraph.analytics.placed.PlacedGraph`) while the store stays open,
    as the analyses still read firms' details from it; the analysis commands all
    start here."""
    from chaingraph.analytics.placed import PlacedGraph

    with open_store(create=False) as store, progress_bar() as bar:
        bar.add_task(task, total=None)
        yield PlacedGraph.from_store(store, chain, depth=depth, regions=region_defs(regions_file),
                                      chains_dirs=[chains_dir] if chains_dir else ())


def region_defs(path: Optional[Path]) -> list:
    """Read the user's regions file (--regions FILE), none when not given."""
    from chaingraph.analytics.regions import load_regions

    return load_regions(path) if path else []


def save(out: Optional[Path], tables: list, payload: object, html=None) -> None:
    """Write a result to ``out`` (when given) in the format its extension names, and
    say which files were written."""
    if out is None:
        return
    from chaingraph.output import write_output

    written = write_output(out, tables, payload, html)
    note("wrote " + ", ".join(str(p) for p in written))


def _print_version(value: bool) -> None:
    """Print the installed version and stop (the --version option)."""
    if not value:
        return
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        emit(f"chaingraph {installed('chaingraph')}")
    except PackageNotFoundError:
        emit("chaingraph (not installed)")
    raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", envvar="CHAINGRAPH_DB",
                            help="The embedded store (an SQLite file)."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
    version: bool = typer.Option(False, "--version", is_eager=True, expose_value=False, callback=_print_version,
                                 help="Print chaingraph's version and exit."),
) -> None:
    State.db = db
    source = ctx.get_parameter_source("db")
    State.db_given = source is not None and source.name != "DEFAULT"
    State.debug = debug


# --- foundation: ingest, stats, show, export --------------------------------------

@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Files or directories to ingest."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of list files (detected when omitted)."),
    sheet: Optional[str] = typer.Option(None, help="Only this sheet of Excel workbooks."),
    mapping: Optional[Path] = typer.Option(None, exists=True, dir_okay=False, readable=True,
                                           help="A mapping file describing a list's layout (checked before anything is read)."),
    rejects: Optional[Path] = typer.Option(None, help="Where to write rejected rows (default: next to the store)."),
    fmt: FormatOption = "table",
) -> None:
    """Read articles and firm lists into the store; bad rows are rejected, not fatal."""
    from chaingraph.ingest import ingest_paths
    from chaingraph.ingest.base import IngestOptions

    options = IngestOptions(encoding=encoding, sheet=sheet, mapping=mapping)
    rejects_path = rejects or State.db.with_name(State.db.name + ".rejects.csv")
    with open_store() as store, progress_bar() as bar:
        task = bar.add_task("ingesting", total=None)

        def on_file(path: Path, total: int) -> None:
            bar.update(task, description=path.name[:40], total=total, advance=1)

        report = ingest_paths(paths, store, options, rejects_path=rejects_path, on_file=on_file)
    rows = [{"file": p, "result": f"read by {i}"} for p, i in report.files]
    rows += [{"file": s.path, "result": f"skipped: {s.reason}"} for s in report.skipped]
    emit(render_rows(rows, ["file", "result"], fmt, payload=report.to_dict()))
    w = report.written
    note(f"{len(report.files)} file(s) read, {len(report.skipped)} skipped; wrote {w.nodes} node and "
         f"{w.edges} edge records with {w.evidence} evidence items")
    if report.rejects:
        note(f"{len(report.rejects)} row(s) rejected, listed in {report.rejects_path}; first: {report.rejects[0]}")
    if report.warnings:  # issue 3: rows taken but worth a look (duplicate codes, unlisted firms)
        note(f"{len(report.warnings)} warning(s), listed in {report.warnings_path}; first: {report.warnings[0]}")
    if any(s.error for s in report.skipped):
        raise typer.Exit(1)


@app.command()
def resolve(
    review: Optional[Path] = typer.Option(None, "--review", help="Write the uncertain firm pairs to this CSV for a person to decide."),
    apply: Optional[Path] = typer.Option(None, "--apply", help="Read a review CSV's accept/reject decisions back and keep them."),
    fmt: FormatOption = "table",
) -> None:
    """Merge firm nodes that are one firm (codes, names, places); review uncertain pairs."""
    from chaingraph.resolution import run_resolve

    with open_store(create=False) as store:
        result = run_resolve(store, review=review, apply=apply)
    rows = [{"what": k, "value": v} for k, v in result.items() if v is not None]
    emit(render_rows(rows, ["what", "value"], fmt, payload=result))


@app.command()
def stats(fmt: FormatOption = "table") -> None:
    """Count nodes per label, edges per type, and evidence."""
    with open_store(create=False) as store:
        result = store.stats()
    rows = [{"kind": "node", "name": k, "count": v} for k, v in result.labels.items()]
    rows += [{"kind": "edge", "name": k, "count": v} for k, v in result.types.items()]
    rows += [{"kind": "total", "name": n, "count": c} for n, c in
             (("nodes", result.nodes), ("edges", result.edges), ("evidence", result.evidence))]
    emit(render_rows(rows, ["kind", "name", "count"], fmt, payload=result.to_dict()))


@app.command()
def show(
    name: str = typer.Argument(..., help="A node's id, name or alias."),
    fmt: FormatOption = "table",
) -> None:
    """Show one node with its properties, edges and the evidence for each."""
    from chaingraph.analytics.graphsource import evidence_text, store_source_name as source_namer
    from chaingraph.store.describe import describe_node

    with open_store(create=False) as store:
        node = describe_node(store, name)
        source = source_namer(store)
        text = {id(e): evidence_text(e, source) for e in node["evidence"] + [x for e in node["edges"]
                                                                           for x in e["evidence"]]}
    if fmt == "json":
        emit(json.dumps(node, ensure_ascii=False, indent=2))
        return
    head = [{"field": "id", "value": node["id"]}, {"field": "label", "value": node["label"]},
            {"field": "name", "value": node["name"]}, {"field": "aliases", "value": node["aliases"]}]
    head += [{"field": k, "value": v} for k, v in sorted(node["props"].items())]
    head += [{"field": "evidence", "value": text[id(e)]} for e in node["evidence"]]
    emit(render_rows(head, ["field", "value"], fmt, title=node["name"]))
    edges = [{"dir": e["direction"], "type": e["type"], "other": f"{e['other_name']} ({e['other_id']})",
              "evidence": [text[id(x)] for x in e["evidence"]]} for e in node["edges"]]
    emit(render_rows(edges, ["dir", "type", "other", "evidence"], fmt, title="edges"))


@app.command()
def export(
    out_path: Path = typer.Argument(..., metavar="OUT", help="Output file (a directory for neo4j-csv)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="graphml, gexf, json or neo4j-csv (default: from OUT's extension)."),
) -> None:
    """Write the whole graph, with evidence, as GraphML, GEXF, JSON or neo4j-admin CSV."""
    from chaingraph.output import export_format
    from chaingraph.store.export import export_store

    with open_store(create=False) as store:
        files = export_store(store, fmt or export_format(out_path), out_path)
    for path in files:
        emit(str(path))


# --- enterprise lists (issue 3) ----------------------------------------------------

# --- articles (issue 4) --------------------------------------------------------------

@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Article files or directories (.txt, .md, .html, .jsonl)."),
    fmt: FormatOption = "table",
) -> None:
    """Show the entities, relations, facts and removed page furniture of articles, without writing to the store.
    Given --db, the store's firm, alliance, cluster and agency names are looked for too."""
    from chaingraph.extract.batch import extract_files
    from chaingraph.extract.names import KnownNames

    names = None
    if State.db_given and not State.db.is_file():
        note(f"no store at {State.db}: only the shipped names are looked for")
    elif State.db_given:
        store = open_store(create=False)
        try:
            names = KnownNames.from_store(store)
        finally:
            store.close()
    with progress_bar() as bar:
        task = bar.add_task("extracting", total=None)
        result = extract_files(paths, on_file=lambda p, n: bar.update(task, description=p.name[:40], total=n,
                                                                         advance=1), names=names)
    emit(render_rows(result.rows(), ["article", "item", "id", "detail"], fmt, payload=result.articles))
    for s in result.skipped:
        note(f"skipped {s['path']}{':' + str(s['line']) if s.get('line') else ''}: {s['reason']}")
    if any(s.get("error", True) for s in result.skipped):
        raise typer.Exit(1)


@app.command(name="eval")
def eval_(
    gold_dir: Path = typer.Argument(..., help="Directory of *.gold.json files."),
    article_dir: Path = typer.Argument(..., help="Directory holding the articles the gold files name."),
    fmt: FormatOption = "table",
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 for entities and relations.
    Given --db, the store's names are looked for too, as in extract."""
    from chaingraph.extract.evaluate import evaluate
    from chaingraph.extract.names import KnownNames

    names = None
    if State.db_given and State.db.is_file():
        store = open_store(create=False)
        try:
            names = KnownNames.from_store(store)
        finally:
            store.close()
    report = evaluate(gold_dir, article_dir, names)
    emit(render_rows(report.rows(), ["article", "ent_p", "ent_r", "ent_f1", "rel_p", "rel_r", "rel_f1", "fact_f1"], fmt,
                     payload=report.to_dict()))


# --- Neo4j (issue 5) ----------------------------------------------------------------

_URI_HELP = "Neo4j URI (bolt://, neo4j://, neo4j+s:// ...); default $NEO4J_URI."
_USER_HELP = "Neo4j user; default $NEO4J_USERNAME, else neo4j."
_PASSWORD_HELP = "Neo4j password; default $NEO4J_PASSWORD (prefer the variable: options show in ps)."
_DATABASE_HELP = "Neo4j database; default $NEO4J_DATABASE, else the server's default."
# The connection options every Neo4j command takes, declared once.
UriOption = Annotated[Optional[str], typer.Option("--uri", help=_URI_HELP)]
UserOption = Annotated[Optional[str], typer.Option("--user", help=_USER_HELP)]
PasswordOption = Annotated[Optional[str], typer.Option("--password", help=_PASSWORD_HELP, show_default=False)]
DatabaseOption = Annotated[Optional[str], typer.Option("--database", help=_DATABASE_HELP)]


@app.command()
def load(
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    from_neo4j: bool = typer.Option(False, "--from-neo4j",
                                    help="The other way: read the Neo4j graph into the store (--db)."),
    batch_size: int = typer.Option(5000, "--batch-size", help="Rows per UNWIND batch."),
    fmt: FormatOption = "table",
) -> None:
    """Push the store into Neo4j (batched, idempotent MERGE with evidence), or with --from-neo4j read it back."""
    from chaingraph.neo4j.connect import settings_from
    from chaingraph.neo4j.sync import pull_from_neo4j, push_to_neo4j

    settings = settings_from(uri, user, password, database)
    if from_neo4j:
        with open_store() as store:
            written = pull_from_neo4j(settings, store)
        rows = [{"what": k, "count": v} for k, v in written.to_dict().items()]
        emit(render_rows(rows, ["what", "count"], fmt, payload=written.to_dict()))
        return
    with open_store(create=False) as store, progress_bar() as bar:
        task = bar.add_task("loading into Neo4j", total=None)
        report = push_to_neo4j(settings, store, batch_size=batch_size,
                               progress=lambda n: bar.update(task, advance=n),
                               on_total=lambda total: bar.update(task, total=total))
    data = report.to_dict()
    emit(render_rows([{"what": k, "count": v} for k, v in data.items()], ["what", "count"], fmt, payload=data))
    for warning in report.warnings:
        note(f"Warning: {warning}")
    if report.skipped_edges:
        note(f"{report.skipped_edges} edge(s) skipped: an end is not a node of the store"
             + (" or was not loaded" if report.skipped_nodes else ""))


@app.command()
def cypher(
    statement: str = typer.Argument(..., help="A Cypher statement; values go in as $name with --param."),
    param: ParamOption = None,
    write: bool = typer.Option(False, "--write", help="Allow writes (read-only by default)."),
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Run your own Cypher on Neo4j, read-only unless --write; values only as --param."""
    from chaingraph.neo4j.connect import settings_from
    from chaingraph.neo4j.cypher import parse_params, run_cypher
    from chaingraph.output import Table, check_format

    check_format(fmt)
    result = run_cypher(settings_from(uri, user, password, database), statement, parse_params(param), write)
    save(out, [Table("cypher", list(result.columns), result.rows)], result.rows)
    emit(render_rows(result.rows, result.columns, fmt))
    if result.counters:
        note(", ".join(f"{k}: {v}" for k, v in sorted(result.counters.items())))


@app.command()
def query(
    name: Optional[str] = typer.Argument(None, help="A query of queries/ (see --list)."),
    param: ParamOption = None,
    list_: bool = typer.Option(False, "--list", help="List the named queries and their parameters."),
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Run a named query of queries/ on Neo4j (read-only), or list them with --list."""
    from chaingraph.neo4j.connect import settings_from
    from chaingraph.neo4j.cypher import parse_params, run_named
    from chaingraph.neo4j.queries import list_queries
    from chaingraph.output import check_format

    check_format(fmt)
    if list_ or not name:
        rows = [{"name": q.name, "answers": q.answers,
                 "params": [p.name + (f" ({p.kind}{'[]' if p.many else ''})" if p.kind else "")
                            + ("" if p.required else f"={json.dumps(p.default, ensure_ascii=False)}")
                            for p in q.params]} for q in list_queries()]
        emit(render_rows(rows, ["name", "params", "answers"], fmt))
        return
    from chaingraph.output import Table

    result = run_named(settings_from(uri, user, password, database), name, parse_params(param))
    save(out, [Table(name, list(result.columns), result.rows)], result.rows)
    emit(render_rows(result.rows, result.columns, fmt, title=name))

# --- planner analytics (issue 6) ------------------------------------------------------

_CHAIN_HELP = "A chain template's name (see data/chains/), a Chain node, or a segment (then it and its upstream)."
_REGION_HELP = ("A province, city, county, city group (长株潭, 长三角, Greater Bay Area …), cluster or "
                "alliance, in Chinese or English, or a region of --regions FILE.")
_CHAINS_DIR_HELP = "Another directory of chain templates (*.toml), searched first."


def _trace(name: str, direction: Direction, depth: int, fmt: str, out: Optional[Path]) -> None:
    from chaingraph.analytics.stored import trace_in_store as trace, trace_table_in_store as trace_table

    with open_store(create=False) as store:
        start, reached = trace(store, name, direction, depth)
        table = trace_table(store, start, reached, direction)
        shown = store.get_node(start).name
    payload = {"start": start, "direction": str(direction), "depth": depth, "nodes": [r.to_dict() for r in reached]}
    emit(render_rows(table.rows, table.columns, fmt, title=f"{direction} of {shown}", payload=payload))
    save(out, [table], payload)
    note(f"{len(reached)} node(s) {direction} of {shown} ({start}) within {depth or 'any number of'} hop(s)")
    if not reached:
        from chaingraph.analytics.stored import why_empty_in_store as why_empty

        with open_store(create=False) as store:
            note(f"Warning: {why_empty(store, start, direction)}")


@app.command()
def upstream(
    name: str = typer.Argument(..., help="A firm or segment: id, name or alias."),
    depth: int = typer.Option(3, "--depth", help="Hops to follow (0: no limit).", callback=_not_negative),
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """List the suppliers, their suppliers, … of a firm or segment, with the path and evidence."""
    from chaingraph.analytics.traverse import Direction

    _trace(name, Direction.UPSTREAM, depth, fmt, out)


@app.command()
def downstream(
    name: str = typer.Argument(..., help="A firm or segment: id, name or alias."),
    depth: int = typer.Option(3, "--depth", help="Hops to follow (0: no limit).", callback=_not_negative),
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """List the customers, their customers, … of a firm or segment, with the path and evidence."""
    from chaingraph.analytics.traverse import Direction

    _trace(name, Direction.DOWNSTREAM, depth, fmt, out)


@app.command()
def gaps(
    chain: str = typer.Option(..., "--chain", help=_CHAIN_HELP),
    region: str = typer.Option(..., "--region", help=_REGION_HELP),
    regions_file: RegionsFileOption = None,
    depth: int = typer.Option(1, "--depth", help="Upstream hops when --chain names a segment (0: no limit).", callback=_not_negative),
    top: int = typer.Option(5, "--top", help="Candidate firms shown per missing or weak segment.", callback=_not_negative),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    fmt: FormatOption = "table",
    out: Annotated[Optional[Path], typer.Option("-o", "--out", metavar="FILE",
                                                help="Also write the result to FILE: .xlsx, .csv, .json, or .html (the report).")] = None,
) -> None:
    """Show, per segment of a chain, the region's firms, outside suppliers, status and candidate firms."""
    from chaingraph.analytics.gaps import find_gaps

    with read_placed(chain, depth, regions_file, chains_dir, "reading the graph and placing firms") as placed:
        report = find_gaps(placed, region, top=top)
        html = None
        if out is not None and out.suffix.lower() == ".html":
            from chaingraph.render.report import render_report

            def html(path: Path) -> None:
                render_report(placed, region, path, top=top)
        save(out, report.tables(), report.to_dict(), html)
    short = fmt == "table"
    rows = [{"segment": s.segment, "stage": str(s.stage), "weight": s.weight, "status": str(s.status),
             "local_firms": shorten(s.local_firms) if short else s.local_firms,
             "outside_suppliers": shorten(s.outside_suppliers) if short and s.outside_suppliers
             else s.outside_suppliers,
             "candidates": [f"{c.firm} ({c.province or '?'}, {c.score})" for c in s.candidates] or s.note}
            for s in report.segments]
    emit(render_rows(rows, ["segment", "stage", "weight", "status", "local_firms", "outside_suppliers", "candidates"], fmt,
                     title=f"{report.chain} in {report.region}", payload=report.to_dict()))
    note(f"chain {report.chain_is}")
    note(f"region {report.places}")
    for warning in report.warnings:
        note(f"Warning: {warning}")


@app.command("key-firms")
def key_firms_command(
    chain: str = typer.Option(..., "--chain", help=_CHAIN_HELP),
    region: Optional[str] = typer.Option(None, "--region", help="Only the firms of this region: " + _REGION_HELP),
    regions_file: RegionsFileOption = None,
    depth: int = typer.Option(1, "--depth", help="Upstream hops when --chain names a segment (0: no limit).", callback=_not_negative),
    top: int = typer.Option(20, "--top", help="Firms each ranking contributes.", callback=_not_negative),
    sample: Optional[int] = typer.Option(None, "--betweenness-k", help="Sources sampled for betweenness (default: exact up to 2,000 firms, else 128)."),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Rank a chain's firms (PageRank, betweenness), flag those whose loss cuts it, and compare communities with clusters."""
    from chaingraph.analytics.keyfirms import key_firms

    with read_placed(chain, depth, regions_file, chains_dir, "reading the graph and ranking firms") as placed:
        report = key_firms(placed, region, top=top, betweenness_k=sample)
    save(out, report.tables(), report.to_dict())
    if fmt == "json":
        emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    rows = [{**f.to_dict(), "segments": f.segments, "sole_supplier_of": len(f.sole_supplier_of),
             "articulation": "yes" if f.articulation else ""} for f in report.firms]
    emit(render_rows(rows, ["firm", "segments", "province", "pagerank", "betweenness", "articulation",
                            "sole_supplier_of", "community", "groups"], fmt,
                     title=f"key firms of {report.chain}" + (f" in {report.region}" if report.region else "")))
    if fmt == "table":
        emit(render_rows([{**c.to_dict(), "members": shorten(c.members, total=c.size)} for c in report.communities],
                         ["id", "size", "members", "best_group", "jaccard"], fmt, title="communities"))
    note(f"{report.network_firms} firm(s), {report.network_links} supply link(s); betweenness "
         + (f"sampled from {report.betweenness_k} sources" if report.betweenness_k else "exact")
         + f"; {report.unlinked} firm(s) without a supply link not ranked"
         + f"; {report.singletons} one-firm communit{'y' if report.singletons == 1 else 'ies'} not listed")
    for warning in report.warnings:
        note(f"Warning: {warning}")


@app.command()
def compare(
    chain: str = typer.Option(..., "--chain", help=_CHAIN_HELP),
    regions: str = typer.Option(..., "--regions", metavar="REGIONS",
                                help="Comma-separated regions (see gaps --region); a .toml file among them "
                                     "adds all the regions it defines."),
    depth: int = typer.Option(1, "--depth", help="Upstream hops when --chain names a segment (0: no limit).", callback=_not_negative),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Show a regions x segments coverage table for a chain: status and local firm count per cell."""
    from chaingraph.analytics.compare import compare_regions

    with read_placed(chain, depth, None, chains_dir, "reading the graph and placing firms") as placed:
        report = compare_regions(placed, regions.replace("，", ",").split(","))
    save(out, report.tables(), report.to_dict())
    emit(render_rows(report.rows(), ["segment", "stage", *report.regions], fmt, title=report.chain,
                     payload=report.to_dict()))
    for warning in report.warnings:
        note(f"Warning: {warning}")


# --- what-if (issue 22) ---------------------------------------------------------------

@app.command()
def impact(
    remove: List[str] = typer.Option(..., "--remove", help="A firm (id, name or alias), city, province, city group "
                                                          "or cluster to remove; repeatable."),
    chain: Optional[str] = typer.Option(None, "--chain", help="Segments of this chain decide who stops, and give "
                                                             "the segment rows: " + _CHAIN_HELP),
    region: Optional[List[str]] = typer.Option(None, "--region", help="A region to report on (repeatable; default: "
                                                                     "the provinces most hit). " + _REGION_HELP),
    regions_file: RegionsFileOption = None,
    depth: int = typer.Option(1, "--depth", help="Upstream hops when --chain names a segment (0: no limit).", callback=_not_negative),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Remove firms or places from the supply network: who loses a supplier or stops, segment changes, exposure."""
    from chaingraph.analytics.impact import impact as follow_removal

    with read_placed(chain, depth, regions_file, chains_dir, "reading the graph and following the loss") as placed:
        report = follow_removal(placed, remove, region or ())
    save(out, report.tables(), report.to_dict())
    if fmt == "json":
        emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    short = fmt == "table"
    firms = [{**f.to_dict(), "path": " → ".join(f.path), "stopped": "yes" if f.stopped else "",
              "evidence": shorten(f.evidence, 2) if short and f.evidence else f.evidence} for f in report.firms]
    emit(render_rows(firms, ["depth", "firm", "province", "stopped", "stopped_segments", "lost_share", "path",
                             "evidence"], fmt, title="firms that lose a supplier"))
    if fmt == "table":
        emit(render_rows([r.to_dict() for r in report.regions], ["region", "chain", "exposure", "buyers", "losing",
                                                                 "stopped", "removed"], fmt, title="exposure"))
        if report.segments:
            emit(render_rows([s.to_dict() for s in report.segments],
                             ["region", "segment", "before", "after", "local_before", "local_after",
                              "removed_share", "mostly_removed"], fmt, title="segments"))
    removed = "; ".join(f"{t.name} ({t.kind}, {len(t.firms)} firm(s))" for t in report.targets)
    note(f"removed {report.removed} firm(s): {removed}; {len(report.firms)} firm(s) lose a supplier, "
         f"{len(report.stopped)} stop")
    note(f"weights: {report.weights}")
    for warning in report.warnings:
        note(f"Warning: {warning}")


@app.command()
def attract(
    chain: str = typer.Option(..., "--chain", help=_CHAIN_HELP),
    region: str = typer.Option(..., "--region", help=_REGION_HELP),
    firm: Optional[str] = typer.Option(None, "--firm", help="Evaluate only this firm (id, name or alias)."),
    top: int = typer.Option(10, "--top", help="Candidate firms shown.", callback=_not_negative),
    regions_file: RegionsFileOption = None,
    depth: int = typer.Option(1, "--depth", help="Upstream hops when --chain names a segment (0: no limit).", callback=_not_negative),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    fmt: FormatOption = "table",
    out: OutOption = None,
) -> None:
    """Rank firms outside a region by how much their arrival would close its gaps in a chain, with reasons."""
    from chaingraph.analytics.attract import attract as rank_arrivals

    with read_placed(chain, depth, regions_file, chains_dir, "reading the graph and scoring firms") as placed:
        report = rank_arrivals(placed, region, top=top, firm=firm)
    save(out, report.tables(), report.to_dict())
    table = report.tables()[0]
    emit(render_rows(table.rows, ["rank", "firm", "province", "segments", "score", "reasons"], fmt,
                     title=f"firms that would close gaps of {report.chain} in {report.region}",
                     payload=report.to_dict()))
    note(f"{report.considered} firm(s) of the chain outside {report.region} scored; weights: {report.weights}")
    for warning in report.warnings:
        note(f"Warning: {warning}")


# --- maps and reports (issue 7) -------------------------------------------------------

def html_out(out: Path, other: str = "") -> Path:
    """Return ``out`` when its name ends in .html or .htm; a page saved as x.xlsx or
    x.png would not open as what its name says, so anything else is an error."""
    from chaingraph.errors import InputError

    if out.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"this command writes an HTML page; name the file .html{other}", str(out))
    return out


@app.command()
def render(
    out: Path = typer.Option(Path("map.html"), "-o", "--out", help="The HTML file to write."),
    chain: Optional[str] = typer.Option(None, "--chain", help="Only this chain's firms: a template, Chain node or segment name."),
    region: Optional[str] = typer.Option(None, "--region", help="Only the firms of this province, city or cluster."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Only the firms of this cluster."),
    around: Optional[str] = typer.Option(None, "--around", help="The neighbourhood of this node (id, name or alias)."),
    depth: int = typer.Option(1, "--depth", help="Hops around --around.", callback=_not_negative),
    view: str = typer.Option("auto", "--view", help="network (node-link map), chain (segments as boxes, needs --chain), geo (firms on the map of China), overview (chains and provinces with counts), or auto: overview for a whole graph above --max-nodes, else network."),
    layout: str = typer.Option("force", "--layout", help="force (seeded physics) or lr (upstream to downstream, left to right)."),
    max_nodes: int = typer.Option(1000, "--max-nodes", help="Above this many nodes keep only the most central."),
    seed: int = typer.Option(7, "--seed", help="Seed of the force layout."),
    title: Optional[str] = typer.Option(None, "--title", help="The page title."),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    fmt: FormatOption = "table",
) -> None:
    """Draw an interactive map (one self-contained HTML file that opens offline)."""
    from chaingraph.render import MapOptions, render_map

    options = MapOptions(chain=chain, region=region, cluster=cluster, around=around, depth=depth,
                         layout=layout, view=view, max_nodes=max_nodes, seed=seed, title=title,
                         chains_dirs=(chains_dir,) if chains_dir else ())
    html_out(out)
    with open_store(create=False) as store:
        result = render_map(store, options, out)
    left = sum(result.left_out.values())
    emit(render_rows([{"file": result.path, "nodes": result.nodes, "edges": result.edges, "left_out": left,
                       "bytes": result.bytes}], ["file", "nodes", "edges", "left_out", "bytes"], fmt,
                     payload=result.to_dict()))
    if left:
        note(f"the map keeps the {max_nodes} most central nodes; {left} left out (see the page)")


@app.command()
def report(
    chain: str = typer.Option(..., "--chain", help=_CHAIN_HELP),
    region: str = typer.Option(..., "--region", help=_REGION_HELP),
    regions_file: RegionsFileOption = None,
    out: Path = typer.Option(Path("report.html"), "-o", "--out", help="The HTML file to write."),
    depth: int = typer.Option(1, "--depth", help="Upstream hops when --chain names a segment (0: no limit).", callback=_not_negative),
    top: int = typer.Option(5, "--top", help="Candidate firms per missing or weak segment.", callback=_not_negative),
    chains_dir: Optional[Path] = typer.Option(None, "--chains", help=_CHAINS_DIR_HELP),
    impact_of: Optional[List[str]] = typer.Option(None, "--impact", metavar="NAME",
                                                  help="Add what happens to the region if this firm, city or "
                                                       "province stops delivering (repeatable; see impact)."),
    with_attract: bool = typer.Option(False, "--attract", help="Add the firms whose arrival would close most gaps "
                                                               "(see attract)."),
    fmt: FormatOption = "table",
) -> None:
    """Write the gap analysis of a chain in a region as a page: segment table and chain map, offline."""
    from chaingraph.analytics.placed import PlacedGraph
    from chaingraph.render.whatif import render_whatif_report

    html_out(out, " (for a spreadsheet: chaingraph gaps … -o FILE.xlsx)")
    with open_store(create=False) as store:
        placed = PlacedGraph.from_store(store, chain, depth=depth, regions=region_defs(regions_file),
                                        chains_dirs=(chains_dir,) if chains_dir else ())
        result = render_whatif_report(placed, region, out, top=top, remove=impact_of or (),
                                      with_attract=with_attract)
    row = {"file": result.path, "chain": result.chain, "region": result.region, "bytes": result.bytes,
           **{s: result.statuses.get(s, 0) for s in ("present", "weak", "missing")}}
    emit(render_rows([row], ["file", "chain", "region", "present", "weak", "missing", "bytes"], fmt,
                     payload=result.to_dict()))



def readable_help(command):
    """Return ``command`` with every parameter given a plain placeholder in help
    (PATH, TEXT, N; none for a flag) in place of typer's type names (``<list[Path]>``)."""
    for param in command.params:
        is_argument = isinstance(param, typer.core.TyperArgument)
        bare = param.bare_type() if hasattr(param, "bare_type") else "str"
        if getattr(param, "is_flag", False) or bare == "bool":
            param.metavar = ""
        elif param.metavar is None:
            word = "PATH" if "Path" in bare else "N" if "int" in bare else "NUMBER" if "float" in bare else "TEXT"
            if is_argument:
                word = param.name.upper() if word == "TEXT" or param.nargs != 1 else word
            param.metavar = word
        if is_argument:
            # The name column shows an argument's metavar already; typer would add its type.
            param.display_type_rich = lambda ctx: None
    made = command.get_help_option  # click adds --help when help is asked for

    def help_option(ctx, made=made):
        option = made(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        readable_help(sub)
    return command


INTERRUPTED = ("Interrupted: what was written before stays in the store, and running the same "
               "command again adds nothing twice")


def _interrupted(exc: BaseException | None) -> bool:
    """True when ``exc`` was raised by, or while handling, a Ctrl-C (typer turns it
    into exit status 130)."""
    while exc is not None:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def main() -> None:
    """Entry point: run the app; turn chaingraph errors into one line and exit 1, and
    a Ctrl-C into one line and exit 130. Typer's standalone mode handles usage
    errors and --help itself; our own errors pass through it to here."""
    debug = "--debug" in sys.argv[1:] or os.environ.get("CHAINGRAPH_DEBUG") == "1"
    if not debug:
        from chaingraph.neo4j.connect import quiet_driver_logs

        quiet_driver_logs()
    try:
        readable_help(typer.main.get_command(app))(prog_name="chaingraph")
    except ChainGraphError as exc:
        if debug:
            raise
        note(f"Error: {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        note(INTERRUPTED)
        sys.exit(130)
    except SystemExit as exc:
        if exc.code == 130 and _interrupted(exc):
            note(INTERRUPTED)
        raise


if __name__ == "__main__":
    main()
