"""What the documentation adds to pyLODE's page: alignments, related documents, shapes.

The values are prepared here as text and IRIs; the templates escape them.
"""

from dataclasses import dataclass

from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import BNode, Node

from aseankg.rdf.namespaces import SH, compact, local_name

#: SKOS mapping properties, the way this ontology aligns terms to other vocabularies.
MAPPINGS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)


@dataclass(frozen=True)
class Alignment:
    anchor: str
    label: str
    relation: str
    targets: tuple[tuple[str, str], ...]
    """(IRI, short name) of each aligned term."""


@dataclass(frozen=True)
class ShapeRow:
    name: str
    value: str
    link: str | None = None


@dataclass(frozen=True)
class Shape:
    anchor: str
    kind: str
    comment: str
    rows: tuple[ShapeRow, ...]


@dataclass(frozen=True)
class Supplement:
    document: str
    see_also: tuple[str, ...]
    alignments: tuple[Alignment, ...]
    shapes: tuple[Shape, ...]


def short(graph: Graph, term: Node) -> str:
    """``schema:Person`` for an IRI of a bound namespace; Turtle-like text for anything else."""
    if isinstance(term, URIRef):
        return compact(term) or str(term)
    if isinstance(term, BNode):
        if graph.value(term, RDF.first) is not None or term == RDF.nil:
            return "( " + " ".join(short(graph, item) for item in Collection(graph, term)) + " )"
        inner = " ; ".join(
            f"{short(graph, p)} {short(graph, o)}" for p, o in graph.predicate_objects(term)
        )
        return f"[ {inner} ]"
    return term.n3(graph.namespace_manager)


def _label(graph: Graph, term: URIRef) -> str:
    return str(graph.value(term, RDFS.label) or local_name(term))


def alignments(graph: Graph) -> tuple[Alignment, ...]:
    found = []
    for relation in MAPPINGS:
        for subject in sorted({s for s in graph.subjects(relation) if isinstance(s, URIRef)}):
            targets = tuple(
                (str(target), short(graph, target))
                for target in sorted(graph.objects(subject, relation), key=str)
            )
            found.append(
                Alignment(
                    local_name(subject), _label(graph, subject), short(graph, relation), targets
                )
            )
    return tuple(sorted(found, key=lambda alignment: (alignment.label.lower(), alignment.relation)))


def _shape_rows(graph: Graph, shape: Node) -> tuple[ShapeRow, ...]:
    rows = []
    for predicate, obj in sorted(
        graph.predicate_objects(shape), key=lambda pair: (str(pair[0]), str(pair[1]))
    ):
        if predicate in (RDF.type, RDFS.comment):
            continue
        link = None
        if isinstance(obj, URIRef):
            in_document = (obj, RDF.type, None) in graph
            link = f"#{local_name(obj)}" if in_document else str(obj)
        rows.append(ShapeRow(short(graph, predicate), short(graph, obj), link))
    return tuple(rows)


def shapes(graph: Graph) -> tuple[Shape, ...]:
    """Every named node and property shape, with its constraints."""
    found = []
    for kind in (SH.NodeShape, SH.PropertyShape):
        for shape in sorted(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)):
            comment = str(graph.value(shape, RDFS.comment) or "")
            found.append(
                Shape(local_name(shape), local_name(kind), comment, _shape_rows(graph, shape))
            )
    return tuple(found)


def supplement(graph: Graph, document: URIRef) -> Supplement:
    return Supplement(
        document=str(document),
        see_also=tuple(sorted(str(iri) for iri in graph.objects(document, RDFS.seeAlso))),
        alignments=alignments(graph),
        shapes=shapes(graph),
    )
