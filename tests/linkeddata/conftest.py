"""An app over the bundled data, shared by the linked-data tests, and helpers to read RDF."""

import io

import pyoxigraph
import pytest
from flask import Flask
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from aseankg.rdf.formats import RDF_SYNTAXES
from aseankg.rdf.namespaces import ID
from aseankg.web.site import site_of

#: Media type -> rdflib parser name.
PARSERS = {syntax.media_type: syntax.rdflib for syntax in RDF_SYNTAXES}


@pytest.fixture(scope="session")
def store_quads(app: Flask) -> set[pyoxigraph.Quad]:
    return set(site_of(app).engine.backend.store)


@pytest.fixture(scope="session")
def entities(dataset: Dataset) -> list[URIRef]:
    """Every IRI under the id/ space that the data mentions, as subject or object."""
    found = {
        term
        for triple in dataset.triples((None, None, None))
        for term in (triple[0], triple[2])
        if isinstance(term, URIRef) and term.startswith(str(ID))
    }
    return sorted(found)


def parse(payload: bytes, media_type: str) -> Dataset:
    """The payload parsed by rdflib; triple syntaxes land in the default graph."""
    dataset = Dataset(default_union=True)
    dataset.parse(data=payload, format=PARSERS[media_type])
    return dataset


def oxigraph_quads(payload: bytes, media_type: str) -> set[pyoxigraph.Quad]:
    """The payload parsed by Oxigraph, the second parser."""
    rdf_format = pyoxigraph.RdfFormat.from_media_type(media_type)
    return set(pyoxigraph.parse(io.BytesIO(payload), format=rdf_format))


def same_graph(received: Graph, expected: Graph) -> bool:
    """Equal up to blank node names, with every graph of ``received`` merged."""
    merged = Graph()
    for triple in received.triples((None, None, None)):
        merged.add(triple)
    return isomorphic(merged, expected)
