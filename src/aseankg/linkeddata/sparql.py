"""SELECT queries through the engine, answered as rdflib terms.

Linked-data views query the engine like any client does, so the time limit,
the row cap and the worker isolation hold for them too. Values go in as
substitutions (bound terms), never as text pasted into the query.
"""

import io

from rdflib import Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from aseankg.formats import SPARQL_JSON
from aseankg.terms import Terms
from aseankg.web.extension import current_engine

Row = dict[str, Node]


def select(text: str, **bindings: URIRef | Literal) -> list[Row]:
    """Run a SELECT query with ``bindings`` substituted for its variables of the same name.

    A substituted variable must appear in the query's projection (Oxigraph's rule).
    """
    engine = current_engine()
    payload = engine.execute(
        engine.prepare(text),
        SPARQL_JSON,
        substitutions={name: Terms().to_oxigraph(term) for name, term in bindings.items()},
    )
    result = Result.parse(io.BytesIO(payload), format="json")
    return [{str(name): value for name, value in row.items()} for row in result.bindings]
