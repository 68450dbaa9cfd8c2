"""The ``aseankg`` command: one entry point, a subcommand per job."""

import click

from aseankg import __version__
from aseankg.cli.bench import bench
from aseankg.cli.export import export
from aseankg.cli.find import find
from aseankg.cli.load import load
from aseankg.cli.new import new
from aseankg.cli.query import query
from aseankg.cli.serve import serve
from aseankg.cli.validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aseankg")
def main() -> None:
    """Validate, query, export, load, serve and add to the China-ASEAN cooperation
    knowledge graph."""


main.add_command(bench)
main.add_command(export)
main.add_command(find)
main.add_command(load)
main.add_command(new)
main.add_command(query)
main.add_command(serve)
main.add_command(validate)
