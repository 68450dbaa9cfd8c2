"""Validate aseankg data: SHACL shapes plus structural SPARQL checks, in one report.

The steps are separate modules: :mod:`.loading` reads the files (once) and
remembers which file said what, :mod:`.shacl` runs the shapes,
:mod:`.checks` runs the structural queries, :mod:`.report` merges both into
one list of results, and :mod:`.render` writes it as text, JSON or Turtle.
"""

from collections.abc import Sequence
from pathlib import Path

from aseankg.layout import Source
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


def validate(sources: Sequence[Source], ontology_dir: Path | None = None) -> Report:
    """Validate the files of ``sources`` against the shapes and checks of ``ontology_dir``.

    Raises SourceError for a file that cannot be read or parsed, and
    ShaclError when pySHACL cannot evaluate the data.
    """
    shapes = load_shapes(shapes_file(ontology_dir))
    checks = load_checks(checks_dir(ontology_dir))
    loaded = load(sources)
    graph = run_shacl(loaded.dataset, shapes)
    found = results_from_shacl(graph, loaded.origins)
    from_checks = results_from_checks(
        run_checks(loaded.dataset, checks), loaded.origins, short_name
    )
    add_to_graph(graph, from_checks)
    statistics = Statistics(
        files=len(loaded.files),
        triples=sum(1 for _ in loaded.dataset.quads((None, None, None, None))),
        node_shapes=len(node_shapes(shapes)),
        property_shapes=len(property_shapes(shapes)),
        constraints=len(constraints(shapes)),
        checks=len(checks),
    )
    return Report(merge(found + from_checks), graph, statistics)
