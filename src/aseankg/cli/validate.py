"""``aseankg validate``: check the graph, or a user's own RDF files, against the shapes."""

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from aseankg import validation
from aseankg.cli.errors import reports_input_errors
from aseankg.cli.options import articles_option, data_option
from aseankg.sources import bundle
from aseankg.sources.files import (
    Source,
    article_companions,
    articles_sources,
    dataset_sources,
    ontology_sources,
    reference_sources,
    user_sources,
)
from aseankg.validation.render import FORMATS, RENDERERS

#: The data does not conform.
EXIT_INVALID = 1


@contextmanager
def quiet_literal_warnings() -> Iterator[None]:
    """Silence rdflib's traceback for ill-typed literals: the report names them, with file."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: one line per result and a summary. json and turtle: the full report.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on violations.")
@data_option
@articles_option
@reports_input_errors
def validate(
    paths: tuple[Path, ...],
    format_name: str,
    strict: bool,
    data_dir: Path | None,
    article_dirs: tuple[Path, ...],
) -> None:
    """Check the knowledge graph, or your own RDF files, against the aseankg shapes.

    With no PATH, validates the bundled graph: ontology, reference data, the
    stories and the article folders under data/articles/. With --article
    FOLDER, checks that article as it would be served: together with the whole
    graph, whose events and documents its stories may name. With PATHs,
    validates those files together with the bundled ontology and reference
    data, so that your CI can check your Turtle against the aseankg shapes and
    use our countries, roles, topics and stories. A PATH is a file or a folder;
    folders are searched recursively for .ttl, .nt, .jsonld, .rdf, .trig and
    .nq files, skipping hidden ones and other suffixes. The summary counts the
    files checked, and apart from them those read as context.

    Each file goes into a named graph of its own (TriG, N-Quads and JSON-LD
    keep the graphs they name), so every result can say which file it comes
    from. Your files count as story data: they are the source of their facts.
    Within the aseankg graph namespace, though, a graph must belong to a story
    that names it with ak:storyGraph. Files of an article folder (article.ttl
    and stories/NN-*.ttl) go into the graphs they are served in instead; a
    story named without its article.ttl is read with it.

    \b
    What is checked:
      * the SHACL shapes of ontology/shapes.ttl, run on the ontology and the
        data together with RDFS subclass reasoning from the ontology (a summit
        is an event) but no domain or range inference, which would give a
        wrong value the expected type and hide the mistake;
      * the structural SPARQL checks of ontology/checks/*.rq: undeclared
        terms, undocumented classes and properties, duplicate labels and
        names that differ only in case, statements outside any story's
        graph, the ontology header.
    Both dates of an event must have one precision (xsd:date, xsd:gYearMonth
    or xsd:gYear): a day cannot be ordered against a year, so such a pair is
    reported by the precision rule and by the ordering rule.

    \b
    Exit status:
      0  the data conforms (warnings are allowed unless --strict)
      1  the data does not conform
      2  a file cannot be read or parsed (the message names file and line)

    \b
    Text output: one line per result
      SEVERITY  FOCUS-NODE  PATH  VALUE  MESSAGE  (FILE)
    then a summary line with the counts by severity.

    \b
    JSON output: {"conforms", "strict", "summary": {"violations", "warnings",
    "infos"}, "checked": {"files", "triples", "contextFiles", "nodeShapes",
    "propertyShapes", "constraints", "checks"}, "results": [{"severity", "focusNode",
    "resultPath", "value", "message", "sourceShape", "constraints", "file"}]}.
    focusNode and value are terms as in SPARQL 1.1 JSON results; resultPath is
    a SPARQL property path; sourceShape is the shape (or the check,
    https://w3id.org/aseankg/checks/NAME for ontology/checks/NAME.rq);
    constraints are the SHACL constraint components the finding breaks (a
    count written as a string breaks sh:datatype and sh:minInclusive of one
    shape, and is one finding).

    \b
    Turtle output: the SHACL validation report graph, with sh:conforms as
    decided by this run (warnings allowed unless --strict).
    """
    checked, context = _files(paths, data_dir or bundle.data_dir(), article_dirs)
    try:
        with quiet_literal_warnings():
            report = validation.validate(checked, context=context)
    except validation.ShaclError as error:
        click.echo(f"Error: the data cannot be validated: {error}", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(RENDERERS[format_name](report, strict), nl=False)
    if not report.conforms(strict):
        sys.exit(EXIT_INVALID)


def _files(
    paths: tuple[Path, ...], data: Path, article_dirs: tuple[Path, ...]
) -> tuple[list[Source], list[Source]]:
    """The files to check, and the files read with them because they rely on them."""
    ontology = bundle.ontology_dir()
    if paths:
        checked = user_sources(paths)
        context = ontology_sources(ontology) + reference_sources(data)
        return checked, context + articles_sources(article_dirs) + article_companions(checked)
    if article_dirs:
        return articles_sources(article_dirs), dataset_sources(data, ontology)
    return dataset_sources(data, ontology), []
