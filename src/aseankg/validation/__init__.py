"""Validate aseankg data: SHACL shapes plus structural SPARQL checks, in one report.

The steps are separate modules: :mod:`.loading` reads the files (once) and
remembers which file said what, :mod:`.shacl` runs the shapes,
:mod:`.checks` runs the structural queries, :mod:`.report` merges both into
one list of results, and :mod:`.render` writes it as text, JSON or Turtle.
"""

from collections.abc import Sequence
from pathlib import Path

from aseankg.sources.files import Source
from aseankg.validation.checks import checks_dir, load_checks, run_checks
from aseankg.validation.loading import load
from aseankg.validation.render import short_name
from aseankg.validation.report import (
    Report,
    Result,
    Statistics,
    add_to_graph,
    merge,
    results_from_checks,
    results_from_shacl,
)
from aseankg.validation.shacl import ShaclError, run_shacl
from aseankg.validation.shapes import (
    constraints,
    load_shapes,
    node_shapes,
    property_shapes,
    shapes_file,
)

__all__ = ["Report", "Result", "ShaclError", "validate"]


def validate(
    sources: Sequence[Source],
    ontology_dir: Path | None = None,
    context: Sequence[Source] = (),
) -> Report:
    """Validate the files of ``sources`` against the shapes and checks of ``ontology_dir``.

    ``context`` are files read first because the checked ones rely on them (the
    ontology and reference data beside a user's files); the report counts them
    apart, so that it says how many files were asked to be checked.

    Raises SourceError for a file that cannot be read or parsed, and
    ShaclError when pySHACL cannot evaluate the data.
    """
    shapes = load_shapes(shapes_file(ontology_dir))
    checks = load_checks(checks_dir(ontology_dir))
    loaded = load([*context, *sources])
    checked = loaded.origins.files[len(context) :]
    graph = run_shacl(loaded.dataset, shapes)
    found = results_from_shacl(graph, loaded.origins)
    from_checks = results_from_checks(
        run_checks(loaded.dataset, checks), loaded.origins, short_name
    )
    add_to_graph(graph, from_checks)
    statistics = Statistics(
        files=len(checked),
        triples=sum(len(triples) for _, triples in checked),
        context_files=len(context),
        node_shapes=len(node_shapes(shapes)),
        property_shapes=len(property_shapes(shapes)),
        constraints=len(constraints(shapes)),
        checks=len(checks),
    )
    return Report(merge(found + from_checks), graph, statistics)
