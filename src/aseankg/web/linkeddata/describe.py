"""What the server says about one resource: its concise bounded description, with provenance.

The description holds every fact in which the resource is subject (outgoing)
or object (incoming), and the facts of the n-ary nodes attached to it either
way (participations with their roles, quantities and changes with their
qualifiers and units), each fact with the named graph, that is the story, it
comes from.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.term import Node

from aseankg.own_queries import query_text
from aseankg.rdf.formats import SPARQL_JSON
from aseankg.rdf.terms import Terms
from aseankg.sources.rdflib_dataset import new_dataset
from aseankg.web.linkeddata.select_rows import as_iri, rows
from aseankg.web.site import current_engine

DESCRIPTION_QUERY = query_text("description")

Quad = tuple[Node, URIRef, Node, URIRef]


@dataclass(frozen=True)
class Description:
    """The facts about ``resource``, each as (subject, predicate, object, graph)."""

    resource: URIRef
    quads: tuple[Quad, ...]
    row_cap: int | None
    """The engine's row cap when it cut the description short, else None."""

    def dataset(self) -> Dataset:
        """The facts as an rdflib Dataset, one named graph per source graph."""
        dataset = new_dataset()
        for subject, predicate, obj, graph in self.quads:
            dataset.graph(graph).add((subject, predicate, obj))
        return dataset

    def about(self, subject: Node) -> Iterator[Quad]:
        return (quad for quad in self.quads if quad[0] == subject)

    def pointing_at(self, obj: Node) -> Iterator[Quad]:
        return (quad for quad in self.quads if quad[2] == obj)


def describe(resource: URIRef) -> Description | None:
    """The description of ``resource``, or None when the dataset never mentions it.

    A description answers a request and grows with the data, so the row cap holds.
    """
    engine = current_engine()
    prepared = engine.prepare(DESCRIPTION_QUERY)
    result = engine.execute_own(prepared, SPARQL_JSON, {"resource": Terms().to_oxigraph(resource)})
    found = rows(result.solutions())
    if not found:
        return None
    quads = tuple(
        sorted(
            {(row["s"], as_iri(row["p"]), row["o"], as_iri(row["g"])) for row in found},
            key=lambda quad: tuple(str(term) for term in quad),
        )
    )
    cut = prepared.row_cap is not None and len(found) >= prepared.row_cap
    return Description(resource, quads, prepared.row_cap if cut else None)
