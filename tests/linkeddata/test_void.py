"""VoID: parses, and its counts are the real counts of the store."""

import pyoxigraph
import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import DCTERMS, RDF, SKOS, Dataset, Literal, URIRef
from rdflib.namespace import VOID

from aseankg.rdf.namespaces import AK, ID, ONTOLOGY, REFERENCE_GRAPH, SD, story_graph
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
    subsets = [node for node in void.objects(DATASET, VOID.subset) if (node, SD.name, None) in void]
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
    served = "http://localhost/"
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef(served + "sparql")
    dumps = set(void.objects(DATASET, VOID.dataDump))
    assert {
        URIRef(served + "dumps/aseankg." + ext) for ext in ("trig", "nq", "nq.gz", "jsonld", "ttl")
    } == dumps
    assert void.value(DATASET, VOID.uriSpace) == Literal("https://w3id.org/aseankg/id/")
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


def facts_about(dataset: Dataset, subject: URIRef) -> int:
    """Facts with ``subject`` as subject, counted per graph as VoID counts them."""
    return sum(1 for _ in dataset.quads((subject, None, None, None)))


def test_example_resources_are_the_most_described_of_their_kind(
    void: Dataset, dataset: Dataset, entities: list[URIRef]
) -> None:
    examples = set(void.objects(DATASET, VOID.exampleResource))
    kinds = {str(example).removeprefix(str(ID)).split("/")[0] for example in examples}
    assert kinds == {"event", "document", "outcome", "country"}
    for example in examples:
        kind = str(example).removeprefix(str(ID)).split("/")[0]
        same_kind = [entity for entity in entities if entity.startswith(f"{ID}{kind}/")]
        most = max(facts_about(dataset, entity) for entity in same_kind)
        assert facts_about(dataset, example) == most, example


def test_the_root_resource_is_the_source_article(void: Dataset, dataset: Dataset) -> None:
    assert set(void.objects(DATASET, VOID.rootResource)) == set(
        dataset.subjects(RDF.type, AK.Article)
    )


def test_the_wikidata_linkset_counts_the_links(void: Dataset, dataset: Dataset) -> None:
    links = sum(
        1
        for _, _, target, _ in dataset.quads((None, SKOS.exactMatch, None, None))
        if str(target).startswith("http://www.wikidata.org/entity/")
    )
    assert links > 5
    (linkset,) = void.subjects(RDF.type, VOID.Linkset)
    assert linkset in set(void.objects(DATASET, VOID.subset))
    assert void.value(linkset, VOID.subjectsTarget) == DATASET
    assert void.value(linkset, VOID.linkPredicate) == SKOS.exactMatch
    assert number(void, linkset, VOID.triples) == links
    wikidata = void.value(linkset, VOID.objectsTarget)
    assert (wikidata, RDF.type, VOID.Dataset) in void
    assert void.value(wikidata, VOID.uriSpace) == Literal("http://www.wikidata.org/entity/")


def test_licence_and_creator_are_the_ontology_header(void: Dataset, dataset: Dataset) -> None:
    header = dataset.graph(ONTOLOGY)
    for prop in (DCTERMS.license, DCTERMS.creator):
        assert set(void.objects(DATASET, prop)) == set(header.objects(ONTOLOGY, prop)), prop
