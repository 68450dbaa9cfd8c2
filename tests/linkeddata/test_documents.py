"""The ontology and the shapes dereference: pyLODE documentation for people, RDF for machines."""

import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import OWL, RDF, Graph, URIRef

from aseankg.rdf.namespaces import AK, ONTOLOGY
from aseankg.sources import bundle
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.linkeddata.conftest import parse, same_graph

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SHAPES_TTL = """\
@prefix ak: <https://w3id.org/aseankg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix shapes: <https://w3id.org/aseankg/shapes#> .

<https://w3id.org/aseankg/shapes> a owl:Ontology ;
    dcterms:title "test shapes"@en ;
    rdfs:seeAlso <https://w3id.org/aseankg/ontology> .

shapes:EventShape a sh:NodeShape ;
    rdfs:comment "Every event <b>has</b> a label."@en ;
    sh:targetClass ak:Event ;
    sh:property shapes:event-label .

shapes:event-label a sh:PropertyShape ;
    sh:path rdfs:label ;
    sh:minCount 1 ;
    sh:languageIn ( "en" ) ;
    sh:message "An event needs a label"@en .
"""


def ontology_graph() -> Graph:
    return Graph().parse(bundle.ontology_dir() / "aseankg.ttl")


def anchors(page: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page))


@pytest.mark.slow
def test_ontology_html_is_pylode_documentation_with_an_anchor_per_term(
    client: FlaskClient,
) -> None:
    response = client.get("/ontology", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Vary"] == "Accept"
    page = response.get_data(as_text=True)
    assert "pyLODE" in page
    terms = {
        str(term).removeprefix(str(AK))
        for term in ontology_graph().subjects(RDF.type)
        if isinstance(term, URIRef) and term.startswith(str(AK))
    }
    assert len(terms) > 100
    assert terms <= anchors(page)
    for heading in ("Metadata", "Classes", "Object Properties", "Datatype Properties"):
        assert f"<h2>{heading}</h2>" in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page
    assert "https://w3id.org/aseankg/ontology/0.1.0" in page
    assert "Domain" in page and "Range" in page


@pytest.mark.slow
def test_ontology_html_adds_alignments_and_see_also(client: FlaskClient) -> None:
    page = client.get("/ontology.html").get_data(as_text=True)
    assert '<h2 id="alignments">Alignments</h2>' in page
    assert '<a href="#Actor">Actor</a>' in page
    assert '<a href="http://semanticweb.cs.vu.nl/2009/11/sem/Actor">sem:Actor</a>' in page
    assert 'See also: <a href="http://localhost/shapes">' in page


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/ontology.ttl", "text/turtle"),
        ("/ontology.jsonld", "application/ld+json"),
        ("/ontology.rdf", "application/rdf+xml"),
        ("/ontology.nt", "application/n-triples"),
        ("/ontology/0.1.0?format=jsonld", "application/ld+json"),
    ],
)
def test_ontology_rdf_forms_hold_the_whole_ontology(
    client: FlaskClient, path: str, media_type: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == media_type
    received = parse(response.data, media_type)
    assert same_graph(received, ontology_graph())
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in received


@pytest.mark.slow
def test_the_documentation_is_built_once_whatever_the_host(app: Flask) -> None:
    """pyLODE's page is kept once per document; only the small host-dependent part is
    rendered per request, so requests for new Host headers add nothing to memory."""
    client = app.test_client()
    client.get("/ontology.html", base_url="http://first.test")
    kept = len(app.extensions)
    for host in ("second.test", "third.test:8080", "fourth.test"):
        page = client.get("/ontology.html", base_url=f"http://{host}").get_data(as_text=True)
        assert f'href="http://{host}/ontology.ttl"' in page
    assert len(app.extensions) == kept


@pytest.mark.slow
def test_loading_pylode_leaves_the_servers_logging_alone() -> None:
    """pyLODE configures the root logger on import; the server keeps its own settings."""
    script = (
        "import logging; import aseankg.web; root = logging.getLogger(); "
        "print(root.level, len(root.handlers))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == [str(logging.WARNING), "0"]


def test_ontology_by_accept_header(client: FlaskClient) -> None:
    response = client.get("/ontology", headers={"Accept": "application/rdf+xml"})
    assert response.mimetype == "application/rdf+xml"
    assert client.get("/ontology", headers={"Accept": "image/png"}).status_code == 406


def test_turtle_is_the_source_file(client: FlaskClient) -> None:
    source = (bundle.ontology_dir() / "aseankg.ttl").read_bytes()
    assert client.get("/ontology", headers={"Accept": "text/turtle"}).data == source


@pytest.mark.parametrize("path", ["/ontology/9.9.9", "/ontology.yaml"])
def test_other_ontology_paths_are_404(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_shapes_are_404_without_a_shapes_file(client: FlaskClient) -> None:
    if (bundle.ontology_dir() / "shapes.ttl").is_file():
        assert client.get("/shapes.ttl").status_code == 200
    else:
        assert client.get("/shapes").status_code == 404


@pytest.fixture(scope="module")
def shapes_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder: Path = tmp_path_factory.mktemp("ontology")
    shutil.copy(bundle.ontology_dir() / "aseankg.ttl", folder / "aseankg.ttl")
    (folder / "shapes.ttl").write_text(SHAPES_TTL, encoding="utf-8")
    app = create_app(Settings(ontology_dir=folder), testing=True)
    yield app
    site_of(app).engine.close()


def test_shapes_document_dereferences(shapes_app: Flask) -> None:
    client = shapes_app.test_client()
    page = client.get("/shapes", headers={"Accept": BROWSER}).get_data(as_text=True)
    assert {"EventShape", "event-label"} <= anchors(page)
    assert "test shapes" in page
    assert "Every event &lt;b&gt;has&lt;/b&gt; a label." in page
    assert '<a href="#event-label">shapes:event-label</a>' in page
    assert '<a href="http://localhost/ontology#Event">ak:Event</a>' in page
    assert "( &#34;en&#34; )" in page or '( "en" )' in page
    assert client.get("/shapes", headers={"Accept": "text/turtle"}).data == SHAPES_TTL.encode()
    received = parse(client.get("/shapes.jsonld").data, "application/ld+json")
    assert same_graph(received, Graph().parse(data=SHAPES_TTL, format="turtle"))
