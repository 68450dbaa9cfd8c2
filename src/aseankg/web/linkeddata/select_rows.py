"""The server's own SELECT queries through the engine, answered as rdflib terms.

Labels, statistics, the story list and the like run on the engine like any
query, so the time limit and the worker isolation hold for them too; the row cap
does not, since their answers must be whole. Values go in as substitutions
(bound terms), never as text pasted into the query.
"""

from rdflib import Literal, URIRef
from rdflib.term import Node

from aseankg.engine import Term
from aseankg.rdf.terms import Terms
from aseankg.web.site import current_engine

Row = dict[str, Node]


def rows(solutions: list[dict[str, Term]]) -> list[Row]:
    """Solutions as rdflib terms (one conversion, so a blank node stays one node)."""
    terms = Terms()
    return [{name: terms.to_rdflib(term) for name, term in row.items()} for row in solutions]


def select(text: str, **bindings: URIRef | Literal) -> list[Row]:
    """Run a SELECT query with ``bindings`` substituted for its variables of the same name.

    A substituted variable must appear in the query's projection (Oxigraph's rule).
    """
    terms = Terms()
    substitutions = {name: terms.to_oxigraph(term) for name, term in bindings.items()}
    return rows(current_engine().select(text, **substitutions))


def as_iri(term: Node) -> URIRef:
    """``term``, which its query binds only to IRIs (a graph name, a node kept by ``isIRI``)."""
    if not isinstance(term, URIRef):
        raise TypeError(f"expected an IRI, got {term!r}")
    return term


def as_int(term: Node) -> int:
    """The value of ``term``, which its query binds only to integers (a count, a rank)."""
    if not isinstance(term, Literal):
        raise TypeError(f"expected a number, got {term!r}")
    return int(term.toPython())
