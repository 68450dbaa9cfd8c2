"""Terms cross between rdflib and Oxigraph unchanged, blank nodes included."""

import pyoxigraph
import pytest
from rdflib import XSD, BNode, Literal, URIRef

from aseankg.rdf.terms import Terms


@pytest.mark.parametrize(
    "term",
    [
        URIRef("https://w3id.org/aseankg/id/country/my"),
        Literal("Kuala Lumpur", lang="en"),
        Literal("2025-10-28", datatype=XSD.date),
        Literal("2025-09-31", datatype=XSD.date),  # ill-typed: kept as written
        Literal("plain"),
    ],
)
def test_terms_round_trip(term: URIRef | Literal) -> None:
    terms = Terms()
    assert terms.to_rdflib(terms.to_oxigraph(term)) == term


def test_a_blank_node_stays_one_node_both_ways() -> None:
    terms = Terms()
    blank = BNode()
    converted = terms.to_oxigraph(blank)
    assert isinstance(converted, pyoxigraph.BlankNode)
    assert terms.to_oxigraph(blank) == converted
    assert terms.to_rdflib(converted) == blank
    assert terms.to_oxigraph(BNode()) != converted


def test_blank_nodes_from_oxigraph_get_fresh_rdflib_nodes() -> None:
    """``_:b0`` of two documents are two nodes; within one document, one node."""
    first, second = Terms(), Terms()
    label = pyoxigraph.BlankNode("b0")
    assert first.to_rdflib(label) == first.to_rdflib(label)
    assert first.to_rdflib(label) != second.to_rdflib(label)
    assert first.to_oxigraph(first.to_rdflib(label)) == label
