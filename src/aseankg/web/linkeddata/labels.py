"""Names for people: the label of every IRI the dataset labels, and of each story graph."""

from rdflib import Literal, URIRef

from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import ONTOLOGY, REFERENCE_GRAPH, local_name
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.select_rows import as_int, select

#: Lower rank wins: rdfs:label, then skos:prefLabel, then dcterms:title.
LABELS_QUERY = query_text("labels")


def _preference(rank: int, label: Literal) -> tuple[int, int]:
    language = label.language or ""
    return rank, 0 if language in ("en", "") or language.startswith("en-") else 1


@app_cached
def label_index() -> dict[URIRef, str]:
    """Every labelled IRI with its best label (English rdfs:label first)."""
    best: dict[URIRef, tuple[tuple[int, int], str]] = {}
    for row in select(LABELS_QUERY):
        iri, label = row["iri"], row["label"]
        assert isinstance(iri, URIRef) and isinstance(label, Literal)
        preference = _preference(as_int(row["rank"]), label)
        if iri not in best or preference < best[iri][0]:
            best[iri] = (preference, str(label))
    return {iri: label for iri, (_, label) in best.items()}


def label_of(iri: URIRef) -> str:
    """The IRI's label, or its last segment when the dataset gives none."""
    return label_index().get(iri) or local_name(iri)


def graph_title(graph: URIRef) -> str:
    """What a named graph holds, for people: the ontology, the reference data, a story."""
    if graph == ONTOLOGY:
        return "The aseankg ontology"
    if graph == REFERENCE_GRAPH:
        return "Reference data: the actors, places, vocabularies and sources all stories share"
    return label_index().get(graph) or str(graph)
