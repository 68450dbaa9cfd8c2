"""Serialize the Dataset in the syntaxes consumers download."""

from rdflib import Dataset, Graph

from aseankg.formats import Syntax
from aseankg.namespaces import bind_prefixes


def union_graph(dataset: Dataset) -> Graph:
    """All triples of every graph merged into one graph (graph names dropped)."""
    union = bind_prefixes(Graph())
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    return union


def serialize(dataset: Dataset, syntax: Syntax) -> bytes:
    """The dataset in ``syntax``: every graph where the syntax keeps graphs, else their union."""
    target = dataset if syntax.keeps_graphs else union_graph(dataset)
    return target.serialize(format=syntax.rdflib, encoding="utf-8")
