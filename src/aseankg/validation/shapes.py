"""The SHACL shapes: where they live, and which constraints they report on.

A constraint here is one constraint component used by one shape that can
produce results of its own: a targeted node shape or a property shape it
uses. Shapes nested inside sh:or, sh:not, sh:node or sh:qualifiedValueShape
only decide whether their parent's constraint holds, so they are not counted.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from aseankg.rdf.namespaces import SH
from aseankg.sources import bundle
from aseankg.sources.files import shapes_path

#: Constraint parameter -> the constraint component it belongs to (SHACL Core and SPARQL).
COMPONENTS: dict[URIRef, URIRef] = {
    SH[parameter]: SH[component + "ConstraintComponent"]
    for parameter, component in {
        "class": "Class",
        "datatype": "Datatype",
        "nodeKind": "NodeKind",
        "minCount": "MinCount",
        "maxCount": "MaxCount",
        "minExclusive": "MinExclusive",
        "minInclusive": "MinInclusive",
        "maxExclusive": "MaxExclusive",
        "maxInclusive": "MaxInclusive",
        "minLength": "MinLength",
        "maxLength": "MaxLength",
        "pattern": "Pattern",
        "languageIn": "LanguageIn",
        "uniqueLang": "UniqueLang",
        "equals": "Equals",
        "disjoint": "Disjoint",
        "lessThan": "LessThan",
        "lessThanOrEquals": "LessThanOrEquals",
        "not": "Not",
        "and": "And",
        "or": "Or",
        "xone": "Xone",
        "node": "Node",
        "qualifiedMinCount": "QualifiedMinCount",
        "qualifiedMaxCount": "QualifiedMaxCount",
        "closed": "Closed",
        "hasValue": "HasValue",
        "in": "In",
        "sparql": "SPARQL",
    }.items()
}

#: Where a shape's targets are declared.
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True)
class Constraint:
    """One reportable constraint: a shape, a component, and the SPARQL node for sh:sparql."""

    shape: Node
    component: URIRef
    sparql: Node | None = None


def shapes_file(ontology_dir: Path | None = None) -> Path:
    return shapes_path(ontology_dir or bundle.ontology_dir())


@cache
def load_shapes(path: Path) -> Graph:
    """The shapes graph, parsed once per process (callers must not modify it)."""
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def node_shapes(shapes: Graph) -> list[Node]:
    """Node shapes with targets: the entry points of validation."""
    found = {subject for target in TARGETS for subject in shapes.subjects(target, None)}
    return sorted(found, key=str)


def property_shapes(shapes: Graph) -> list[Node]:
    """Property shapes that targeted node shapes use directly."""
    found = {prop for shape in node_shapes(shapes) for prop in shapes.objects(shape, SH.property)}
    return sorted(found, key=str)


def constraints(shapes: Graph) -> list[Constraint]:
    """Every constraint that can appear as the source of a validation result."""
    found: list[Constraint] = []
    for shape in node_shapes(shapes) + property_shapes(shapes):
        for parameter, value in shapes.predicate_objects(shape):
            component = COMPONENTS.get(parameter) if isinstance(parameter, URIRef) else None
            if component is None:
                continue
            sparql = value if parameter == SH.sparql else None
            found.append(Constraint(shape, component, sparql))
    return sorted(set(found), key=lambda c: (str(c.shape), str(c.component), str(c.sparql)))
