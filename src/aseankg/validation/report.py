"""One report for SHACL results and structural-check rows alike.

Both become :class:`Result` objects (what the text and JSON reports show) and
sh:ValidationResult nodes of one SHACL validation report graph (what the
Turtle report shows), so that machines and people see the same findings.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from aseankg.rdf.namespaces import SH, bind_prefixes
from aseankg.validation.checks import Row
from aseankg.validation.loading import Inverse, Origins, Step

#: Severities from most to least serious.
SEVERITY_ORDER = (SH.Violation, SH.Warning, SH.Info)

_PATH_OPERATORS = {
    SH.zeroOrMorePath: "*",
    SH.oneOrMorePath: "+",
    SH.zeroOrOnePath: "?",
}


@dataclass(frozen=True)
class PropertyPath:
    """A SHACL property path, kept as a tree so it can be written with full or short names."""

    predicate: URIRef | None = None
    operator: str | None = None  # "^", "/", "|", "*", "+", "?"
    parts: tuple["PropertyPath", ...] = ()

    @property
    def step(self) -> Step:
        """The single predicate (or inverse predicate) the path is, if it is that simple."""
        if self.predicate is not None:
            return self.predicate
        if self.operator == "^" and self.parts[0].predicate is not None:
            return Inverse(self.parts[0].predicate)
        return None

    def render(self, name: Callable[[URIRef], str]) -> str:
        """SPARQL property path syntax, naming each IRI with ``name``."""
        if self.predicate is not None:
            return name(self.predicate)
        inner = [
            part.render(name) if part.predicate is not None else f"({part.render(name)})"
            for part in self.parts
        ]
        if self.operator == "^":
            return "^" + inner[0]
        if self.operator in ("/", "|"):
            return self.operator.join(inner)
        return inner[0] + (self.operator or "")


def read_path(graph: Graph, node: Node) -> PropertyPath:
    """The SHACL path whose description in ``graph`` starts at ``node``."""
    if isinstance(node, URIRef):
        return PropertyPath(predicate=node)
    if (node, RDF.first, None) in graph:
        return PropertyPath(
            operator="/", parts=tuple(read_path(graph, n) for n in Collection(graph, node))
        )
    if (inverse := graph.value(node, SH.inversePath)) is not None:
        return PropertyPath(operator="^", parts=(read_path(graph, inverse),))
    if (alternatives := graph.value(node, SH.alternativePath)) is not None:
        return PropertyPath(
            operator="|", parts=tuple(read_path(graph, n) for n in Collection(graph, alternatives))
        )
    for predicate, operator in _PATH_OPERATORS.items():
        if (inner := graph.value(node, predicate)) is not None:
            return PropertyPath(operator=operator, parts=(read_path(graph, inner),))
    raise ValueError(f"not a SHACL property path: {node}")


@dataclass(frozen=True)
class Result:
    """One finding: what is wrong, where, how badly, and which rule says so."""

    severity: URIRef
    focus: Node
    path: PropertyPath | None
    value: Node | None
    message: str
    source_shape: Node
    constraints: tuple[URIRef, ...]
    file: Path | None

    @property
    def severity_name(self) -> str:
        return self.severity.removeprefix(str(SH))

    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        rank = SEVERITY_ORDER.index(self.severity) if self.severity in SEVERITY_ORDER else 3
        path = self.path.render(str) if self.path else ""
        return (rank, str(self.file or ""), str(self.focus), path, str(self.value), self.message)


@dataclass(frozen=True)
class Statistics:
    """How much was checked, for the summary line and for readers of the JSON report."""

    files: int
    """The files asked to be checked."""
    triples: int
    """Their triples (a triple stated in two of them counts twice)."""
    node_shapes: int
    property_shapes: int
    constraints: int
    checks: int
    context_files: int = 0
    """Files read with them because they rely on them: the ontology, reference data."""


@dataclass
class Report:
    """The findings of one run, in reading order, with the report graph they came from.

    Whether the data conforms depends on the caller (``--strict`` or not), so it
    is asked of the report rather than stored in it.
    """

    results: list[Result]
    graph: Graph
    statistics: Statistics
    counts: Counter[str] = field(init=False)

    def __post_init__(self) -> None:
        self.results.sort(key=Result.sort_key)
        self.counts = Counter(result.severity_name for result in self.results)

    def conforms(self, strict: bool = False) -> bool:
        """No violation; with ``strict``, no warning either. Infos never fail."""
        failing = {"Violation", "Warning"} if strict else {"Violation"}
        return not any(self.counts[name] for name in failing)

    def report_graph(self, strict: bool = False) -> Graph:
        """The SHACL validation report, with sh:conforms as this run decided it."""
        graph = bind_prefixes(Graph())
        graph += self.graph
        for report in graph.subjects(RDF.type, SH.ValidationReport):
            graph.set((report, SH.conforms, Literal(self.conforms(strict))))
        return graph


def results_from_shacl(graph: Graph, origins: Origins) -> list[Result]:
    """The results of a pySHACL report graph, each with the file its focus node comes from."""
    results = []
    for node in graph.objects(None, SH.result):  # not the sh:detail of nested shapes
        focus = graph.value(node, SH.focusNode)
        path_node = graph.value(node, SH.resultPath)
        path = read_path(graph, path_node) if path_node is not None else None
        value = graph.value(node, SH.value)
        messages = sorted(str(m) for m in graph.objects(node, SH.resultMessage))
        assert focus is not None
        results.append(
            Result(
                severity=_uri(graph.value(node, SH.resultSeverity)),
                focus=focus,
                path=path,
                value=value,
                message=messages[0] if messages else "",
                source_shape=_node(graph.value(node, SH.sourceShape)),
                constraints=(_uri(graph.value(node, SH.sourceConstraintComponent)),),
                file=origins.file_of(focus, path.step if path else None, value),
            )
        )
    return results


def results_from_checks(
    rows: Iterable[Row], origins: Origins, name: Callable[[Node], str]
) -> list[Result]:
    """Check rows as results; ``name`` writes the terms the message template refers to."""
    results = []
    for row in rows:
        terms = {"focus": row.focus, "path": row.path, "value": row.value, **row.bindings}
        message = row.check.message.format_map(
            {key: name(term) for key, term in terms.items() if term is not None}
        )
        path = PropertyPath(predicate=row.path) if row.path is not None else None
        results.append(
            Result(
                severity=row.check.severity,
                focus=row.focus,
                path=path,
                value=row.value,
                message=message,
                source_shape=row.check.iri,
                constraints=(SH.SPARQLConstraintComponent,),
                file=origins.file_of(row.focus, row.path, row.value),
            )
        )
    return results


def add_to_graph(graph: Graph, results: Iterable[Result]) -> None:
    """Record check results in a SHACL report graph, next to pySHACL's own results."""
    report = graph.value(None, RDF.type, SH.ValidationReport, any=True)
    assert report is not None
    for result in results:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.resultSeverity, result.severity))
        graph.add((node, SH.focusNode, result.focus))
        if result.path is not None and result.path.predicate is not None:
            graph.add((node, SH.resultPath, result.path.predicate))
        if result.value is not None:
            graph.add((node, SH.value, result.value))
        graph.add((node, SH.resultMessage, Literal(result.message, lang="en")))
        graph.add((node, SH.sourceShape, result.source_shape))
        for constraint in result.constraints:
            graph.add((node, SH.sourceConstraintComponent, constraint))


def merge(results: Iterable[Result]) -> list[Result]:
    """One result per finding: a shape whose constraints fail together on one value.

    A count written as a string breaks both sh:datatype and sh:minInclusive of
    one shape, with one message; people need to read that once.
    """
    merged: dict[tuple[object, ...], Result] = {}
    for result in results:
        key = (
            result.severity,
            result.focus,
            result.path,
            result.value,
            result.message,
            result.source_shape,
        )
        if key in merged:
            constraints = sorted({*merged[key].constraints, *result.constraints})
            merged[key] = replace(merged[key], constraints=tuple(constraints))
        else:
            merged[key] = result
    return list(merged.values())


def _node(node: Node | None) -> Node:
    assert node is not None
    return node


def _uri(node: Node | None) -> URIRef:
    assert isinstance(node, URIRef), node
    return node
