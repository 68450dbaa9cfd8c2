"""The landing page's schema.org ``Dataset``, read as RDF: its facts are the data's and the
dump list's, and its URLs are on the served base."""

import json
import re

import pytest
from flask import Flask
from rdflib import DCTERMS, RDF, RDFS, SDO, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import VOID

from aseankg.publish.dumps import DUMPS
from aseankg.rdf.namespaces import AK, ID, ONTOLOGY
from aseankg.web.linkeddata.void import DATASET
from tests.support.server import SERVED


@pytest.fixture(scope="module")
def embedded(served_app: Flask) -> str:
    page = served_app.test_client().get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page.get_data(as_text=True), re.S
    )
    assert len(scripts) == 1
    return scripts[0]


@pytest.fixture(scope="module")
def described(embedded: str) -> Graph:
    return Graph().parse(data=embedded, format="json-ld")


def one(graph: Graph, subject: URIRef, prop: URIRef) -> object:
    values = list(graph.objects(subject, prop))
    assert len(values) == 1, (subject, prop, values)
    return values[0]


def test_it_is_plain_json_for_search_engines(embedded: str) -> None:
    data = json.loads(embedded)
    assert data["@type"] == "Dataset"
    assert data["license"].startswith("https://")
    assert "</" not in embedded


def test_the_dataset_is_the_one_void_describes(described: Graph) -> None:
    assert (DATASET, RDF.type, SDO.Dataset) in described
    assert one(described, DATASET, SDO.name) == Literal("aseankg: China-ASEAN cooperation in 2025")
    assert one(described, DATASET, SDO.temporalCoverage) == Literal("2025")
    assert one(described, DATASET, SDO.url) == URIRef(SERVED)
    assert one(described, DATASET, VOID.sparqlEndpoint) == URIRef(SERVED + "sparql")
    assert str(one(described, DATASET, SDO.description)).startswith("A knowledge graph")


def test_licence_and_creator_are_the_ontology_header(described: Graph, dataset: Dataset) -> None:
    header = dataset.graph(ONTOLOGY)
    assert one(described, DATASET, SDO.license) == header.value(ONTOLOGY, DCTERMS.license)
    creator = one(described, DATASET, SDO.creator)
    assert (creator, RDF.type, SDO.Organization) in described
    assert one(described, creator, SDO.name) == Literal(
        str(header.value(ONTOLOGY, DCTERMS.creator))
    )


def test_one_download_per_dump(described: Graph) -> None:
    downloads = list(described.objects(DATASET, SDO.distribution))
    found = {
        (
            str(one(described, node, SDO.contentUrl)),
            str(one(described, node, SDO.encodingFormat)),
        )
        for node in downloads
        if (node, RDF.type, SDO.DataDownload) in described
    }
    assert found == {(SERVED + dump.path, dump.media_type) for dump in DUMPS}
    assert len(downloads) == len(DUMPS)


def test_keywords_are_the_cooperation_areas(described: Graph, dataset: Dataset) -> None:
    areas = {
        dataset.value(concept, RDFS.label)
        for concept, _, _ in dataset.triples((None, SKOS.topConceptOf, None))
        if str(concept).startswith(f"{ID}topic/")
    }
    keywords = set(described.objects(DATASET, SDO.keywords))
    assert len(areas) > 3
    assert keywords == {Literal(str(area)) for area in areas}


def test_it_is_based_on_the_source_article(described: Graph, dataset: Dataset) -> None:
    articles = list(dataset.subjects(RDF.type, AK.Article))
    assert len(articles) == 1
    article = one(described, DATASET, SDO.isBasedOn)
    assert article == articles[0]
    assert (article, RDF.type, SDO.NewsArticle) in described
    assert one(described, article, SDO.headline) == Literal(
        str(dataset.value(articles[0], DCTERMS.title))
    )
