"""Run the SHACL shapes with pySHACL.

The data graph is the union of the ontology and the data, and no inference
is run. SHACL's own rules already follow rdfs:subClassOf in the data graph
(a summit is a SHACL instance of ak:Event), which is the reasoning the shapes
need. RDFS entailment would also apply rdfs:range and rdfs:domain: an event
wrongly used as ak:participant would be inferred to be an ak:Actor, and the
shape that must catch the mistake would pass.
"""

from typing import Any

from pyshacl import validate
from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.core.property_pair_constraints import (
    LessThanOrEqualsConstraintComponent,
)
from pyshacl.errors import ReportableRuntimeError
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from aseankg.rdf.namespaces import SH

#: Numeric datatypes, which SPARQL compares with one another by value.
NUMERIC = {
    XSD[name]
    for name in [
        "decimal",
        "integer",
        "float",
        "double",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "positiveInteger",
    ]
}


class ShaclError(Exception):
    """pySHACL could not finish evaluating the data."""


class ComparingLessThanOrEquals(LessThanOrEqualsConstraintComponent):
    """sh:lessThanOrEquals as the SHACL specification words it.

    "Where the first value is not less than or equal to the second value ...
    or where the two values cannot be compared, there is a validation result."
    pySHACL raises instead when values cannot be compared: rdflib has no
    ordering for literals without a Python value, which is every xsd:gYear and
    xsd:gYearMonth and every ill-typed literal, so a reversed pair of years
    would stop validation rather than be reported. And where rdflib does
    answer for two different datatypes, such as a day and a year, it orders
    them by datatype IRI, as SPARQL's ORDER BY does, where SPARQL's ``<=``
    raises a type error. So each pair is compared on its own; literals of
    different datatypes (other than two numbers) and pairs rdflib cannot
    order are results.
    """

    def _compare_ltoe(
        self, value_node_set: Any, compare_values: Any, datagraph: Any, f: Any
    ) -> tuple[bool, list[Any]]:
        non_conformant = False
        reports: list[Any] = []
        for value in value_node_set:
            for other in compare_values:
                try:
                    if not comparable(value, other):
                        raise TypeError(f"{value!r} and {other!r} have no common order")
                    failed, found = super()._compare_ltoe({value}, {other}, datagraph, f)
                except (TypeError, ReportableRuntimeError):
                    failed, found = True, [self.make_v_result(datagraph, f, value_node=value)]
                non_conformant = non_conformant or failed
                reports.extend(found)
        return non_conformant, reports


def comparable(first: Node, second: Node) -> bool:
    """Whether SPARQL's ``<=`` is defined for two terms' datatypes (values aside)."""
    if not (isinstance(first, Literal) and isinstance(second, Literal)):
        return True  # pySHACL's own rules: IRIs as strings, blank nodes refused
    kinds = {_datatype(first), _datatype(second)}
    return len(kinds) == 1 or kinds <= NUMERIC


def _datatype(literal: Literal) -> URIRef:
    if literal.language:
        return RDF.langString
    return literal.datatype or XSD.string


def run_shacl(dataset: Dataset, shapes: Graph) -> Graph:
    """The SHACL validation report graph for ``dataset``; the dataset is not modified.

    pySHACL finds constraint components in a module-level registry; ours
    replaces its sh:lessThanOrEquals there, for every later use in the process.
    """
    CONSTRAINT_PARAMETERS_MAP[SH.lessThanOrEquals] = ComparingLessThanOrEquals
    try:
        _, report, _ = validate(
            dataset,
            shacl_graph=shapes,
            inference="none",
            allow_infos=True,
            allow_warnings=True,
            advanced=False,
        )
    except ReportableRuntimeError as error:
        raise ShaclError(error.message) from error
    assert isinstance(report, Graph)
    return report
