"""``aseankg query``: run SPARQL, or a canned query, against the knowledge graph."""

import sys
from pathlib import Path

import click

from aseankg.canned import Catalogue, ParameterError, UnknownQuery, bind
from aseankg.canned.binding import largest_page
from aseankg.cli.errors import InputError, reports_input_errors
from aseankg.cli.options import (
    LIMITS,
    articles_option,
    data_option,
    data_sources_of,
    max_rows_option,
    timeout_option,
)
from aseankg.engine import Engine, EngineError, Limits
from aseankg.errors import SourceError
from aseankg.rdf.formats import RDF_SYNTAXES, RESULT_SYNTAXES, find, names, syntaxes_for
from aseankg.sources import bundle
from aseankg.sources.screening import open_regular_file

#: Bytes of the longest query accepted: four per character at most, in UTF-8.
_MOST_QUERY_BYTES = 4 * LIMITS.max_query_length

_FORMAT_HELP = (
    f"Result format, by name or media type. SELECT/ASK: {names(RESULT_SYNTAXES)} "
    f"(default json). CONSTRUCT/DESCRIBE: {names(RDF_SYNTAXES)} (default ttl)."
)


def _read(path: Path) -> str:
    """The query text of ``path`` (``-`` is standard input); unreadable files exit 2.

    Only a regular file is opened (a FIFO would block, a device never end), and no more
    of it is read than a query within the length limit can take.
    """
    if str(path) == "-":
        return sys.stdin.read()
    try:
        with open_regular_file(path) as handle:
            data = handle.read(_MOST_QUERY_BYTES + 1)
        if len(data) > _MOST_QUERY_BYTES:
            raise InputError(
                f"{path}: larger than any query of at most {LIMITS.max_query_length} characters"
            )
        return data.decode("utf-8")
    except SourceError as error:
        raise InputError(str(error)) from error
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise InputError(f"{path}: {reason}") from error


def _pairs(params: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for param in params:
        name, equals, value = param.partition("=")
        if not equals:
            raise click.UsageError(f"--param {param!r} must be KEY=VALUE")
        pairs.append((name, value))
    return pairs


def _list(catalogue: Catalogue) -> None:
    for query in catalogue.values():
        click.echo(f"{query.name}  ({query.form})")
        click.echo(f"    {query.decorators.summary}")
        for parameter in query.parameters:
            details = parameter.describe()
            facts = [details["type"] if not parameter.language else f"text@{parameter.language}"]
            facts.append("required" if parameter.required else "optional")
            if parameter.default is not None:
                facts.append(f"default {parameter.default}")
            if parameter.allowed:
                facts.append(f"one of {', '.join(parameter.allowed)}")
            click.echo(f"    --param {parameter.name}=...  ({'; '.join(facts)})")


def _canned(name: str, params: tuple[str, ...], max_rows: int) -> tuple[str, str]:
    """The file and bound text of a canned query; a bad name or value exits 1."""
    pairs = _pairs(params)
    try:
        query = Catalogue.load(bundle.queries_dir())[name]
        bound = bind(query, pairs, max_limit=largest_page(max_rows))
    except (UnknownQuery, ParameterError) as error:
        raise click.ClickException(str(error)) from None
    return str(query.path), bound.text


def _run(text: str, where: str, format_name: str | None, engine: Engine) -> bytes:
    """Prepare and execute; a refused, failing or overlong query exits 1 naming ``where``."""
    try:
        prepared = engine.prepare(text)
        offers = syntaxes_for(prepared.form)
        result_format = find(offers, format_name) if format_name else offers[0]
        if result_format is None:
            raise click.ClickException(
                f"format '{format_name}' cannot hold a {prepared.form} result; "
                f"use one of: {names(offers)}"
            )
        payload = engine.execute(prepared, result_format).payload
    except EngineError as error:
        raise click.ClickException(f"{where}: {error}") from None
    if prepared.row_cap is not None:
        click.echo(f"note: the result stops at {prepared.row_cap} rows (--max-rows)", err=True)
    return payload


@click.command()
@click.argument("text", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="Read the query from a file ('-' for standard input).",
)
@click.option("--canned", metavar="NAME", help="Run a canned query from the catalogue.")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A canned query's parameter (repeatable); limit= and offset= choose the page.",
)
@click.option("--list", "list_canned", is_flag=True, help="List the canned queries and exit.")
@click.option(
    "--show-query", is_flag=True, help="Print the query that would run (parameters bound) and exit."
)
@click.option("--format", "format_name", metavar="NAME", help=_FORMAT_HELP)
@data_option
@articles_option
@timeout_option("exit status 1")
@max_rows_option
@reports_input_errors
def query(
    text: str | None,
    query_file: Path | None,
    canned: str | None,
    params: tuple[str, ...],
    list_canned: bool,
    show_query: bool,
    format_name: str | None,
    data_dir: Path | None,
    article_dirs: tuple[Path, ...],
    timeout: float,
    max_rows: int,
) -> None:
    """Run a SPARQL query over the knowledge graph and write the result to standard output.

    \b
    Give the query in exactly one way:
      aseankg query 'SELECT ?s WHERE { ?s a <https://w3id.org/aseankg/ontology#Summit> }'
      aseankg query --file question.rq --format csv
      aseankg query --canned events-by-country \\
          --param country=https://w3id.org/aseankg/id/country/my

    The query runs on the same engine as the endpoint, with the same safety: read-only,
    no SERVICE, a row cap and a time limit. The default graph is the union of all graphs;
    GRAPH and FROM NAMED reach the story graphs. Canned queries bind their parameters as
    typed RDF terms and check them exactly as GET /api/queries/NAME does (see --list).

    \b
    Exit status:
      0  the result was written
      1  the query was refused, failed or ran out of time, or a parameter or
         format did not fit (the message says why and where)
      2  an input file could not be read or parsed
    """
    given = [text is not None, query_file is not None, canned is not None, list_canned]
    if sum(given) != 1:
        raise click.UsageError("give exactly one of: QUERY text, --file, --canned or --list")
    if params and canned is None:
        raise click.UsageError("--param goes with --canned")
    if list_canned:
        _list(Catalogue.load(bundle.queries_dir()))
        return
    if canned is not None:
        where, text = _canned(canned, params, max_rows)
    elif query_file is not None:
        where, text = str(query_file), _read(query_file)
    else:
        where, text = "query", str(text)
    if show_query:
        click.echo(text)
        return
    engine = Engine.from_sources(
        data_sources_of(data_dir, article_dirs),
        limits=Limits(timeout=timeout, max_rows=max_rows),
        workers=1,
    )
    try:
        payload = _run(text, where, format_name, engine)
    finally:
        engine.close()
    sys.stdout.buffer.write(payload)
    if not payload.endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")
