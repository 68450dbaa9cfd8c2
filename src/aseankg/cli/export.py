"""``aseankg export``: write the whole dataset in one RDF syntax."""

import os
import sys
import tempfile
from pathlib import Path

import click

from aseankg import bundle
from aseankg.cli.errors import reports_input_errors
from aseankg.cli.options import SyntaxType, data_option
from aseankg.dumps import dataset_bytes
from aseankg.engine import Engine
from aseankg.formats import RDF_SYNTAXES, Syntax
from aseankg.layout import dataset_sources


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` only once the new content is fully written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


@click.command()
@click.option(
    "--format",
    "syntax",
    type=SyntaxType(RDF_SYNTAXES),
    default="trig",
    show_default=True,
    help="By name, alias or media type (nquads, turtle, text/turtle). trig, nq and jsonld "
    "keep one named graph per story; ttl, nt and rdfxml write their union.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write (replaced only when complete). Default: standard output.",
)
@data_option
@reports_input_errors
def export(syntax: Syntax, output: Path | None, data_dir: Path | None) -> None:
    """Write the dataset (ontology, reference data, story graphs) as RDF.

    The bytes are those of the server's /dumps files in the same syntax.
    """
    sources = dataset_sources(data_dir or bundle.data_dir(), bundle.ontology_dir())
    engine = Engine.from_sources(sources, workers=1)
    try:
        payload = dataset_bytes(engine, syntax)
    finally:
        engine.close()
    if output is None:
        sys.stdout.buffer.write(payload)
    else:
        write_atomically(output, payload)
