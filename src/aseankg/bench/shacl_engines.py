"""Do pySHACL and pyrudof agree? Both run the shapes over the same files; results are compared.

A faster SHACL engine could only replace pySHACL behind an option if it reported
the same results. Each result is compared by what a user acts on: severity,
focus node and result path (a path other than a single property is compared
only as being complex, since the two engines write such paths differently).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from aseankg.rdf.namespaces import SH
from aseankg.sources import bundle
from aseankg.sources.files import ontology_sources, reference_sources, user_sources
from aseankg.validation.loading import load
from aseankg.validation.shacl import run_shacl
from aseankg.validation.shapes import load_shapes, shapes_file

Finding = tuple[str, str, str]
"""(severity, focus node, result path): the severity's local name, and IRIs as plain text."""


@dataclass(frozen=True)
class Comparison:
    file: Path
    only_pyshacl: frozenset[Finding]
    only_pyrudof: frozenset[Finding]
    pyrudof_error: str | None = None

    @property
    def agree(self) -> bool:
        return not (self.only_pyshacl or self.only_pyrudof or self.pyrudof_error)


COMPLEX_PATH = "(complex path)"


def _path(text: str) -> str:
    return text if text == "-" or text.startswith("http") else COMPLEX_PATH


def _text(node: Node | None) -> str:
    return "-" if node is None else str(node)


def pyshacl_findings(graph: Graph) -> set[Finding]:
    report = run_shacl_graph(graph)
    return {
        (
            str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            _text(report.value(result, SH.focusNode)),
            _path(_text(report.value(result, SH.resultPath))),
        )
        for result in report.subjects(SH.resultSeverity, None)
    }


def run_shacl_graph(graph: Graph) -> Graph:
    from aseankg.sources.rdflib_dataset import new_dataset

    dataset = new_dataset()
    target = dataset.graph(URIRef("urn:x-aseankg:union"))
    for triple in graph:
        target.add(triple)
    return run_shacl(dataset, load_shapes(shapes_file()))


def pyrudof_findings(graph: Graph) -> set[Finding]:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(graph.serialize(format="nt"), format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(str(shapes_file()), format=pyrudof.ShaclFormat.Turtle)
    found = set()
    for entry in rudof.validate_shacl():
        path = _path(str(entry.path)) if entry.path else "-"
        found.add((str(entry.severity), str(entry.focus_node), path))
    return found


def compare(files: Iterable[Path]) -> list[Comparison]:
    """Validate each file (with the bundled ontology and reference data) with both engines."""
    comparisons = []
    for path in files:
        loaded = load(
            ontology_sources(bundle.ontology_dir())
            + reference_sources(bundle.data_dir())
            + user_sources([path])
        )
        union = Graph()
        for triple in loaded.dataset.triples((None, None, None)):
            union.add(triple)
        ours = pyshacl_findings(union)
        try:
            theirs = pyrudof_findings(union)
        except Exception as error:  # any engine failure is a finding of the comparison
            comparisons.append(Comparison(path, frozenset(), frozenset(), f"{error}"))
            continue
        comparisons.append(Comparison(path, frozenset(ours - theirs), frozenset(theirs - ours)))
    return comparisons
