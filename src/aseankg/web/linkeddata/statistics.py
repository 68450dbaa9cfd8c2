"""Counts over the dataset, computed by queries through the engine.

Triples are counted per named graph and summed (a fact stated in two graphs
counts twice), so the counts of the graphs add up to the whole and equal the
number of quads in the store and in the dumps. Entities are the distinct
resources under the public ``id/`` space that are subjects of some fact.
"""

from dataclasses import dataclass

from rdflib import Literal, URIRef

from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import ID
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.select_rows import as_int, as_iri, select

PER_GRAPH_QUERY = query_text("triples-per-graph")

TOTALS_QUERY = query_text("dataset-totals")

CLASSES_QUERY = query_text("instances-per-class")

PROPERTIES_QUERY = query_text("triples-per-property")

UNION_QUERY = query_text("distinct-triples")

EXACT_MATCHES_QUERY = query_text("exact-matches")


@dataclass(frozen=True)
class GraphCount:
    graph: URIRef
    triples: int
    entities: int


@dataclass(frozen=True)
class Statistics:
    triples: int
    union_triples: int
    """Distinct triples of the default graph, the union of the named graphs (a fact stated
    in two graphs counts once)."""
    entities: int
    subjects: int
    objects: int
    graphs: tuple[GraphCount, ...]
    classes: tuple[tuple[URIRef, int], ...]
    """Each class used with its number of distinct instances."""
    properties: tuple[tuple[URIRef, int], ...]
    """Each property used with its number of triples."""


@app_cached
def statistics() -> Statistics:
    """Counts over every named graph; entities are IRIs under the ``id/`` space."""
    space = Literal(str(ID))
    totals = select(TOTALS_QUERY, space=space)
    total = totals[0] if totals else {}
    graphs = tuple(
        sorted(
            (
                GraphCount(as_iri(row["g"]), as_int(row["triples"]), as_int(row["entities"]))
                for row in select(PER_GRAPH_QUERY, space=space)
            ),
            key=lambda count: str(count.graph),
        )
    )
    return Statistics(
        triples=as_int(total.get("triples", Literal(0))),
        union_triples=as_int(select(UNION_QUERY)[0]["triples"]),
        entities=as_int(total.get("entities", Literal(0))),
        subjects=as_int(total.get("subjects", Literal(0))),
        objects=as_int(total.get("objects", Literal(0))),
        graphs=graphs,
        classes=tuple((row["class"], as_int(row["entities"])) for row in select(CLASSES_QUERY)),  # type: ignore[misc]
        properties=tuple(
            (as_iri(row["p"]), as_int(row["triples"])) for row in select(PROPERTIES_QUERY)
        ),
    )


@app_cached
def exact_matches(space: str) -> int:
    """The ``skos:exactMatch`` links to IRIs under ``space``, counted per graph as facts are."""
    found = select(EXACT_MATCHES_QUERY, space=Literal(space))
    return as_int(found[0]["links"]) if found else 0
