"""VoID: parses, and its counts are the real counts of the store."""

import pyoxigraph
import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import VOID

from aseankg.namespaces import AK, ONTOLOGY, REFERENCE_GRAPH, SD, story_graph
from tests.linkeddata.conftest import oxigraph_quads, parse

DATASET = URIRef("https://w3id.org/aseankg/.well-known/void#dataset")


@pytest.fixture(scope="module")
def void(app: Flask) -> Dataset:
    response = app.test_client().get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    return parse(response.data, "text/turtle")


def number(void: Dataset, node: URIRef, prop: URIRef) -> int:
    value = void.value(node, prop)
    assert isinstance(value, Literal), (node, prop)
    return int(value.toPython())


def test_void_triples_is_the_number_of_quads_in_the_store(
    void: Dataset, store_quads: set[pyoxigraph.Quad]
) -> None:
    assert number(void, DATASET, VOID.triples) == len(store_quads)


def test_one_subset_per_graph_and_they_add_up(
    void: Dataset, store_quads: set[pyoxigraph.Quad]
) -> None:
    subsets = list(void.objects(DATASET, VOID.subset))
    graphs = {void.value(subset, SD.name): subset for subset in subsets}
    expected = {ONTOLOGY, REFERENCE_GRAPH} | {story_graph(n) for n in range(1, 11)}
    assert set(graphs) == expected
    assert sum(number(void, subset, VOID.triples) for subset in subsets) == len(store_quads)
    story_five = sum(1 for quad in store_quads if quad.graph_name.value == str(story_graph(5)))
    assert number(void, graphs[story_graph(5)], VOID.triples) == story_five


def test_partitions_are_counted(void: Dataset, store_quads: set[pyoxigraph.Quad]) -> None:
    partitions = list(void.objects(DATASET, VOID.propertyPartition))
    assert sum(number(void, node, VOID.triples) for node in partitions) == len(store_quads)
    classes = {
        void.value(node, VOID["class"]): node for node in void.objects(DATASET, VOID.classPartition)
    }
    story_count = number(void, classes[AK.Story], VOID.entities)
    assert story_count == 10
    assert number(void, DATASET, VOID.classes) == len(classes)


def test_void_says_where_and_what(void: Dataset) -> None:
    base = "https://w3id.org/aseankg/"
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef(base + "sparql")
    dumps = set(void.objects(DATASET, VOID.dataDump))
    assert {
        URIRef(base + "dumps/aseankg." + ext) for ext in ("trig", "nq", "nq.gz", "jsonld", "ttl")
    } == dumps
    assert void.value(DATASET, VOID.uriSpace) == Literal(base + "id/")
    assert URIRef(str(AK)) in set(void.objects(DATASET, VOID.vocabulary))
    for prop in ("title", "description", "license", "creator"):
        assert void.value(DATASET, URIRef("http://purl.org/dc/terms/" + prop)) is not None
    assert number(void, DATASET, VOID.entities) > 150


@pytest.mark.parametrize("suffix", [".jsonld", ".nt", ".rdf", "?format=jsonld"])
def test_void_in_other_syntaxes(client: FlaskClient, void: Dataset, suffix: str) -> None:
    response = client.get("/.well-known/void" + suffix)
    assert response.status_code == 200
    again = parse(response.data, response.mimetype)
    assert number(again, DATASET, VOID.triples) == number(void, DATASET, VOID.triples)
    assert len(oxigraph_quads(response.data, response.mimetype)) == len(void)


def test_other_well_known_paths_are_404(client: FlaskClient) -> None:
    assert client.get("/.well-known/security.txt").status_code == 404
