"""``aseankg load``: put the dataset into a store that ``aseankg serve --store`` serves."""

import sys
from pathlib import Path

import click

from aseankg import validation
from aseankg.backends import StoreError, is_url
from aseankg.cli.errors import EXIT_INPUT, reports_input_errors
from aseankg.cli.options import articles_option, data_option, data_sources_of, store_kind_option
from aseankg.cli.validate import EXIT_INVALID, quiet_literal_warnings
from aseankg.engine.engine import fingerprint
from aseankg.sources.files import Source
from aseankg.validation.render import render_text


class StoreUnusable(click.ClickException):
    """The store cannot be written: one line, exit status 2."""

    exit_code = EXIT_INPUT


def _progress(line: str) -> None:
    click.echo(line, err=True)


def _validate(sources: list[Source]) -> None:
    """Stop before the store is touched when the data does not conform."""
    _progress(f"validating {len(sources)} files")
    try:
        with quiet_literal_warnings():
            report = validation.validate(sources, context=[])
    except validation.ShaclError as error:
        click.echo(f"Error: the data cannot be validated: {error}", err=True)
        sys.exit(EXIT_INVALID)
    if not report.conforms(False):
        click.echo(render_text(report, False), nl=False, err=True)
        click.echo("Error: the data does not conform; the store was not changed", err=True)
        sys.exit(EXIT_INVALID)


@click.command()
@click.option(
    "--store",
    required=True,
    metavar="PATH|URL",
    help="A PATH for a store on disk (a new path, or one aseankg load wrote before), or "
    "the SPARQL query URL of a store server.",
)
@data_option
@articles_option
@click.option("--no-validate", is_flag=True, help="Load without validating the data first.")
@click.option(
    "--update-url",
    metavar="URL",
    help="Load a store server through SPARQL Update at this URL (staged, then switched).",
)
@click.option(
    "--gsp-url",
    metavar="URL",
    help="Load a store server through the Graph Store Protocol at this URL (a PUT per graph).",
)
@store_kind_option
@reports_input_errors
def load(
    store: str,
    data_dir: Path | None,
    article_dirs: tuple[Path, ...],
    no_validate: bool,
    update_url: str | None,
    gsp_url: str | None,
    store_kind: str | None,
) -> None:
    """Load the knowledge graph into a store, for aseankg serve --store.

    Loads the ontology, the reference data and every story (of --data, and of
    each --article folder), after validating them as aseankg validate does.

    \b
    --store PATH writes a persistent Oxigraph store on disk: into a new folder
    beside PATH, which PATH is then switched to in one rename. A load that
    fails leaves the previous store as it was; a PATH that exists and is not
    an aseankg store is refused.

    \b
    --store URL loads a store server (Oxigraph, Virtuoso, any SPARQL 1.1
    store), by SPARQL Update (--update-url: staged graphs, then one request
    moving them into place) or by the Graph Store Protocol (--gsp-url: a PUT
    replacing each graph); the store's kind suggests one when neither is given.
    Credentials come from ASEANKG_STORE_USER and ASEANKG_STORE_PASSWORD, or
    from a netrc file, never from the command line.

    \b
    Exit status:
      0  loaded
      1  the data does not conform (nothing was loaded)
      2  a file cannot be read or parsed, or the store cannot be used
    """
    sources = data_sources_of(data_dir, article_dirs)
    if not no_validate:
        _validate(sources)
    try:
        if is_url(store):
            from aseankg.backends import publish

            loaded = publish.load(
                store,
                sources,
                _progress,
                kind=store_kind,
                gsp_url=gsp_url,
                update_url=update_url,
            )
            how = "switched at once" if loaded.atomic else "graph by graph"
            click.echo(
                f"loaded {loaded.triples} triples in {loaded.graphs} graphs into {store} ({how})"
            )
            return
        if gsp_url or update_url or store_kind:
            raise StoreError("--update-url, --gsp-url and --store-kind are for a store server")
        from aseankg.backends import disk

        marker = disk.load(Path(store), sources, fingerprint(sources), _progress)
        click.echo(f"loaded {marker.quads} triples in {len(marker.graphs)} graphs into {store}")
    except StoreError as error:
        raise StoreUnusable(str(error)) from None
