"""``aseankg find``: the IRIs of entities the graph already has, by name or code."""

import sys
from pathlib import Path

import click

from aseankg.authoring import lookup
from aseankg.cli.errors import reports_input_errors
from aseankg.cli.options import articles_option, data_option, data_sources_of
from aseankg.sources.oxigraph_store import load_store

#: Nothing is named like the text.
EXIT_NOT_FOUND = 1


@click.command()
@click.argument("text")
@click.option(
    "--all",
    "everywhere",
    is_flag=True,
    help="Also what the stories themselves name: events, documents, outcomes.",
)
@data_option
@articles_option
@reports_input_errors
def find(
    text: str, everywhere: bool, data_dir: Path | None, article_dirs: tuple[Path, ...]
) -> None:
    """Find shared entities named like TEXT, to reuse their IRIs in new data.

    Searches the labels, alternative labels and ISO 3166 codes of the
    countries, people, organisations, places, initiatives, topics and other
    entities every story may use, ignoring case and accents. Prints one line
    per entity, closest first, separated by tabs:

    \b
      IRI  TYPES  LABEL  [the name that matched, when it is not the label]

    \b
    Exit status: 0 something was found; 1 nothing was; 2 a file of the data
    cannot be read or parsed.
    """
    if not lookup.fold(text):
        raise click.BadParameter("give some text to look for", param_hint="'TEXT'")
    store = load_store(data_sources_of(data_dir, article_dirs))
    matches = lookup.find(store, text, everywhere)
    for match in matches:
        columns = [match.iri, ", ".join(match.types) or "-", match.label]
        if match.matched != match.label:
            columns.append(f"({match.matched})")
        click.echo("\t".join(columns))
    if not matches:
        where = "anywhere" if everywhere else "among the shared entities (--all looks further)"
        click.echo(f"Nothing is named like '{text}' {where}.", err=True)
        sys.exit(EXIT_NOT_FOUND)
