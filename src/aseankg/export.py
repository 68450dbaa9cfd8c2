"""Serialize the Dataset in the syntaxes consumers download."""

from rdflib import Dataset, Graph

from aseankg.namespaces import PREFIXES

#: Export format name -> (rdflib serializer, media type, file suffix).
FORMATS: dict[str, tuple[str, str, str]] = {
    "trig": ("trig", "application/trig", ".trig"),
    "nquads": ("nquads", "application/n-quads", ".nq"),
    "turtle": ("turtle", "text/turtle", ".ttl"),
    "jsonld": ("json-ld", "application/ld+json", ".jsonld"),
}


def union_graph(dataset: Dataset) -> Graph:
    """All triples of every graph merged into one graph (graph names dropped)."""
    union = Graph()
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace, replace=True)
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    return union


def serialize(dataset: Dataset, format_name: str) -> bytes:
    """The dataset in ``format_name``; Turtle carries the union, the others every graph."""
    serializer = FORMATS[format_name][0]
    target = union_graph(dataset) if format_name == "turtle" else dataset
    return target.serialize(format=serializer, encoding="utf-8")
